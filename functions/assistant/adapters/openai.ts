/**
 * An OpenAI-compatible chat-completions endpoint behind the assistant's
 * answer port: for deployments that run their own model on their own
 * hardware (vLLM, Ollama, llama.cpp server all speak `POST /v1/chat/completions`).
 * Same prompt, documents block, NO_ANSWER marker and [n] citations as
 * Bedrock (adapters/bedrock.ts); streamed over server-sent events; a 429 or
 * a 5xx is retried once (Retry-After honoured up to a bound), a timeout
 * aborts, and a failure after that is `assistant.engineUnavailable` (503).
 * The engine runs behind `guarded` (engines.ts): planted instructions and
 * secret-looking strings never reach the model nor the answer.
 * `openAiEmbedder`: the same endpoint's `POST /v1/embeddings` as the
 * retriever's embedder (OPENAI_EMBEDDING_MODEL), with the same retry,
 * timeout and 503; its answer is checked (zod) before a vector is stored.
 */
import { z } from 'zod'
import { DomainError } from '../../../shared/errors/index.js'
import type { AnswerEngine, AnswerEvent, AnswerInput, Embedder } from '../engines.js'
import { NO_ANSWER, SYSTEM_PROMPT, answerFromText, documentsBlock } from './bedrock.js'

export interface OpenAiOptions {
  /** e.g. http://localhost:11434/v1 (Ollama), http://gpu-1:8000/v1 (vLLM). */
  baseUrl: string
  model: string
  apiKey?: string
  timeoutMs?: number
  /** Longest wait a Retry-After may ask for before the one retry (ms). */
  maxRetryWaitMs?: number
  fetch?: typeof fetch
}

type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string }

/** The chat-completions request for a question: the system prompt, the last turns, then the passages and the question. */
export function chatRequest(model: string, input: AnswerInput, maxPassages = 8) {
  const messages: ChatMessage[] = [{ role: 'system', content: SYSTEM_PROMPT }]
  for (const t of input.history.slice(-4)) {
    messages.push({ role: 'user', content: t.question }, { role: 'assistant', content: t.answer ?? '' })
  }
  messages.push({ role: 'user', content: `${documentsBlock(input.passages.slice(0, maxPassages))}\n\n${input.question}` })
  return { model, messages, temperature: 0, max_tokens: 700, stream: true }
}

const RETRIED = new Set([429, 500, 502, 503, 504])

async function post(opts: OpenAiOptions, body: unknown, path = '/chat/completions', accept = 'text/event-stream'): Promise<Response> {
  const f = opts.fetch ?? fetch
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 30_000)
    let res: Response
    try {
      res = await f(`${opts.baseUrl.replace(/\/$/, '')}${path}`, {
        method: 'POST', signal: controller.signal,
        headers: { 'content-type': 'application/json', accept, ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) },
        body: JSON.stringify(body),
      })
    } catch (err) {
      clearTimeout(timer)
      throw new DomainError('assistant.engineUnavailable', 503, {}, { cause: controller.signal.aborted ? 'timeout' : String(err) })
    }
    clearTimeout(timer)
    if (res.ok) return res
    await res.body?.cancel().catch(() => undefined)
    if (attempt === 0 && RETRIED.has(res.status)) {
      const after = Number(res.headers.get('retry-after'))
      await new Promise((r) => setTimeout(r, Math.min(Number.isFinite(after) && after > 0 ? after * 1000 : 200, opts.maxRetryWaitMs ?? 2000)))
      continue
    }
    throw new DomainError('assistant.engineUnavailable', 503, {}, { status: res.status })
  }
}

