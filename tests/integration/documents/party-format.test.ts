/**
 * An issued document in the Party format (Hướng dẫn 36-HD/VPTW), as poppler
 * reads it: the number and the date written once — into the draft's own
 * blanks when it has them, else on their own line under the header, never
 * over the title —, the signature inside the draft's signing block, and the
 * seal of the body that issues (not of its superior).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib'
import { afterAll, describe, expect, inject, it, vi } from 'vitest'
import { auditKeyFile } from '../../../infra/local/audit-key.js'
import { login } from '../../support/api.js'
import { pdfsig } from '../../support/poppler.js'
import { download, newWard, person, put, upload } from './support.js'
import { formatDraft } from './format-drafts.js'

vi.setConfig({ testTimeout: 180_000 })

const work = mkdtempSync(join(tmpdir(), 'party-format-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Word { text: string; x0: number; y0: number; x1: number; y1: number }

/** Words of page 1 with their boxes, as `pdftotext -bbox` gives them (origin top left). */
function words(pdf: Uint8Array): Word[] {
  const file = join(work, `w-${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  const html = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', file, '-'], { encoding: 'utf8' })
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5].replace(/&amp;/g, '&') }))
}

const overlap = (a: Word, b: Word, tolerance = 0.5) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > tolerance && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > tolerance
const inside = (w: Word, r: Word) => w.x0 >= r.x0 - 1 && w.x1 <= r.x1 + 1 && w.y0 >= r.y0 - 1 && w.y1 <= r.y1 + 1
const one = (ws: Word[], text: string): Word => {
  const found = ws.filter((w) => w.text === text)
  expect(found.map((w) => w.text), `"${text}" once on page 1`).toEqual([text])
  return found[0]
}
const sameLine = (a: Word, b: Word) => Math.abs(a.y0 - b.y0) < 2 && Math.abs(a.y1 - b.y1) < 2

/** The annotations of page 1 (signature widgets, the seal's information box), with their rectangles in pdftotext's coordinates. */
async function annotations(pdf: Uint8Array): Promise<{ kind: string; rect: Word; contents?: string }[]> {
  const doc = await PDFDocument.load(pdf)
  const page = doc.getPage(0)
  const height = page.getHeight()
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
  return (annots?.asArray() ?? []).map((ref) => {
    const a = doc.context.lookup(ref, PDFDict)
    const [x0, y0, x1, y1] = a.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber())
    const name = a.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText()
    const kind = name?.startsWith('PersonalSignature') ? 'personal' : name?.startsWith('OrganisationSeal') ? 'seal' : String(a.get(PDFName.of('Subtype')))
    return {
      kind, rect: { text: kind, x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: height - Math.max(y0, y1), y1: height - Math.min(y0, y1) },
      contents: a.lookupMaybe(PDFName.of('Contents'), PDFString, PDFHexString)?.decodeText(),
    }
  })
}

/** Printed words that overlap one another, leaving out what the signature and the seal draw (the seal overlaps the signature on purpose). */
async function overlapping(pdf: Uint8Array): Promise<string[]> {
  const areas = (await annotations(pdf)).filter((a) => a.kind === 'personal' || a.kind === 'seal').map((a) => a.rect)
  const printed = words(pdf).filter((w) => !areas.some((r) => inside(w, r)))
  const out: string[] = []
  printed.forEach((a, i) => printed.slice(i + 1).forEach((b) => { if (overlap(a, b)) out.push(`${a.text} × ${b.text}`) }))
  return out
}

const WARD = 'Đảng ủy phường Thể Thức'
const SIGNER = 'Đặng Quốc Ấn'
const BLOCK = { title: ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'], name: SIGNER }

async function setUp() {
  const admin = await login('admin')
  const ward = await newWard(admin, WARD)
  const specialist = await person(admin, ward, 'specialist', 'Chuyên viên Thể Thức')
  const secretary = await person(admin, ward, 'secretary', SIGNER, 'Bí thư Đảng ủy phường')
  expect((await put(secretary, '/api/documents/chains', { unitId: ward, type: 'KH', steps: [] })).status).toBe(200)
  /** A draft, approved (no review chain: the signature is the approval); its id. */
  const approved = async (pdf: Uint8Array, summary: string): Promise<string> => {
    const d = await specialist.post('/api/documents/drafts', { unitId: ward, type: 'KH', summary, signer: secretary.username, file: await upload(specialist, pdf) })
    expect(d.status, JSON.stringify(d.body)).toBe(201)
    expect((await specialist.post(`/api/documents/${d.body.document.documentId}/submit`, {})).body.document.status).toBe('approved')
    return d.body.document.documentId
  }
  const issue = async (id: string) => {
    const res = await secretary.post(`/api/documents/${id}/issue`, {})
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return { document: res.body.document, pdf: await download((await secretary.get(`/api/documents/${id}`)).body.download.url) }
  }
  return { ward, secretary, approved, issue }
}

const withBlanks = () => formatDraft({
  issuer: WARD, signer: BLOCK, blanks: { number: 'Số         -KH/ĐU', date: 'Thể Thức, ngày       tháng       năm 2026' },
})

describe('an issued document in the Party format', () => {
  it('fills the draft\'s own blanks with the number, day and month, signs inside its signing block and seals with the ward\'s seal', async () => {
    const { approved, issue } = await setUp()
    const { document, pdf } = await issue(await approved(await withBlanks(), 'Kế hoạch kiểm tra, giám sát năm 2026'))
    const [, month, day] = document.documentDate.split('-')
    const expectedMonth = Number(month) <= 2 ? month : String(Number(month))
    expect(document.symbol).toBe('01-KH/ĐU')

    const ws = words(pdf)
    // The number once, in the gap between "Số" and "-KH/ĐU", on their line; no second number line.
    const so = one(ws, 'Số')
    const symbol = one(ws, '-KH/ĐU')
    const number = one(ws, '01')
    expect(sameLine(number, so) && sameLine(number, symbol)).toBe(true)
    expect(number.x0).toBeGreaterThan(so.x1)
    expect(number.x1).toBeLessThan(symbol.x0)
    // The day and the month once each, between "ngày" and "tháng" and between "tháng" and "năm" of the date line; no second date line.
    const place = one(ws, 'Thức,')
    const dateWords = ws.filter((w) => sameLine(w, place) && w.x0 > place.x1)
    expect(dateWords.map((w) => w.text)).toEqual(['ngày', day, 'tháng', expectedMonth, 'năm', '2026'])
    expect(ws.filter((w) => w.text === day || w.text === expectedMonth).filter((w) => !sameLine(w, place))).toEqual([])
    expect(await overlapping(pdf)).toEqual([])

    // The signature between the title and the printed name, once: the block is not drawn a second time.
    const notes = await annotations(pdf)
    const personal = notes.find((a) => a.kind === 'personal')!.rect
    const seal = notes.find((a) => a.kind === 'seal')!.rect
    const title = one(ws, 'THƯ')
    // (The mark itself writes the given name "Ấn": the middle name shows the printed name line.)
    const name = one(ws, 'Quốc')
    one(ws, 'T/M')
    expect(personal.y0).toBeGreaterThanOrEqual(title.y1)
    expect(personal.y1).toBeLessThanOrEqual(name.y0)
    expect(personal.x0).toBeLessThan(name.x0)
    // The seal covers the left part of the signature.
    expect(seal.x0).toBeLessThan(personal.x0)
    expect(seal.x1).toBeGreaterThan(personal.x0)
    expect(seal.x1).toBeLessThan((personal.x0 + personal.x1) / 2)

    // The seal and its information box name the ward, not the city committee over it.
    const sealText = ws.filter((w) => inside(w, seal)).map((w) => w.text)
    expect(sealText).toEqual(expect.arrayContaining(['ĐẢNG', 'ỦY', 'PHƯỜNG', 'THỂ', 'THỨC']))
    expect(notes.find((a) => a.kind === '/Stamp')!.contents).toMatch(new RegExp(`^${WARD}\\n`))

    // pdfsig: two valid signatures, the seal's certificate made out to the ward.
    const [personalReport, sealReport, ...others] = pdfsig(pdf)
    expect(others).toEqual([])
    for (const report of [personalReport, sealReport]) {
      expect(report).toContain('- Signature Validation: Signature is Valid.')
      expect(report).toContain('- Certificate Validation: Certificate is Trusted.')
    }
    expect(personalReport).toContain(`- Signer Certificate Common Name: ${SIGNER}`)
    expect(sealReport).toContain(`- Signer Certificate Common Name: ${WARD}`)
    expect(sealReport).toContain(`- Signer full Distinguished Name: C=VN,O=${WARD},CN=${WARD}`)
    expect(sealReport).not.toContain('Thành ủy')
    if (process.env.KEEP_ISSUED_PDF) writeFileSync(join(process.env.KEEP_ISSUED_PDF, 'blanks.pdf'), pdf)
  })

  it('writes the number and the date of a draft without blanks once, under the header and clear of a title that stands close under it', async () => {
    const { approved, issue } = await setUp()
    // The title where the old fixed band (15 % down the page) printed the number.
    const draft = await formatDraft({ issuer: WARD, signer: BLOCK, titleAt: 716 })
    const { document, pdf } = await issue(await approved(draft, 'Kế hoạch không để sẵn chỗ số và ngày'))

    const ws = words(pdf)
    const so = one(ws, 'Số')
    const number = one(ws, '01-KH/ĐU')
    const place = one(ws, 'Thức,')
    const title = one(ws, 'HOẠCH')
    expect(sameLine(so, number) && sameLine(number, place)).toBe(true)
    // Number on the left under the issuing body, date on the right under the motto, both above the title.
    const motto = one(ws, 'CỘNG')
    expect(number.x1).toBeLessThan(297)
    expect(place.x0).toBeGreaterThan(297)
    expect(number.y0).toBeGreaterThan(motto.y1)
    expect(number.y1).toBeLessThan(title.y0)
    const line = ws.filter((w) => sameLine(w, place) && w.x0 >= place.x0).map((w) => w.text).join(' ')
    expect(line).toBe(document.issued.dateLine.replace(/^Thể /, ''))
    expect(await overlapping(pdf)).toEqual([])
    if (process.env.KEEP_ISSUED_PDF) writeFileSync(join(process.env.KEEP_ISSUED_PDF, 'no-blanks.pdf'), pdf)
  })

  it('dates a document issued at 00:11 in Việt Nam with Việt Nam\'s day, written into the blanks', async () => {
    const { approved, secretary } = await setUp()
    const id = await approved(await withBlanks(), 'Kế hoạch ban hành lúc nửa đêm')
    // The use case as the function runs it, with the clock at the next 00:11 in Việt Nam (17:11 UTC, the day before in UTC).
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'), AWS_ENDPOINT_URL_S3: inject('s3Endpoint'), TABLE_NAME: 'digital-office-local',
      UPLOADS_BUCKET: 'uploads', AUDIT_MAC: 'local', AUDIT_KEY_FILE: auditKeyFile(inject('dataDir')), SIGNING: 'local', SIGNING_DIR: join(inject('dataDir'), 'signing'),
      AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', OUTBOX_DIR: join(inject('dataDir'), 'outbox'),
    })
    const { resolveActor, orgContext } = await import('../../../functions/org/usecases/context.js')
    const { issueDocument } = await import('../../../functions/documents/usecases/issue.js')
    const { files } = await import('../../../functions/lib/adapters/blobs.js')
    const now = new Date()
    now.setUTCHours(17, 11, 0, 0)
    if (now.getTime() < Date.now()) now.setUTCDate(now.getUTCDate() + 1)
    const vietnamDay = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10)
    expect(now.toISOString().slice(0, 10)).not.toBe(vietnamDay)

    const { document } = await issueDocument(orgContext(await resolveActor({ username: secretary.username }), 'test', now), id)

    expect(document.documentDate).toBe(vietnamDay)
    const [, month, day] = vietnamDay.split('-')
    const ws = words(new Uint8Array(await files.read(document.file!.objectKey, 64 * 1024 * 1024)))
    const place = one(ws, 'Thức,')
    const expectedMonth = Number(month) <= 2 ? month : String(Number(month))
    expect(ws.filter((w) => sameLine(w, place) && w.x0 > place.x1).map((w) => w.text)).toEqual(['ngày', day, 'tháng', expectedMonth, 'năm', '2026'])
  })
})
