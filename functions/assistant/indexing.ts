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
import { pdfPages } from './adapters/extract.js'
import { bedrockEmbedder } from './adapters/bedrock.js'
import { assistantConfig } from './config.js'
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime'

let embedder: ((texts: string[]) => Promise<number[][]>) | null | undefined
/** Passage embeddings for hybrid retrieval when the environment answers with Bedrock; none embedded. */
function defaultEmbed(): ((texts: string[]) => Promise<number[][]>) | undefined {
  if (embedder === undefined) {
    const cfg = assistantConfig()
    embedder = cfg.ASSISTANT_ENGINE === 'bedrock' ? bedrockEmbedder(new BedrockRuntimeClient({}), cfg.BEDROCK_EMBEDDING_MODEL_ID).documents : null
  }
  return embedder ?? undefined
}

/** The largest file whose text is indexed (bytes). */
const MAX_INDEXED_BYTES = 20 * 1024 * 1024

export interface IndexOptions {
  /** Reads a stored file (S3); tests and the evaluation hand in their own. */
  read?: (objectKey: string) => Promise<Uint8Array>
  /** Embeds passages (Bedrock on AWS); none in the embedded runtime. */
  embed?: (texts: string[]) => Promise<number[][]>
  log?: (m: string) => void
}

export function indexable(d: OfficialDocument): boolean {
  const stage = d.flow === 'outgoing' && d.status !== 'issued' ? 'draft' : 'register'
  return stage === 'register' && !isClassified(d.confidentiality) && d.status !== 'returned'
}

const sourceOf = (d: OfficialDocument) =>
  createHash('sha256').update(JSON.stringify([d.file?.sha256 ?? null, d.symbol ?? null, d.type, d.issuer.name, d.documentDate ?? d.issued?.date ?? null, d.summary])).digest('hex')

export async function indexDocument(db: Sql, d: OfficialDocument, opts: IndexOptions = {}): Promise<number> {
  if (!indexable(d)) {
    await db.query('delete from passages where document_id = $1', [d.documentId])
    await db.query('delete from passage_sources where document_id = $1', [d.documentId])
    return 0
  }
  const source = sourceOf(d)
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
  const embed = opts.embed ?? defaultEmbed()
  await writePassages(db, d.documentId, passages, embed ? await embed(passages.map((p) => p.text)) : undefined)
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
      return `(${p(documentId)}, ${p(ps.ordinal)}, ${p(ps.location.page ?? null)}, ${p(ps.location.label)}, ${p(JSON.stringify(ps.location))}::jsonb, ${p(ps.text)}, ${p(words(`${ps.location.label} ${ps.location.heading ?? ''} ${ps.text}`).join(' '))}, ${p(e ? `{${e.join(',')}}` : null)}::real[])`
    })
    await db.query(`insert into passages (document_id, ordinal, page, label, location, text, search, embedding) values ${rows.join(', ')}`, params)
  }
}
