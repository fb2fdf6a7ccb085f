/**
 * Audit checkpoints: the verification against anchored checkpoints re-MACs
 * only the tail after the newest one and still finds any edit of the anchored
 * part; the S3 adapter writes each checkpoint once, with its Object Lock
 * retention, against a fake that answers as an Object Lock bucket does
 * (versioned, ObjectLockConfiguration, 412 on a conditional re-put,
 * AccessDenied on deleting a locked version).
 */
import { describe, expect, it } from 'vitest'
import { createHash, createHmac } from 'node:crypto'
import {
  DeleteObjectCommand, GetObjectCommand, GetObjectLockConfigurationCommand, ListObjectsV2Command, PutObjectCommand, S3ServiceException,
} from '@aws-sdk/client-s3'
import { GENESIS_HASH, entryHash, headMac, nextCheckpoint, verifyAnchored, type ChainableEntry, type ChainHead, type Checkpoint, type Mac } from '../../../shared/audit/chain.js'
import { S3CheckpointStore, checkpointKey } from '../../../functions/lib/adapters/audit-checkpoints.js'

const sha = (m: string) => createHash('sha256').update(m).digest('hex')
let macCalls = 0
const MAC: Mac = async (m) => { macCalls++; return createHmac('sha256', 'clé-de-test-de-32-octets-au-moins!!').update(m).digest('hex') }

async function chain(n: number, edit?: { at: number; action: string }) {
  const out: (ChainableEntry & { hash: string })[] = []
  let prevHash = GENESIS_HASH
  for (let i = 1; i <= n; i++) {
    const content: ChainableEntry = { unitId: 'u', seq: i, at: '2026-01-01T08:00:00.000Z', actor: { userId: 'u-1', name: 'A' }, action: edit?.at === i ? edit.action : 'unit.rename', target: 'u', prevHash }
    const hash = await entryHash(content, MAC)
    out.push({ ...content, hash })
    prevHash = hash
  }
  const head: ChainHead = { unitId: 'u', seq: n, hash: prevHash, mac: await headMac({ unitId: 'u', seq: n, hash: prevHash }, MAC) }
  return { entries: out, head }
}

describe('verification against checkpoints', () => {
  it('re-MACs only the entries after the newest checkpoint', async () => {
    const { entries, head } = await chain(100)
    const cp = nextCheckpoint('u', null, entries.slice(0, 90), sha, '2026-01-02T00:00:00.000Z')!
    macCalls = 0
    expect(await verifyAnchored(entries, MAC, head, [cp], sha)).toEqual({ valid: true, checked: 100 })
    // Ten tail entries and the head.
    expect(macCalls).toBe(11)
  })

  it('finds a chain rebuilt with the key (every MAC and the head right) at the checkpoint it contradicts', async () => {
    const original = await chain(6)
    const cps = [nextCheckpoint('u', null, original.entries.slice(0, 3), sha, '2026-01-02T00:00:00.000Z')!]
    cps.push(nextCheckpoint('u', cps[0], original.entries.slice(3, 5), sha, '2026-01-03T00:00:00.000Z')!)
    const forged = await chain(6, { at: 2, action: 'unit.create' })
    expect(await verifyAnchored(forged.entries, MAC, forged.head, [], sha)).toEqual({ valid: true, checked: 6 })
    expect(await verifyAnchored(forged.entries, MAC, forged.head, cps, sha)).toMatchObject({ valid: false, reason: 'checkpoint', brokenAt: 3 })
    // An edit without the key is named where it is, even inside the anchored part.
    const edited = original.entries.map((e) => (e.seq === 2 ? { ...e, target: 'khac' } : e))
    expect(await verifyAnchored(edited, MAC, original.head, cps, sha)).toMatchObject({ valid: false, reason: 'hash', brokenAt: 2 })
    // Fewer entries than anchored, the head rebuilt to match: truncated.
    const short = await chain(4)
    expect(await verifyAnchored(short.entries, MAC, short.head, cps, sha)).toMatchObject({ valid: false, reason: 'truncated', brokenAt: 5 })
  })
})

