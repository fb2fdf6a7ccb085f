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
import { instructionSentences, redactSecrets, sentences, symbolsIn } from '../../shared/assistant/text.js'
import type { Visibility } from '../documents/adapters/search.js'
import { retrievePassages } from './adapters/passages.js'
import { EMBEDDED_EMBEDDER, embedText } from '../../shared/assistant/embedding.js'

export type AnswerEvent = { type: 'delta'; text: string } | { type: 'done'; answer: Answer }

export interface AnswerInput { question: string; lang: Lang; history: readonly (Turn & { answer?: string })[]; passages: readonly RankedPassage[]; terms: readonly string[] }
export interface AnswerEngine { readonly name: string; answer(input: AnswerInput): AsyncIterable<AnswerEvent> }

export interface RetrievalInput { question: string; history: readonly Turn[] }
export interface Retriever { retrieve(v: Visibility, input: RetrievalInput): Promise<{ passages: RankedPassage[]; terms: string[] }> }

/** Turns texts into vectors for hybrid retrieval: passages when indexed, the question when asked. */
export interface Embedder { readonly name: string; documents(texts: string[]): Promise<number[][]>; query(text: string): Promise<number[]> }

/** The embedded embedder (shared/assistant/embedding.ts): a real, deterministic computation. */
export const embeddedEmbedder: Embedder = {
  name: EMBEDDED_EMBEDDER,
  documents: async (texts) => texts.map((t) => embedText(t)),
  query: async (text) => embedText(text),
}

/**
 * Retrieval from the read model, readable passages only. Lexical: full-text
 * candidates (a named symbol and the conversation's documents too). Hybrid,
 * with an embedder: also the passages nearest to the question's vector, and
 * every candidate's similarity, fused with the lexical rank by reciprocal
 * rank fusion (rankPassages). Both candidate queries carry the reach and
 * clearance filter in their WHERE clause.
 */
export function sqlRetriever(opts: { embedder?: Embedder; limit?: number; vectorLimit?: number; everyMatch?: boolean } = {}): Retriever {
  return {
    async retrieve(v, { question, history }) {
      const q = queryTerms(question, history)
      const boost = q.followUp ? history.at(-1)?.citedDocumentIds ?? [] : []
      // Words that only say what kind of answer is wanted ("ngày", "when") match everything: they re-rank, they do not select.
      const subject = q.terms.filter((t) => !INTENT.has(t))
      // A follow-up is embedded with the question it follows ("còn thời hạn của nó?" alone says little).
      const embedded = q.followUp && history.length ? `${history.at(-1)!.question} ${question}` : question
      const queryVector = opts.embedder ? await opts.embedder.query(embedded) : undefined
      const candidates = await retrievePassages(v, {
        terms: subject.length ? subject : q.terms, symbolKeys: symbolsIn(question).map((s) => s.key), documentIds: [...boost],
        limit: opts.limit ?? 60, ...(opts.everyMatch ? { everyMatch: true } : {}), ...(queryVector ? { queryVector, vectorLimit: opts.vectorLimit ?? 20 } : {}),
      })
      return { passages: rankPassages(q.terms, question, candidates, { boostDocumentIds: boost }), terms: q.terms }
    },
  }
}

/** Milliseconds between the pieces the embedded engine streams. */
export const EMBEDDED_PACE_MS = 40

/** The deterministic engine: the extractive answer, streamed sentence by sentence. */
export const embeddedEngine: AnswerEngine = {
  name: 'embedded',
  async *answer({ question, lang, passages, terms, history }) {
    const answer = composeAnswer(question, terms, passages, lang, 2, { history })
    const pieces = answer.text.split(/(?<=[\].;,])\s+/)
    for (const [i, piece] of pieces.entries()) {
      yield { type: 'delta', text: i < pieces.length - 1 ? `${piece} ` : piece }
      // Paced as a model streams (Bedrock sends a sentence in tens of milliseconds): without it the whole
      // answer reaches the browser in one read and nobody sees it arrive.
      await new Promise((resolve) => setTimeout(resolve, EMBEDDED_PACE_MS))
    }
    yield { type: 'done', answer }
  },
}

/** A passage's text as any engine may see it: sentences addressing an assistant left out, secret-looking strings hidden. */
export function cleanPassageText(text: string): string {
  const ss = sentences(text)
  const bad = instructionSentences(ss)
  return redactSecrets(bad.size ? ss.filter((_, i) => !bad.has(i)).join(' ') : text)
}

/**
 * The injection defence around any engine (embedded, Bedrock, OpenAI-compatible): quarantined passages and
 * sentences addressing an assistant never reach it, and its output — streamed text, answer, quotes — goes
 * through the secret filter. Streamed text is held back to the last sentence end, so a key is never split
 * across two deltas before it is recognised.
 */
export function guarded(engine: AnswerEngine): AnswerEngine {
  return {
    name: engine.name,
    async *answer(input) {
      const passages = input.passages.filter((p) => !p.location.quarantined).map((p) => ({ ...p, text: cleanPassageText(p.text) }))
      let pending = ''
      for await (const e of engine.answer({ ...input, passages })) {
        if (e.type === 'delta') {
          pending += e.text
          const m = /[\s\S]*[.;!?\]:]\s/.exec(pending)
          if (m) { yield { type: 'delta', text: redactSecrets(m[0]) }; pending = pending.slice(m[0].length) }
          continue
        }
        if (pending) { yield { type: 'delta', text: redactSecrets(pending) }; pending = '' }
        yield { type: 'done', answer: { ...e.answer, text: redactSecrets(e.answer.text), citations: e.answer.citations.map((c) => ({ ...c, quote: redactSecrets(c.quote) })) } }
      }
    },
  }
}

/** Runs an engine to the end, handing each event to `onEvent` as it comes (the streaming endpoint), and returns the whole answer. */
export async function collect(events: AsyncIterable<AnswerEvent>, onEvent?: (e: AnswerEvent) => void | Promise<void>): Promise<Answer> {
  for await (const e of events) {
    await onEvent?.(e)
    if (e.type === 'done') return e.answer
  }
  throw new Error('The answer engine ended without an answer')
}
