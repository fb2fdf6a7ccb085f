/**
 * The local S3 stand-in needs credentials: s3rver alone serves anonymous
 * GET/PUT/DELETE, so its port is a guard that forwards only SigV4-signed
 * requests by the local credentials and unexpired presigned URLs. The
 * platform's own uploads, reads and downloads keep working through it.
 */
import { describe, expect, inject, it, vi } from 'vitest'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { login } from '../../support/api.js'
import { download, pdfOf, upload } from '../documents/support.js'

vi.setConfig({ testTimeout: 120_000 })

const s3 = () => inject('s3Endpoint')
const client = (secretAccessKey: string) => new S3Client({
  region: 'ap-southeast-1', endpoint: s3(), forcePathStyle: true, maxAttempts: 1,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey },
})
/** The presigned URL without its signature: what an anonymous caller would send. */
const bare = (url: string) => { const u = new URL(url); u.search = ''; return u.toString() }

describe('the local S3 stand-in refuses anonymous and wrongly signed requests', () => {
  it('an unsigned GET, PUT or DELETE is answered 403 and changes nothing; the presigned upload and the platform\'s download link work', async () => {
    // Prepare: a clerk uploads through the presigned slot (as the SPA does) and registers the document.
    const clerk = await login('vanthu.hoankiem')
    const file = await upload(clerk, await pdfOf('Về việc kiểm tra quyền truy cập kho tệp'))
    const n = Math.floor(Math.random() * 900000) + 100000
    const reg = await clerk.post('/api/documents/incoming', {
      unitId: 'p-hoankiem', symbol: `${n}-CV/ĐU`, issuerName: 'Đảng ủy phường Cửa Nam', documentDate: '2026-01-05', receivedDate: '2026-01-06',
      summary: 'Công văn kiểm tra quyền truy cập kho tệp', file,
    })
    expect(reg.status, JSON.stringify(reg.body)).toBe(201)
    const page = await clerk.get(`/api/documents/${reg.body.document.documentId}`)
    expect(page.status).toBe(200)
    const link: string = page.body.download.url
    const objectUrl = bare(link)

    // Act + Assess: anonymous requests to the S3 port.
    const get = await fetch(objectUrl)
    expect(get.status).toBe(403)
    expect(await get.text()).not.toContain('%PDF')
    const listing = await fetch(`${s3()}/uploads`)
    expect(listing.status).toBe(403)
    const planted = `${s3()}/uploads/documents/uploads/planted-${n}.pdf`
    expect((await fetch(planted, { method: 'PUT', body: 'giả mạo', headers: { 'content-type': 'application/pdf' } })).status).toBe(403)
    expect((await fetch(objectUrl, { method: 'DELETE' })).status).toBe(403)
    expect((await fetch(objectUrl, { method: 'PUT', body: 'ghi đè' })).status).toBe(403)

    // The platform's presigned GET still downloads the original file, untouched.
    const bytes = await download(link)
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
    // …and the planted object never arrived (asked with the local credentials).
    const key = new URL(planted).pathname.replace(/^\/uploads\//, '')
    await expect(client('S3RVER').send(new GetObjectCommand({ Bucket: 'uploads', Key: key }))).rejects.toMatchObject({ name: 'NoSuchKey' })
  })

  it('a tampered or re-targeted presigned URL is refused; requests signed with the wrong secret are refused, with the local secret accepted', async () => {
    const clerk = await login('vanthu.hoankiem')
    const file = await upload(clerk, await pdfOf('Về việc kiểm tra chữ ký'))
    const slot = await clerk.post('/api/documents/uploads', { fileName: 'khac.pdf', contentType: 'application/pdf', size: 10 })
    expect(slot.status).toBe(201)
    const url = new URL(slot.body.uploadUrl as string)

    // The same signature on another key (an attacker reusing a slot to write elsewhere).
    const elsewhere = new URL(url); elsewhere.pathname = elsewhere.pathname.replace(/[^/]+$/, 'ghi-de.pdf')
    expect((await fetch(elsewhere, { method: 'PUT', headers: slot.body.headers, body: 'x' })).status).toBe(403)
    // An edited signature.
    const edited = new URL(url); const sig = edited.searchParams.get('X-Amz-Signature')!
    edited.searchParams.set('X-Amz-Signature', (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1))
    expect((await fetch(edited, { method: 'PUT', headers: slot.body.headers, body: 'x' })).status).toBe(403)
    // An upload slot is for PUT: a GET with it does not read.
    expect((await fetch(url)).status).toBe(403)

    // SDK requests: wrong secret refused, the local one accepted (the platform's own reads).
    await expect(client('sai-mat-khau').send(new GetObjectCommand({ Bucket: 'uploads', Key: file.objectKey }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } })
    await expect(client('sai-mat-khau').send(new PutObjectCommand({ Bucket: 'uploads', Key: file.objectKey, Body: 'ghi đè' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } })
    const ok = await client('S3RVER').send(new GetObjectCommand({ Bucket: 'uploads', Key: file.objectKey }))
    expect(Buffer.from(await ok.Body!.transformToByteArray()).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
