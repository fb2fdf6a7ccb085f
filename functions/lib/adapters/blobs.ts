/**
 * Files in S3 (a local S3-compatible server in the embedded runtime):
 * presigned uploads straight from the browser, reads by key.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { s3Client } from '../clients.js'
import { env, envNow } from '../env.js'
import { NotFoundError } from '../../../shared/errors/index.js'

export async function presignUpload(key: string, contentType: string): Promise<{ uploadUrl: string; headers: Record<string, string> }> {
  const url = await getSignedUrl(s3Client(), new PutObjectCommand({ Bucket: env().UPLOADS_BUCKET, Key: key, ContentType: contentType }), { expiresIn: 900 })
  const { S3_PUBLIC_URL: publicBase, AWS_ENDPOINT_URL_S3: endpoint } = envNow()
  // In the embedded runtime the browser reaches the S3 stand-in through the gateway's origin.
  return { uploadUrl: publicBase && endpoint ? url.replace(endpoint, publicBase) : url, headers: { 'content-type': contentType } }
}

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
