/**
 * Audit verification at scale: a unit's chain of 100,000 entries (built as
 * the writer builds it, with the local HMAC key) verified end to end — every
 * entry's schema, link and MAC, and the head — against a baseline of hashing
 * the same canonical entries with plain SHA-256 (what the chain cost before
 * it was keyed). Alone: `npx tsx tests/bench/audit.ts`.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { GENESIS_HASH, canonicalJson, entryHash, headMac, nextCheckpoint, verifyAnchored, verifyChain, type ChainableEntry, type Digest, type Mac } from '../../shared/audit/chain.js'

const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 100_000)
const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d

export interface AuditBench {
  entries: number; verifySeconds: number; entriesPerSecond: number; baselineSeconds: number; ratioToBaseline: number; valid: boolean
  /** With a checkpoint anchored 1,000 entries before the head (the hourly job's): only the tail is re-MACed (on AWS, one KMS call per MAC). */
  anchored: { tail: number; seconds: number; macCalls: number; fullMacCalls: number; ratioToFull: number; valid: boolean }
}

export async function auditBench(entries = ENTRIES): Promise<AuditBench> {
  const key = randomBytes(32)
  const mac: Mac = async (m) => createHmac('sha256', key).update(m).digest('hex')
  const chain: (ChainableEntry & { hash: string })[] = []
  let prev = GENESIS_HASH
  const start = Date.UTC(2026, 0, 1)
  for (let seq = 1; seq <= entries; seq++) {
    const content: ChainableEntry = {
      unitId: 'p-hoankiem', seq, at: new Date(start + seq * 1000).toISOString(), actor: { userId: `u-${seq % 50}`, name: 'Nguyễn Văn A' },
      action: seq % 3 ? 'document.register' : 'member.update', target: `doc-${seq}`, details: { symbol: `${seq}-CV/ĐU`, arrivalNumber: seq }, sourceIp: '10.0.0.1', prevHash: prev,
    }
    const hash = await entryHash(content, mac)
    chain.push({ ...content, hash })
    prev = hash
  }
  const head = { unitId: 'p-hoankiem', seq: entries, hash: prev, mac: await headMac({ unitId: 'p-hoankiem', seq: entries, hash: prev }, mac) }
  let t = performance.now()
  let macCalls = 0
  const counted: Mac = async (m) => { macCalls++; return mac(m) }
  const result = await verifyChain(chain, counted, head)
  const verifySeconds = (performance.now() - t) / 1000
  const fullMacCalls = macCalls
  // Anchored: the checkpoint of the entries up to 1,000 before the head, then the same verification.
  const tail = Math.min(1000, entries)
  const digest: Digest = (m) => createHash('sha256').update(m).digest('hex')
  const checkpoint = nextCheckpoint('p-hoankiem', null, chain.slice(0, entries - tail), digest, new Date(start).toISOString())
  macCalls = 0
  t = performance.now()
  const anchoredResult = await verifyAnchored(chain, counted, head, checkpoint ? [checkpoint] : [], digest)
  const anchoredSeconds = (performance.now() - t) / 1000
  // Baseline: the same entries hashed once each with plain SHA-256, no schema check, no head.
  t = performance.now()
  for (const { hash: _h, ...content } of chain) createHash('sha256').update(canonicalJson(content)).digest('hex')
  const baselineSeconds = (performance.now() - t) / 1000
  return {
    entries, verifySeconds: round(verifySeconds, 2), entriesPerSecond: Math.round(entries / verifySeconds),
    baselineSeconds: round(baselineSeconds, 2), ratioToBaseline: round(verifySeconds / baselineSeconds, 1), valid: result.valid,
    anchored: { tail, seconds: round(anchoredSeconds, 2), macCalls, fullMacCalls, ratioToFull: round(anchoredSeconds / verifySeconds, 2), valid: anchoredResult.valid },
  }
}

export const auditMarkdown = (a: AuditBench): string[] => [
  '## Audit verification', '',
  `- ${a.entries} entries of one unit verified (schema, links, keyed MACs, head) in ${a.verifySeconds} s (${a.entriesPerSecond} entries/s), valid: ${a.valid}; plain SHA-256 of the same entries: ${a.baselineSeconds} s (× ${a.ratioToBaseline})`,
  `- the same chain with a checkpoint anchored ${a.anchored.tail} entries before the head: ${a.anchored.seconds} s (× ${a.anchored.ratioToFull} of the full check), ${a.anchored.macCalls} MAC calls instead of ${a.anchored.fullMacCalls} (KMS calls on AWS), valid: ${a.anchored.valid}`, '',
]

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(auditMarkdown(await auditBench()).join('\n'))