/** An S3 bucket with Object Lock as S3 answers: versions, conditional puts, locked versions refuse deletion. */
function lockedBucket(lock: { enabled: boolean; mode: 'COMPLIANCE' | 'GOVERNANCE' }) {
  const versions = new Map<string, { body: string; versionId: string; mode?: string; until?: Date }[]>()
  const s3Error = (name: string, status: number) => new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: name })
  const puts: PutObjectCommand[] = []
  const send = async (cmd: unknown): Promise<any> => {
    if (cmd instanceof GetObjectLockConfigurationCommand) {
      if (!lock.enabled) throw s3Error('ObjectLockConfigurationNotFoundError', 404)
      return { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: lock.mode, Days: 1 } } } }
    }
    if (cmd instanceof PutObjectCommand) {
      puts.push(cmd)
      const { Key, Body, IfNoneMatch, ObjectLockMode, ObjectLockRetainUntilDate, ChecksumAlgorithm } = cmd.input
      if (ObjectLockMode && !ChecksumAlgorithm) throw s3Error('InvalidRequest', 400)
      const list = versions.get(Key!) ?? []
      if (IfNoneMatch === '*' && list.length) throw s3Error('PreconditionFailed', 412)
      list.push({ body: String(Body), versionId: `v${list.length + 1}`, mode: ObjectLockMode, until: ObjectLockRetainUntilDate as Date | undefined })
      versions.set(Key!, list)
      return { VersionId: `v${list.length}` }
    }
    if (cmd instanceof GetObjectCommand) {
      const list = versions.get(cmd.input.Key!)
      if (!list?.length) throw s3Error('NoSuchKey', 404)
      const body = list[list.length - 1].body
      return { Body: { transformToString: async () => body } }
    }
    if (cmd instanceof ListObjectsV2Command) {
      const keys = [...versions.keys()].filter((k) => k.startsWith(cmd.input.Prefix!)).sort()
      return { Contents: keys.map((Key) => ({ Key })), IsTruncated: false }
    }
    if (cmd instanceof DeleteObjectCommand) {
      const v = versions.get(cmd.input.Key!)?.find((x) => x.versionId === cmd.input.VersionId)
      if (v?.mode === 'COMPLIANCE' || (v?.mode === 'GOVERNANCE' && !cmd.input.BypassGovernanceRetention)) throw s3Error('AccessDenied', 403)
      return {}
    }
    throw new Error(`unexpected ${String(cmd)}`)
  }
  return { client: { send } as never, send, puts, versions }
}

const cp = (seq: number, digest = 'a'.repeat(64)): Checkpoint => ({ unitId: 'p-hoankiem', seq, hash: 'b'.repeat(64), digest, at: '2026-12-04T01:00:00.000Z' })

describe('S3 checkpoint store', () => {
  it('writes each checkpoint once, locked in the environment\'s mode until the retention ends, and lists them oldest first', async () => {
    const bucket = lockedBucket({ enabled: true, mode: 'COMPLIANCE' })
    const store = new S3CheckpointStore(bucket.client, 'do-prod-audit', { mode: 'COMPLIANCE', days: 3650 })
    await store.assertLocked()
    const now = new Date('2026-12-04T01:00:00.000Z')
    expect(await store.put(cp(12), now)).toBe('written')
    expect(await store.put(cp(3), now)).toBe('written')
    const put = bucket.puts[0].input
    expect(put).toMatchObject({ Bucket: 'do-prod-audit', Key: checkpointKey('p-hoankiem', 12), IfNoneMatch: '*', ObjectLockMode: 'COMPLIANCE', ChecksumAlgorithm: 'SHA256' })
    expect((put.ObjectLockRetainUntilDate as Date).toISOString()).toBe('2036-12-01T01:00:00.000Z')
    expect((await store.list('p-hoankiem')).map((c) => c.seq)).toEqual([3, 12])
    // A retried job finds the same checkpoint anchored; a different one for the same seq is an alarm, and the anchored one stays.
    expect(await store.put(cp(12), now)).toBe('kept')
    await expect(store.put(cp(12, 'c'.repeat(64)), now)).rejects.toThrow(/differs/)
    expect((await store.list('p-hoankiem')).find((c) => c.seq === 12)?.digest).toBe('a'.repeat(64))
    // What the lock itself guarantees (S3's answer, not the adapter's): the locked version cannot be deleted.
    await expect(bucket.send(new DeleteObjectCommand({ Bucket: 'do-prod-audit', Key: checkpointKey('p-hoankiem', 12), VersionId: 'v1' }))).rejects.toMatchObject({ name: 'AccessDenied' })
  })

  it('refuses to anchor into a bucket without Object Lock, or locked in another mode', async () => {
    await expect(new S3CheckpointStore(lockedBucket({ enabled: false, mode: 'COMPLIANCE' }).client, 'b', { mode: 'COMPLIANCE', days: 1 }).assertLocked()).rejects.toThrow()
    await expect(new S3CheckpointStore(lockedBucket({ enabled: true, mode: 'GOVERNANCE' }).client, 'b', { mode: 'COMPLIANCE', days: 1 }).assertLocked()).rejects.toThrow(/GOVERNANCE/)
    // The embedded runtime's stand-in has no lock: nothing is asked of it, and no lock header is sent.
    const local = lockedBucket({ enabled: false, mode: 'COMPLIANCE' })
    const store = new S3CheckpointStore(local.client, 'audit-checkpoints')
    await store.assertLocked()
    await store.put(cp(1), new Date())
    expect(local.puts[0].input.ObjectLockMode).toBeUndefined()
  })
})
