/**
 * The embedded embedding engine: a deterministic feature-hashing embedding
 * of a text, computed, not looked up. Features are the folded content words
 * (sub-linear term frequency, English words also as their Vietnamese
 * equivalents from the glossary), their adjacent pairs, and the character
 * trigrams of each word (so words written joined or split — "kenhxanh" /
 * "kênh xanh", a common OCR and typing variant — and partial forms still
 * share most features). Each feature is hashed (FNV-1a) to one of `dims`
 * signed buckets; the vector is L2-normalised, so the dot product is the
 * cosine similarity. Bedrock's multilingual embeddings play this part on AWS.
 */
import { GLOSSARY } from './glossary.js'
import { terms } from './text.js'

export const EMBEDDED_DIMENSIONS = 256
export const EMBEDDED_EMBEDDER = `hashed-ngrams-${EMBEDDED_DIMENSIONS}`

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) }
  return h >>> 0
}

export function embedText(text: string, dims = EMBEDDED_DIMENSIONS): number[] {
  const v = new Float64Array(dims)
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature)
    v[h % dims] += (h & 0x80000000 ? -1 : 1) * weight
  }
  const own = terms(text)
  const expanded = own.flatMap((t) => [t, ...(GLOSSARY[t] ?? [])])
  const tf = new Map<string, number>()
  for (const t of expanded) tf.set(t, (tf.get(t) ?? 0) + 1)
  for (const [t, n] of tf) {
    const w = 1 + Math.log(n)
    add(`w:${t}`, w)
    const padded = `#${t}#`
    for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`, 0.4 * w)
  }
  for (let i = 0; i + 1 < own.length; i++) add(`b:${own[i]} ${own[i + 1]}`, 0.5)
  let norm = 0
  for (const x of v) norm += x * x
  norm = Math.sqrt(norm)
  return Array.from(v, (x) => (norm ? Math.round((x / norm) * 1e6) / 1e6 : 0))
}
