/**
 * Benchmarks of the official documents module (issue 3). Each measures the
 * production code path on the embedded engines; nothing here is asserted.
 *
 *  - search at scale: N documents (default 100,000) projected into the read
 *    model (PGlite, same DDL and projection as the stream handler), then the
 *    API's own search mapping and query, p50/p95 per kind of query;
 *  - signing: a 10-page PDF stamped, signed by a person and sealed by the
 *    unit (the `issue` step), documents/s one at a time and concurrently;
 *  - numbering under contention: concurrent callers taking numbers from one
 *    series on DynamoDB Local (counter + audit entry in one transaction).
 * The inbox listing under 50 clients runs in run.ts, against the platform
 * in its own process, next to the other HTTP figures.
 */
import { auditKeyFile } from '../../infra/local/audit-key.js'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import type { OfficialDocument } from '../../shared/documents/contracts.js'
import { ENTITY } from '../../shared/table/keys.js'

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d
export const percentile = (sorted: number[], p: number): number => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN

/** Vocabulary of real-looking summaries: topics × actions, so words repeat as they do in a register. */
const TOPICS = [
  'chuyển đổi số trong các cơ quan Đảng', 'công tác kiểm tra, giám sát và thi hành kỷ luật đảng', 'phòng, chống tham nhũng, lãng phí, tiêu cực',
  'cải cách hành chính và thủ tục hành chính', 'công tác phát triển đảng viên', 'thu, nộp, quản lý và sử dụng đảng phí',
  'sắp xếp tổ chức bộ máy tinh gọn, hiệu lực, hiệu quả', 'công tác tuyên giáo và dân vận', 'bảo vệ nền tảng tư tưởng của Đảng',
  'đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030', 'kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên',
  'học tập, quán triệt nghị quyết của Đảng', 'công tác bảo vệ chính trị nội bộ', 'xây dựng chính quyền điện tử', 'an ninh mạng và bảo mật thông tin',
  'phát triển khoa học, công nghệ, đổi mới sáng tạo', 'công tác văn thư, lưu trữ', 'chăm lo đời sống nhân dân dịp Tết Nguyên đán',
]
const ACTIONS = ['Về việc triển khai', 'Về tăng cường', 'Về đẩy mạnh', 'Kế hoạch thực hiện', 'Báo cáo kết quả', 'Hướng dẫn', 'Về việc tổ chức sơ kết', 'Thông báo ý kiến chỉ đạo về']
const TYPES = ['NQ', 'CT', 'KL', 'QĐ', 'CV', 'TB', 'BC', 'KH', 'HD']
const ISSUERS = [{ code: 'TW', name: 'Ban Chấp hành Trung ương' }, { code: 'TU', name: 'Thành ủy Hà Nội' }, { code: 'VPTU', name: 'Văn phòng Thành ủy' },
  { code: 'BTCTU', name: 'Ban Tổ chức Thành ủy' }, { code: 'UBKTTU', name: 'Ủy ban Kiểm tra Thành ủy' }, { code: 'ĐU', name: 'Đảng ủy phường' }]

/** A deterministic pseudo-random sequence, so two runs index the same documents. */
function rng(seed: number) { let s = seed >>> 0; return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32 } }

