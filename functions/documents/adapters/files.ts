/**
 * Document files in S3 (s3rver in the embedded runtime): presigned upload
 * slots, short-lived presigned downloads, reads with a size limit, writes.
 */
import { DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { DomainError } from '../../../shared/errors/index.js'
import { s3Client } from '../../lib/clients.js'
import { env, envNow } from '../../lib/env.js'
import { presignUpload, putObject, readObject } from '../../lib/adapters/blobs.js'

/** Seconds a download link stays valid. */
export const DOWNLOAD_SECONDS = 300

/** The browser reaches the local S3 stand-in through a public base when one is set (as presignUpload does). */
const publicUrl = (url: string): string => {
  const { S3_PUBLIC_URL: base, AWS_ENDPOINT_URL_S3: endpoint } = envNow()
  return base && endpoint ? url.replace(endpoint, base) : url
}

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
