/**
 * A form's document file, uploaded when the form is sent: once per chosen
 * file (sending again after a refused form reuses the upload), with the
 * progress `UploadProgress` shows.
 */
import { useCallback, useRef, useState } from 'react'
import { uploadDocumentFile } from './documents'

type Uploaded = { objectKey: string; fileName: string }

export function useUploadOnce() {
  const [progress, setProgress] = useState<number | null>(null)
  const done = useRef<{ file: File; ref: Uploaded } | null>(null)
  const upload = useCallback(async (file: File): Promise<Uploaded> => {
    if (done.current?.file === file) return done.current.ref
    setProgress(0)
    try {
      const ref = await uploadDocumentFile(file, setProgress)
      done.current = { file, ref }
      return ref
    } finally {
      setProgress(null)
    }
  }, [])
  const reset = useCallback(() => { setProgress(null); done.current = null }, [])
  return { progress, upload, reset }
}
