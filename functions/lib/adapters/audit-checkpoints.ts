/**
 * Where the audit chain's checkpoints are anchored (issue 12): an S3 bucket
 * with Object Lock on AWS (compliance mode in prod, retention per
 * environment), so that nobody — not even someone holding the MAC key and
 * the table — can rewrite a checkpoint once written. Each checkpoint is its
 * own object (`audit-checkpoints/<unit>/<seq>.json`), written only if absent
 * (`If-None-Match: *`), with its retention set at the write. The embedded
 * runtime writes the same objects to the local S3 stand-in, which has no
 * Object Lock (`lock` unset): there the objects are write-once by the
 * adapter's condition only. The mapping is tested against a fake answering
 * as S3 does (tests/unit/audit/checkpoints.test.ts).
 */
import { GetObjectCommand, GetObjectLockConfigurationCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { z } from 'zod'
import type { Checkpoint } from '../../../shared/audit/chain.js'
import { envNow } from '../env.js'
import { s3Client } from '../clients.js'

export interface ObjectLockSettings { readonly mode: 'COMPLIANCE' | 'GOVERNANCE'; readonly days: number }

export interface CheckpointStore {
  /** Every checkpoint of the unit, oldest first. */
  list(unitId: string): Promise<Checkpoint[]>
  /** Anchors a checkpoint; one already there for that seq is kept (and must say the same). */
  put(checkpoint: Checkpoint, now: Date): Promise<'written' | 'kept'>
  /** Refuses to anchor into a bucket whose Object Lock is not what the environment says. */
  assertLocked(): Promise<void>
}

const CheckpointObject = z.strictObject({
  unitId: z.string().min(1), seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/),
  digest: z.string().regex(/^[0-9a-f]{64}$/), at: z.string().datetime(),
})

export const checkpointKey = (unitId: string, seq: number): string => `audit-checkpoints/${encodeURIComponent(unitId)}/${String(seq).padStart(12, '0')}.json`

type S3Send = Pick<S3Client, 'send'>
const statusOf = (err: unknown): number | undefined => (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode

export class S3CheckpointStore implements CheckpointStore {
  constructor(private readonly client: S3Send, private readonly bucket: string, private readonly lock?: ObjectLockSettings) {}

  async list(unitId: string): Promise<Checkpoint[]> {
    const prefix = checkpointKey(unitId, 0).replace(/[^/]+$/, '')
    const keys: string[] = []
    let token: string | undefined
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }))
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key)
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    const out: Checkpoint[] = []
    for (const key of keys.sort()) out.push(await this.read(key))
    return out
  }

  private async read(key: string): Promise<Checkpoint> {
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
    return CheckpointObject.parse(JSON.parse(await res.Body!.transformToString('utf8')))
  }

  async put(checkpoint: Checkpoint, now: Date): Promise<'written' | 'kept'> {
    const key = checkpointKey(checkpoint.unitId, checkpoint.seq)
    const body = JSON.stringify(CheckpointObject.parse(checkpoint))
    try {
      await this.client.send(new PutObjectCommand({
        Bucket: this.bucket, Key: key, Body: body, ContentType: 'application/json', IfNoneMatch: '*',
        // A retention set on the write needs an integrity checksum on the request.
        ...(this.lock ? { ChecksumAlgorithm: 'SHA256' as const, ObjectLockMode: this.lock.mode, ObjectLockRetainUntilDate: new Date(now.getTime() + this.lock.days * 86_400_000) } : {}),
      }))
      return 'written'
    } catch (err) {
      // 412: a checkpoint for this seq is anchored already (a retried job). It must be the same one.
      if (statusOf(err) !== 412) throw err
      const kept = await this.read(key)
      if (kept.hash !== checkpoint.hash || kept.digest !== checkpoint.digest) throw new Error(`the anchored checkpoint ${key} differs from the chain's: verify the unit's audit trail`)
      return 'kept'
    }
  }

  async assertLocked(): Promise<void> {
    if (!this.lock) return
    const res = await this.client.send(new GetObjectLockConfigurationCommand({ Bucket: this.bucket }))
    const cfg = res.ObjectLockConfiguration
    if (cfg?.ObjectLockEnabled !== 'Enabled') throw new Error(`Object Lock is not enabled on ${this.bucket}: audit checkpoints are not anchored`)
    const mode = cfg.Rule?.DefaultRetention?.Mode
    if (mode && mode !== this.lock.mode) throw new Error(`Object Lock on ${this.bucket} is ${mode}, the environment asks for ${this.lock.mode}`)
  }
}

let store: CheckpointStore | null | undefined
/** The environment's checkpoint store, or null where none is configured (verification then rests on the MACed head). */
export function checkpointStore(): CheckpointStore | null {
  if (store !== undefined) return store
  const cfg = envNow()
  store = cfg.AUDIT_CHECKPOINT_BUCKET
    ? new S3CheckpointStore(s3Client(), cfg.AUDIT_CHECKPOINT_BUCKET, cfg.AUDIT_CHECKPOINT_LOCK_MODE ? { mode: cfg.AUDIT_CHECKPOINT_LOCK_MODE, days: cfg.AUDIT_CHECKPOINT_RETENTION_DAYS } : undefined)
    : null
  return store
}
/** Forget the store (tests with several platforms). */
export function resetCheckpointStore(): void { store = undefined }