/** The text pieces of a server-sent events stream of chat-completion chunks ("data: {…}", ended by "data: [DONE]"). */
export async function* sseDeltas(body: ReadableStream<Uint8Array>, timeoutMs = 30_000): AsyncIterable<string> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    let timer: NodeJS.Timeout | undefined
    const chunk = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new DomainError('assistant.engineUnavailable', 503, {}, { cause: 'timeout' })), timeoutMs) }),
    ]).finally(() => clearTimeout(timer)).catch(async (err) => { await reader.cancel().catch(() => undefined); throw err })
    if (chunk.done) break
    buffer += decoder.decode(chunk.value, { stream: true })
    let nl: number
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim()
      buffer = buffer.slice(nl + 1)
      if (!line.startsWith('data:')) continue
      const data = line.slice(5).trim()
      if (data === '[DONE]') return
      const json = JSON.parse(data) as { choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[]; error?: { message?: string } }
      if (json.error) throw new DomainError('assistant.engineUnavailable', 503, {}, { error: json.error.message })
      const piece = json.choices?.[0]?.delta?.content
      if (piece) yield piece
    }
  }
}

export function openAiEngine(opts: OpenAiOptions): AnswerEngine {
  return {
    name: `openai:${opts.model}`,
    async *answer(input): AsyncIterable<AnswerEvent> {
      if (input.passages.length === 0) { yield { type: 'done', answer: answerFromText('', undefined, input) }; return }
      const res = await post(opts, chatRequest(opts.model, input))
      let text = ''
      for await (const piece of sseDeltas(res.body!, opts.timeoutMs)) {
        text += piece
        // The refusal marker is not streamed: it becomes the refusal message.
        if (!text.startsWith(NO_ANSWER.slice(0, Math.min(text.length, NO_ANSWER.length)))) yield { type: 'delta', text: piece }
      }
      yield { type: 'done', answer: answerFromText(text, undefined, input) }
    },
  }
}

/** The embeddings answer (OpenAI, vLLM, Ollama's /v1, llama.cpp server): one vector per input, by index. */
const EmbeddingsResponse = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number().finite()).min(1).max(16_000) })),
})

/** Texts per request (servers bound the batch; llama.cpp's default is small). */
export const EMBEDDING_BATCH = 32

/**
 * The endpoint's embeddings as the retriever's embedder: passages when indexed, the question when asked.
 * A 429 or 5xx is retried once, a timeout aborts; then, or when the answer is not one vector of one dimension
 * per text, `assistant.engineUnavailable` (503): nothing half-embedded is written.
 */
export function openAiEmbedder(opts: OpenAiOptions): Embedder {
  const run = async (texts: string[]): Promise<number[][]> => {
    const out: number[][] = []
    for (let i = 0; i < texts.length; i += EMBEDDING_BATCH) {
      const batch = texts.slice(i, i + EMBEDDING_BATCH).map((t) => t.slice(0, 8000))
      const res = await post(opts, { model: opts.model, input: batch, encoding_format: 'float' }, '/embeddings', 'application/json')
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 30_000)
      let raw: unknown
      try {
        raw = await Promise.race([res.json(), new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('timeout'))))])
      } catch (err) {
        await res.body?.cancel().catch(() => undefined)
        throw new DomainError('assistant.engineUnavailable', 503, {}, { cause: String(err) })
      } finally { clearTimeout(timer) }
      const parsed = EmbeddingsResponse.safeParse(raw)
      const rows = parsed.success ? [...parsed.data.data].sort((a, b) => a.index - b.index) : []
      const dims = rows[0]?.embedding.length
      if (!parsed.success || rows.length !== batch.length || rows.some((r, k) => r.index !== k || r.embedding.length !== dims) || (out.length && out[0].length !== dims)) {
        throw new DomainError('assistant.engineUnavailable', 503, {}, { cause: 'embeddings: not one vector of one dimension per text' })
      }
      out.push(...rows.map((r) => r.embedding))
    }
    return out
  }
  return {
    name: `openai:${opts.model}`,
    documents: (texts) => (texts.length ? run(texts) : Promise.resolve([])),
    query: async (text) => (await run([text]))[0],
  }
}
