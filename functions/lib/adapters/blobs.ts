/**
 * Files in S3 (a local S3-compatible server in the embedded runtime), for
 * every module: presigned upload slots straight from the browser,
 * short-lived presigned downloads, reads by key with a size limit, writes,
 * removals. Object keys come from shared/table/objects.ts.
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { s3Client } from '../clients.js'
import { env, envNow } from '../env.js'
import { DomainError, NotFoundError } from '../../../shared/errors/index.js'

/** Seconds a download link stays valid. */
export const DOWNLOAD_SECONDS = 300

/** In the embedded runtime the browser reaches the S3 stand-in through the gateway's origin (a public base, when one is set). */
const publicUrl = (url: string): string => {
  const { S3_PUBLIC_URL: base, AWS_ENDPOINT_URL_S3: endpoint } = envNow()
  return base && endpoint ? url.replace(endpoint, base) : url
}

export async function presignUpload(key: string, contentType: string): Promise<{ uploadUrl: string; headers: Record<string, string> }> {
  const url = await getSignedUrl(s3Client(), new PutObjectCommand({ Bucket: env().UPLOADS_BUCKET, Key: key, ContentType: contentType }), { expiresIn: 900 })
  return { uploadUrl: publicUrl(url), headers: { 'content-type': contentType } }
}

/** The bytes of an object; over `maxBytes` an error marked `tooLarge`, a missing object NotFoundError. */
export async function readObject(key: string, maxBytes: number): Promise<Buffer> {
  try {
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: env().UPLOADS_BUCKET, Key: key }))
    if ((head.ContentLength ?? 0) > maxBytes) throw Object.assign(new Error('too large'), { tooLarge: true })
    const res = await s3Client().send(new GetObjectCommand({ Bucket: env().UPLOADS_BUCKET, Key: key }))
    return Buffer.from(await res.Body!.transformToByteArray())
  } catch (err) {
    const name = (err as Error).name
    if (name === 'NoSuchKey' || name === 'NotFound') throw new NotFoundError('object', key)
    throw err
  }
}

export async function putObject(key: string, body: Buffer | string, contentType: string): Promise<void> {
  await s3Client().send(new PutObjectCommand({ Bucket: env().UPLOADS_BUCKET, Key: key, Body: body, ContentType: contentType }))
}

/** The modules' file operations, as one object (documents, archives, members, the assistant). */
export const files = {
  presignUpload,

  async presignDownload(key: string, fileName: string, contentType: string): Promise<{ url: string; expiresIn: number }> {
    const disposition = `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`
    const url = await getSignedUrl(s3Client(), new GetObjectCommand({
      Bucket: env().UPLOADS_BUCKET, Key: key, ResponseContentDisposition: disposition, ResponseContentType: contentType,
    }), { expiresIn: DOWNLOAD_SECONDS })
    return { url: publicUrl(url), expiresIn: DOWNLOAD_SECONDS }
  },

  /** The bytes of an object, refusing anything over `maxBytes` (413). */
  async read(key: string, maxBytes: number): Promise<Buffer> {
    try {
      return await readObject(key, maxBytes)
    } catch (err) {
      if ((err as { tooLarge?: boolean }).tooLarge) throw new DomainError('upload.tooLarge', 413, { limit: maxBytes })
      throw err
    }
  },

  put: (key: string, bytes: Uint8Array, contentType: string) => putObject(key, Buffer.from(bytes), contentType),

  async remove(key: string): Promise<void> {
    await s3Client().send(new DeleteObjectCommand({ Bucket: env().UPLOADS_BUCKET, Key: key }))
  },
}
export type Files = typeof files
