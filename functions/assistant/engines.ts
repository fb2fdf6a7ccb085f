/**
 * The assistant's ports. A `Retriever` returns the passages the caller may
 * read, ranked for the question; an `AnswerEngine` turns them into an answer
 * with citations, as a stream of events (text as it is produced, then the
 * whole answer). Embedded: SQL full-text + the deterministic engine (shared/
 * assistant/engine.ts). AWS: the same SQL candidates fused with Bedrock
 * embeddings, answered by Bedrock Converse under a guardrail
 * (adapters/bedrock.ts).
 */
import { INTENT, composeAnswer, queryTerms, rankPassages, type Answer, type Candidate, type Lang, type RankedPassage, type Turn } from '../../shared/assistant/engine.js'
import { symbolsIn } from '../../shared/assistant/text.js'
import type { Visibility } from '../documents/adapters/search.js'
import { retrievePassages } from './adapters/passages.js'

export type AnswerEvent = { type: 'delta'; text: string } | { type: 'done'; answer: Answer }

export interface AnswerInput { question: string; lang: Lang; history: readonly (Turn & { answer?: string })[]; passages: readonly RankedPassage[]; terms: readonly string[] }
export interface AnswerEngine { readonly name: string; answer(input: AnswerInput): AsyncIterable<AnswerEvent> }

export interface RetrievalInput { question: string; history: readonly Turn[] }
export interface Retriever { retrieve(v: Visibility, input: RetrievalInput): Promise<{ passages: RankedPassage[]; terms: string[] }> }

/** Candidates from the read model (readable only), ranked by the deterministic ranking, fused with vector similarity when `embed` is given. */
export function sqlRetriever(opts: { embedQuery?: (text: string) => Promise<number[]>; limit?: number } = {}): Retriever {
  return {
    async retrieve(v, { question, history }) {
      const q = queryTerms(question, history)
      const boost = q.followUp ? history.at(-1)?.citedDocumentIds ?? [] : []
      // Words that only say what kind of answer is wanted ("ngày", "when") match everything: they re-rank, they do not select.
      const subject = q.terms.filter((t) => !INTENT.has(t))
      const [candidates, qv] = await Promise.all([
        retrievePassages(v, { terms: subject.length ? subject : q.terms, symbolKeys: symbolsIn(question).map((s) => s.key), documentIds: [...boost], limit: opts.limit ?? 60, withEmbeddings: !!opts.embedQuery }),
        opts.embedQuery ? opts.embedQuery(question) : Promise.resolve(undefined),
      ])
      const scored: Candidate[] = qv ? candidates.map((c) => ({ ...c, ...(c.embedding ? { vectorScore: cosine(qv, c.embedding) } : {}) })) : candidates
      return { passages: rankPassages(q.terms, question, scored, { boostDocumentIds: boost }), terms: q.terms }
    },
  }
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0, na = 0, nb = 0
  for (let i = 0; i < Math.min(a.length, b.length); i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i] }
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}

/** The deterministic engine: the extractive answer, streamed sentence by sentence. */
export const embeddedEngine: AnswerEngine = {
  name: 'embedded',
  async *answer({ question, lang, passages, terms }) {
    const answer = composeAnswer(question, terms, passages, lang)
    const pieces = answer.text.split(/(?<=[\].;,])\s+/)
    for (const [i, piece] of pieces.entries()) {
      yield { type: 'delta', text: i < pieces.length - 1 ? `${piece} ` : piece }
      // Each piece is handed on before the next is made (a stream writes it to the socket in between).
      await new Promise((resolve) => setImmediate(resolve))
    }
    yield { type: 'done', answer }
  },
}

/** Runs an engine to the end, handing each event to `onEvent` as it comes (the streaming endpoint), and returns the whole answer. */
export async function collect(events: AsyncIterable<AnswerEvent>, onEvent?: (e: AnswerEvent) => void | Promise<void>): Promise<Answer> {
  for await (const e of events) {
    await onEvent?.(e)
    if (e.type === 'done') return e.answer
  }
  throw new Error('The answer engine ended without an answer')
}
