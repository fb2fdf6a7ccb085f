/**
 * PUT a file to a presigned URL (possibly another origin) with progress
 * events. fetch() has no upload progress, hence XMLHttpRequest.
 */
export class UploadError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
    this.name = 'UploadError'
  }
}

export function uploadFile(
  url: string,
  file: Blob,
  headers: Record<string, string>,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', url)
    for (const [k, v] of Object.entries(headers ?? {})) {
      // Browsers refuse to set some headers (Host, Content-Length): skip them.
      if (/^(host|content-length|connection)$/i.test(k)) continue
      try { xhr.setRequestHeader(k, v) } catch { /* forbidden header */ }
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total)
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1)
        resolve()
      } else {
        reject(new UploadError(xhr.status, `HTTP ${xhr.status}`))
      }
    }
    xhr.onerror = () => reject(new UploadError(0, 'network'))
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(file)
  })
}
