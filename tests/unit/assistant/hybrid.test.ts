/**
 * Hybrid retrieval in the read model's own PostgreSQL (PGlite with pgvector,
 * as the embedded runtime runs it): the embedded embedding engine, the
 * retriever's SQL and the fusion, on documents written for the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startIndex, type EvalIndex } from '../../../eval/assistant/harness.js'
import { embeddedEmbedder, sqlRetriever } from '../../../functions/assistant/engines.js'
import { embedText } from '../../../shared/assistant/embedding.js'
import { retrievePassages, selectingQuery } from '../../../functions/assistant/adapters/passages.js'

let index: EvalIndex
const doc = (documentId: string, unitId: string, summary: string, body: string[]) =>
  ({ documentId, unitId, type: 'KH', issuerName: 'Đảng ủy phường Thử', documentDate: '2025-05-05', summary, pages: [body.join('\n')] })

beforeAll(async () => {
  index = await startIndex()
  await index.add(doc('unit-a.target', 'unit-a', 'Kế hoạch công trình thủy lợi năm 2025', [
    'Điều 1. Dự án kenhxanhhoalac hoàn thành nạo vét trước ngày 15 tháng 12 năm 2025.', 'Điều 2. Ban Quản lý dự án báo cáo hằng tháng.']))
  await index.add(doc('unit-a.trees', 'unit-a', 'Kế hoạch trồng cây xanh', ['Điều 1. Trồng mới 500 cây xanh trên các tuyến phố.']))
  await index.add(doc('unit-a.culture', 'unit-a', 'Kế hoạch xây dựng đời sống văn hóa', ['Điều 1. Tổ chức lễ hội văn hóa Hòa Bình tại nhà văn hóa.']))
  // The same subject in a unit the reader cannot see.
  await index.add(doc('unit-b.secret', 'unit-b', 'Kế hoạch nội bộ kenhxanhhoalac', ['Điều 1. Dự án kenhxanhhoalac của phường B hoàn thành nạo vét trước ngày 01 tháng 10 năm 2025.']))
}, 180_000)
afterAll(async () => { await index?.close() })

describe('the embedded embedding engine', () => {
  it('is a normalised, deterministic vector in which joined and split spellings of the same words are close', () => {
    const a = embedText('Kênh Xanh Hòa Lạc')
    expect(embedText('Kênh Xanh Hòa Lạc')).toEqual(a)
    expect(Math.hypot(...a)).toBeCloseTo(1, 5)
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i], 0)
    expect(dot(a, embedText('dự án kenhxanhhoalac'))).toBeGreaterThan(2 * Math.abs(dot(a, embedText('Ban Quản lý báo cáo hằng tháng'))))
    // English words reach their Vietnamese equivalents (glossary).
    expect(dot(embedText('directive'), embedText('chỉ thị'))).toBeGreaterThan(0.5)
  })
})

describe('hybrid retrieval', () => {
  const question = 'Kênh Xanh Hòa Lạc'
  it('finds a passage the full-text search misses (the words written apart), fused with the lexical rank', async () => {
    const reader = index.reader(['unit-a'])
    const lexical = await sqlRetriever().retrieve(reader, { question, history: [] })
    expect(lexical.passages.map((p) => p.documentId)).not.toContain('unit-a.target')
    const hybrid = await sqlRetriever({ embedder: embeddedEmbedder }).retrieve(reader, { question, history: [] })
    const top5 = [...new Set(hybrid.passages.map((p) => p.documentId))].slice(0, 5)
    expect(top5).toContain('unit-a.target')
    expect(hybrid.passages.find((p) => p.documentId === 'unit-a.target')!.text).toContain('kenhxanhhoalac')
  })

  it('still ranks only what the reader may read: another unit\'s document is never a candidate, however similar', async () => {
    const hybrid = await sqlRetriever({ embedder: embeddedEmbedder }).retrieve(index.reader(['unit-a']), { question: 'kenhxanhhoalac phường B nạo vét', history: [] })
    expect(hybrid.passages.length).toBeGreaterThan(0)
    expect(hybrid.passages.some((p) => p.documentId.startsWith('unit-b.'))).toBe(false)
    const other = await sqlRetriever({ embedder: embeddedEmbedder }).retrieve(index.reader(['unit-b']), { question: 'kenhxanhhoalac phường B nạo vét', history: [] })
    expect(other.passages[0].documentId).toBe('unit-b.secret')
    expect(other.passages.some((p) => p.documentId.startsWith('unit-a.'))).toBe(false)
  })
})

describe('the full-text candidates of a large read model', () => {
  it('are selected on the rarer words, all of them required when every word is common', () => {
    const stats = { rows: 100_000, freq: new Map([['nhiem', 1], ['vu', 1], ['chuyen', 0.08], ['doi', 0.08], ['kenh', 0.001]]), floor: 0.005 }
    expect(selectingQuery(['nhiem', 'vu', 'kenh'], stats)).toBe('kenh')
    expect(selectingQuery(['nhiem', 'vu', 'hoalac', 'kenh'], stats)).toBe('kenh | hoalac')
    expect(selectingQuery(['nhiem', 'vu', 'chuyen', 'doi'], stats)).toBe('chuyen & doi')
    expect(selectingQuery(['nhiem', 'vu', 'kenh'], { ...stats, rows: 500 })).toBe('nhiem | vu | kenh')
  })

  it('never include a passage out of reach, however similar, when selected and capped as on a large read model', async () => {
    await index.sql.query('analyze passages')
    const q = { terms: ['kenhxanhhoalac', 'phuong', 'nao', 'vet'], symbolKeys: [], documentIds: [], limit: 60, selectiveFromRows: 0, queryVector: await embeddedEmbedder.query('kenhxanhhoalac phường B nạo vét') }
    const a = await retrievePassages(index.reader(['unit-a']), q)
    expect(a.map((p) => p.documentId)).toContain('unit-a.target')
    expect(a.some((p) => p.documentId.startsWith('unit-b.'))).toBe(false)
    const b = await retrievePassages(index.reader(['unit-b']), q)
    expect(b.map((p) => p.documentId)).toContain('unit-b.secret')
    expect(b.some((p) => p.documentId.startsWith('unit-a.'))).toBe(false)
  })
})

describe('reciprocal rank fusion', () => {
  const cand = (documentId: string, text: string, vectorScore?: number, symbolKey?: string) =>
    ({ documentId, ordinal: 0, location: { kind: 'article' as const, label: 'Điều 1' }, text, type: 'KH', title: 't', ...(symbolKey ? { symbolKey } : {}), ...(vectorScore !== undefined ? { vectorScore } : {}) })
  it('adds 1/(60 + rank) of each list a passage is in, so agreement wins; keeps a document named by its symbol first', async () => {
    const { rankPassages } = await import('../../../shared/assistant/engine.js')
    const ranked = rankPassages(['nao', 'vet'], 'nạo vét', [
      cand('a', 'nạo vét', 0.1), cand('b', 'nội dung khác có chữ vét', 0.05), cand('c', 'kenhxanh hoàn thành nạovét', 0.9),
    ])
    // a: lexical 1st, vector 2nd; b: 2nd and 3rd; c: found by its vector only (1st).
    expect(ranked.map((r) => r.documentId)).toEqual(['a', 'b', 'c'])
    expect(ranked.map((r) => Math.round(r.score * 1e5))).toEqual([1 / 61 + 1 / 62, 1 / 62 + 1 / 63, 1 / 61].map((x) => Math.round(x * 1e5)))
    const named = rankPassages(['42', 'ct', 'tu'], 'Chỉ thị 42-CT/TU', [cand('x', 'khác', 0.99), cand('y', 'văn bản', 0.01, '42cttu')])
    expect(named[0].documentId).toBe('y')
    // Without vectors the ranking is the lexical one.
    expect(rankPassages(['nao', 'vet'], 'nạo vét', [cand('b', 'vét'), cand('a', 'nạo vét')]).map((r) => r.documentId)).toEqual(['a', 'b'])
  })
})
