/**
 * Audit verification at scale: a unit's chain of 100,000 entries (built as
 * the writer builds it, with the local HMAC key) verified end to end — every
 * entry's schema, link and MAC, and the head — against a baseline of hashing
 * the same canonical entries with plain SHA-256 (what the chain cost before
 * it was keyed). Alone: `npx tsx tests/bench/audit.ts`.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { GENESIS_HASH, canonicalJson, entryHash, headMac, verifyChain, type ChainableEntry, type Mac } from '../../shared/audit/chain.js'

const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 100_000)
const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d

export interface AuditBench { entries: number; verifySeconds: number; entriesPerSecond: number; baselineSeconds: number; ratioToBaseline: number; valid: boolean }

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
  const result = await verifyChain(chain, mac, head)
  const verifySeconds = (performance.now() - t) / 1000
  // Baseline: the same entries hashed once each with plain SHA-256, no schema check, no head.
  t = performance.now()
  for (const { hash: _h, ...content } of chain) createHash('sha256').update(canonicalJson(content)).digest('hex')
  const baselineSeconds = (performance.now() - t) / 1000
  return {
    entries, verifySeconds: round(verifySeconds, 2), entriesPerSecond: Math.round(entries / verifySeconds),
    baselineSeconds: round(baselineSeconds, 2), ratioToBaseline: round(verifySeconds / baselineSeconds, 1), valid: result.valid,
  }
}

export const auditMarkdown = (a: AuditBench): string[] => [
  '## Audit verification', '',
  `- ${a.entries} entries of one unit verified (schema, links, keyed MACs, head) in ${a.verifySeconds} s (${a.entriesPerSecond} entries/s), valid: ${a.valid}; plain SHA-256 of the same entries: ${a.baselineSeconds} s (× ${a.ratioToBaseline})`, '',
]

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(auditMarkdown(await auditBench()).join('\n'))
