/**
 * Fills the passages of the read model when a document's content is known:
 * called by the read-model projector for every projected document. Only
 * documents that may be processed (not classified: MẬT and above are
 * metadata only), registered or issued, and not returned, are indexed; any
 * other state removes the passages. The header passage comes from the
 * register entry; the rest from the PDF's text layer, cut at its articles.
 * A content version already indexed is skipped, so replays cost one read.
 */
import { createHash } from 'node:crypto'
import type { Sql } from '../lib/adapters/sql.js'
import type { OfficialDocument } from '../../shared/documents/contracts.js'
import { isClassified } from '../../shared/documents/confidentiality.js'
import { documentPassages, type Passage } from '../../shared/assistant/passages.js'
import { words } from '../../shared/assistant/text.js'
import { readObject } from '../lib/adapters/blobs.js'
import { pdfPages } from '../lib/adapters/extract.js'
import { assistantEngines } from './environment.js'
import type { Embedder } from './engines.js'

/** The environment's passage embedder: Bedrock's multilingual embeddings on AWS, the embedded hashing engine locally. */
const defaultEmbedder = (): Embedder => assistantEngines().embedder

/** The largest file whose text is indexed (bytes). */
const MAX_INDEXED_BYTES = 20 * 1024 * 1024

export interface IndexOptions {
  /** Reads a stored file (S3); tests and the evaluation hand in their own. */
  read?: (objectKey: string) => Promise<Uint8Array>
  /** Embeds passages; default: the environment's embedder. */
  embedder?: Embedder
  log?: (m: string) => void
}

export function indexable(d: OfficialDocument): boolean {
  const stage = d.flow === 'outgoing' && d.status !== 'issued' ? 'draft' : 'register'
  return stage === 'register' && !isClassified(d.confidentiality) && d.status !== 'returned'
}

/** The version of the cutting (passages.ts): a change re-indexes every document (masthead, signing block, lists, quarantine: 2). */
export const CHUNKER_VERSION = 2

// The embedder and the cutting are part of the source: changing either re-indexes the passages.
const sourceOf = (d: OfficialDocument, embedder: string) =>
  createHash('sha256').update(JSON.stringify([CHUNKER_VERSION, embedder, d.file?.sha256 ?? null, d.symbol ?? null, d.type, d.issuer.name, d.documentDate ?? d.issued?.date ?? null, d.summary])).digest('hex')

export async function indexDocument(db: Sql, d: OfficialDocument, opts: IndexOptions = {}): Promise<number> {
  if (!indexable(d)) {
    await db.query('delete from passages where document_id = $1', [d.documentId])
    await db.query('delete from passage_sources where document_id = $1', [d.documentId])
    return 0
  }
  const embedder = opts.embedder ?? defaultEmbedder()
  const source = sourceOf(d, embedder.name)
  const [known] = await db.query<{ source: string; version: number }>('select source, version from passage_sources where document_id = $1', [d.documentId])
  if (known && (known.source === source || known.version > d.version)) return 0
  let pages: string[] = []
  if (d.file && d.file.contentType === 'application/pdf' && d.file.size <= MAX_INDEXED_BYTES) {
    try {
      const bytes = opts.read ? await opts.read(d.file.objectKey) : await readObject(d.file.objectKey, MAX_INDEXED_BYTES)
      pages = await pdfPages(bytes)
    } catch (err) {
      // A file that cannot be read keeps its register entry searchable; the text is indexed on the next change.
      opts.log?.(`assistant: no text for ${d.documentId}: ${String(err)}`)
    }
  }
  const passages = documentPassages({ symbol: d.symbol, type: d.type, issuerName: d.issuer.name, documentDate: d.documentDate ?? d.issued?.date, summary: d.summary }, pages)
  await writePassages(db, d.documentId, passages, await embedder.documents(passages.map(embeddingText)))
  await db.query(
    `insert into passage_sources (document_id, source, version, indexed_at) values ($1, $2, $3, now())
     on conflict (document_id) do update set source = excluded.source, version = excluded.version, indexed_at = excluded.indexed_at`,
    [d.documentId, source, d.version])
  return passages.length
}

/** Replaces a document's passages: one delete and one multi-row insert (few round trips on the Data API too). */
export async function writePassages(db: Sql, documentId: string, passages: readonly Passage[], embeddings?: number[][]): Promise<void> {
  await db.query('delete from passages where document_id = $1', [documentId])
  for (let from = 0; from < passages.length; from += 50) {
    const params: unknown[] = []
    const p = (v: unknown) => { params.push(v); return `$${params.length}` }
    const rows = passages.slice(from, from + 50).map((ps, k) => {
      const e = embeddings?.[from + k]
      return `(${p(documentId)}, ${p(ps.ordinal)}, ${p(ps.location.page ?? null)}, ${p(ps.location.label)}, ${p(JSON.stringify(ps.location))}::jsonb, ${p(ps.text)}, ${p(words(`${ps.location.label} ${ps.location.heading ?? ''} ${ps.text}`).join(' '))}, ${p(e ? `[${e.join(',')}]` : null)}::vector)`
    })
    await db.query(`insert into passages (document_id, ordinal, page, label, location, text, search, vec) values ${rows.join(', ')}`, params)
  }
}

/** What a passage's vector is computed from: its place (heading) and its text. */
export const embeddingText = (p: Passage): string => `${p.location.label} ${p.location.heading ?? ''} ${p.text}`