export function syntheticDocuments(n: number, units: string[]): OfficialDocument[] {
  const r = rng(42)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const docs: OfficialDocument[] = []
  for (let i = 0; i < n; i++) {
    const owner = pick(units)
    const type = pick(TYPES)
    const issuer = pick(ISSUERS)
    const year = 2019 + Math.floor(r() * 8)
    const date = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`
    const number = 1 + Math.floor(r() * 400)
    const incoming = r() < 0.7
    const at = `${date}T08:00:00.000Z`
    const person = { userId: 'bench', fullName: 'Văn thư thử tải' }
    docs.push({
      documentId: `${owner}.${String(i).padStart(8, '0')}`, ownerUnitId: owner, flow: incoming ? 'incoming' : 'outgoing',
      status: incoming ? pick(['received', 'directed', 'completed'] as const) : 'issued',
      symbol: `${number}-${type}/${issuer.code}`, symbolStyle: 'party', number, type, issuer, documentDate: date,
      summary: `${pick(ACTIONS)} ${pick(TOPICS)}`, urgency: r() < 0.1 ? 'urgent' : 'normal', confidentiality: 'none', pageCount: 1 + Math.floor(r() * 20),
      ...(incoming
        ? { arrival: { year, number: i + 1, receivedDate: date, by: person, at } }
        : { issued: { number, symbol: `${number}-${type}/${issuer.code}`, scope: `${type}|${year}`, scopeLabel: type, date, numberLine: `Số ${number}-${type}/${issuer.code}`, dateLine: `Hà Nội, ngày ${date}`, signer: person, deliveredTo: [] } }),
      readerUnitIds: [], createdBy: person, version: 1, createdAt: at, updatedAt: at,
    } as OfficialDocument)
  }
  return docs
}

export interface QueryFigure { query: string; runs: number; p50: number; p95: number; hits: number }

/** N documents in a fresh read model; search as a ward's leader and as the city's office. */
export async function searchAtScale(n: number): Promise<{ documents: number; loadSeconds: number; queries: QueryFigure[] }> {
  const { startPostgres } = await import('../../infra/local/postgres.js')
  const { registerEmbeddedSql } = await import('../../functions/lib/adapters/sql.js')
  const { migrate } = await import('../../functions/readmodel/schema.js')
  const { projectItem } = await import('../../functions/readmodel/projections.js')
  const { queryDocuments } = await import('../../functions/documents/adapters/search.js')
  const { searchQuery } = await import('../../functions/documents/usecases/lists.js')
  process.env.READ_MODEL = 'embedded'
  const dir = mkdtempSync(join(tmpdir(), 'do-bench-search-'))
  const pg = await startPostgres(dir)
  try {
    registerEmbeddedSql(pg.sql)
    await migrate(pg.sql)
    const wards = Array.from({ length: 60 }, (_, i) => `bench-ward-${i}`)
    const units = ['bench-city', ...wards]
    const t0 = performance.now()
    const docs = syntheticDocuments(n, units)
    for (let i = 0; i < docs.length; i += 2000) {
      await pg.sql.query('begin')
      for (const d of docs.slice(i, i + 2000)) await projectItem(pg.sql, { entity: ENTITY.document, ...d }, false)
      await pg.sql.query('commit')
      if (process.stdout.isTTY) process.stdout.write(`\r   indexing ${Math.min(i + 2000, n)}/${n}`)
    }
    await pg.sql.query('analyze documents')
    const loadSeconds = round((performance.now() - t0) / 1000)
    if (process.stdout.isTTY) process.stdout.write('\n')

    const today = '2026-11-22'
    const ward = { userId: 'bench-leader', rank: 1, readUnits: [wards[7]!], draftUnits: [wards[7]!], pairs: [`${wards[7]}|secretary`] }
    const city = { userId: 'bench-office', rank: 1, readUnits: units, draftUnits: ['bench-city'], pairs: ['bench-city|office-chief'] }
    const cases: { name: string; v: typeof ward; q: Parameters<typeof searchQuery>[0] }[] = [
      { name: 'words without diacritics "chuyen doi so" (city office, whole city)', v: city, q: { q: 'chuyen doi so' } },
      { name: 'words with diacritics "kiểm tra giám sát" (city office)', v: city, q: { q: 'kiểm tra giám sát' } },
      { name: 'messy symbol "57 NQ TW" (city office)', v: city, q: { q: '57 NQ TW' } },
      { name: 'words + type + date range (city office)', v: city, q: { q: 'dang phi', type: 'HD', from: '2023-01-01', to: '2024-12-31' } },
      { name: 'issuer filter, no words (city office)', v: city, q: { issuer: 'UBKTTU' } },
      { name: 'words "tham nhung" (a ward leader: own ward only)', v: ward, q: { q: 'tham nhung' } },
    ]
    const queries: QueryFigure[] = []
    for (const c of cases) {
      const { query } = searchQuery(c.q, today)
      for (let i = 0; i < 5; i++) await queryDocuments(c.v, query) // warm-up
      const times: number[] = []
      let hits = 0
      const runs = Number(process.env.BENCH_SEARCH_RUNS ?? 60)
      for (let i = 0; i < runs; i++) {
        const t = performance.now()
        hits = (await queryDocuments(c.v, query)).total
        times.push(performance.now() - t)
      }
      times.sort((a, b) => a - b)
      queries.push({ query: c.name, runs, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), hits })
    }
    return { documents: n, loadSeconds, queries }
  } finally {
    await pg.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A 10-page A4 document with Vietnamese text on every page. */
async function tenPagePdf(): Promise<Uint8Array> {
  const { renderDocumentPdf } = await import('../../infra/local/demo-documents.js')
  const one = await PDFDocument.load(await renderDocumentPdf({
    superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'THÀNH ỦY', typeName: 'KẾ HOẠCH', summary: 'Thực hiện chuyển đổi số trong các cơ quan Đảng',
    body: Array.from({ length: 12 }, (_, i) => `${i + 1}. Các cấp ủy, tổ chức đảng quán triệt, triển khai thực hiện nghiêm túc nội dung kế hoạch; bảo đảm tiến độ, chất lượng và hiệu quả.`),
    signer: { title: 'BÍ THƯ', name: 'Nguyễn Văn An' },
  }))
  const doc = await PDFDocument.create()
  for (let i = 0; i < 10; i++) { const [p] = await doc.copyPages(one, [0]); doc.addPage(p) }
  return doc.save()
}

export async function signingThroughput(): Promise<{ pages: number; bytes: number; sequential: { documents: number; perSecond: number; msEach: number }; concurrent: { documents: number; perSecond: number } }> {
  const dir = mkdtempSync(join(tmpdir(), 'do-bench-sign-'))
  Object.assign(process.env, { SIGNING: 'local', SIGNING_DIR: dir })
  const { pdfEngine } = await import('../../functions/documents/adapters/signing.js')
  try {
    const pdf = await tenPagePdf()
    const input = (i: number) => ({
      symbolLine: `Số ${i}-KH/TU`, dateLine: 'Hà Nội, ngày 22 tháng 11 năm 2026', number: String(i).padStart(2, '0'), date: '2026-11-22',
      signatory: { userId: 'bench-signer', fullName: 'Nguyễn Văn An', title: 'BÍ THƯ' },
      organisation: { unitId: 'bench-city', name: 'Thành ủy Hà Nội', superior: 'Đảng bộ thành phố Hà Nội' },
      location: 'Hà Nội', reason: `Ban hành văn bản ${i}-KH/TU`,
    })
    await pdfEngine.issue(pdf, input(0)) // keys created, code warmed
    const seqN = Number(process.env.BENCH_SIGN_DOCS ?? 10)
    let t = performance.now()
    for (let i = 1; i <= seqN; i++) await pdfEngine.issue(pdf, input(i))
    const seqMs = performance.now() - t
    const conN = seqN * 2
    t = performance.now()
    await Promise.all(Array.from({ length: conN }, (_, i) => pdfEngine.issue(pdf, input(100 + i))))
    const conMs = performance.now() - t
    return {
      pages: 10, bytes: pdf.length,
      sequential: { documents: seqN, perSecond: round(seqN / (seqMs / 1000), 2), msEach: round(seqMs / seqN) },
      concurrent: { documents: conN, perSecond: round(conN / (conMs / 1000), 2) },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Concurrent callers taking numbers from ONE series on the platform's
 * DynamoDB Local: the same `commitNumbered` the issue step runs (counter
 * condition + the document write + the unit's audit chain, one transaction).
 */
export async function numberingUnderContention(dynamoEndpoint: string, concurrent: number, dataDir: string): Promise<{ concurrent: number; seconds: number; perSecond: number; gapless: boolean }> {
  Object.assign(process.env, { AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint, TABLE_NAME: 'digital-office-local', AUDIT_KEY_FILE: auditKeyFile(dataDir), AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' })
  const { commitNumbered } = await import('../../functions/documents/usecases/commit-numbered.js')
  const { Transaction } = await import('../../functions/lib/adapters/transaction.js')
  const { keys } = await import('../../shared/table/keys.js')
  const unitId = `bench-${randomUUID().slice(0, 8)}`
  const scope = `bench-${randomUUID().slice(0, 8)}`
  const ctx = { auditActor: { userId: 'bench', name: 'Thử tải cấp số' }, now: new Date() }
  const t = performance.now()
  const numbers = await Promise.all(Array.from({ length: concurrent }, (_, i) => commitNumbered(ctx, { unitId, scope, label: 'Thử tải' }, (next) =>
    new Transaction()
      .put({ ...keys.document(unitId, `${unitId}.bench-${scope}-${i}`), entity: 'bench-number', number: next }, { expectVersion: 'new' })
      .audit({ unitId, action: 'document.number', target: `bench-${scope}-${i}`, details: { number: String(next) } }))))
  const seconds = (performance.now() - t) / 1000
  const sorted = [...numbers].sort((a, b) => a - b)
  return { concurrent, seconds: round(seconds, 2), perSecond: round(concurrent / seconds, 1), gapless: sorted.every((n, i) => n === i + 1) }
}

/**
 * Puts `count` incoming documents into the ward's register straight
 * into the platform's table (as distribution would), then waits until the
 * stream has projected them into the read model.
 */
export async function fillInbox(dynamoEndpoint: string, inboxUrl: string, token: string, count: number): Promise<void> {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb')
  const { BatchWriteCommand, DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb')
  const { documentItem } = await import('../../functions/documents/adapters/store.js')
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } })
  const docs = syntheticDocuments(count, ['p-hoankiem']).map((d) => ({ ...d, flow: 'incoming' as const, status: 'received' as const, documentId: d.documentId.replace('.', '.inbox') }))
  for (let i = 0; i < docs.length; i += 25) {
    await client.send(new BatchWriteCommand({ RequestItems: { 'digital-office-local': docs.slice(i, i + 25).map((d) => ({ PutRequest: { Item: documentItem(d) } })) } }))
  }
  for (;;) {
    const res = await fetch(inboxUrl, { headers: { authorization: `Bearer ${token}` } })
    const body = (await res.json()) as { total?: number }
    if ((body.total ?? 0) >= count) return
    await new Promise((r) => setTimeout(r, 1000))
  }
}
