/**
 * Live updates of a meeting as deltas. A follower gets the full state once
 * (on subscribing), then a patch per change: from the meeting's version N to
 * N+1 (a vote's likewise), holding the top-level fields that changed and, for
 * the keyed collections (participants by userId, agenda by itemId, speakers
 * by speakerId) upserts and removals, for the lists that only grow (events,
 * vote ids, conclusions, open ballots) what was appended. A follower whose
 * version is not N asks for the full state again (`LiveMirror` says
 * `resync`). Pure: the broadcaster (functions/meetings/usecases/live.ts)
 * diffs, the SPA (web/src/lib/live.ts) applies, and a unit test checks that
 * the patched state equals the full state after any sequence of changes.
 */
import type { LiveMessage, LiveVote, Vote } from './contracts.js'
import { ENTITY } from '../table/keys.js'

/** The table items whose changes are broadcast (the stream's filter on AWS and on the embedded poller). */
export const LIVE_STREAM_ENTITIES = [ENTITY.meeting, ENTITY.vote] as const

/** A vote as it travels live: a secret vote's ballots are in the published list (token hash and choice) only. */
export function liveVote(v: Vote): LiveVote {
  const { record, openBallots, ...rest } = v
  return { ...rest, openBallots: v.secret ? [] : openBallots, hasRecord: !!record }
}

type Json = Record<string, unknown>
/** How a field of an object is patched: a keyed collection (by the field `key` of its items), or a list that grows at its end. */
export type Collections = Readonly<Record<string, { readonly key: string } | 'append'>>
export const MEETING_COLLECTIONS: Collections = {
  participants: { key: 'userId' }, agenda: { key: 'itemId' }, speakers: { key: 'speakerId' }, invitedUnits: { key: 'unitId' },
  events: 'append', voteIds: 'append', conclusions: 'append',
}
export const VOTE_COLLECTIONS: Collections = { openBallots: 'append', electorate: { key: 'userId' }, candidates: { key: 'userId' } }

/** A change of one object: fields set or gone; per collection, items upserted, removed (by key), the new order if it moved, items appended. */
export interface ObjectPatch {
  set?: Json
  unset?: string[]
  upsert?: Record<string, unknown[]>
  remove?: Record<string, string[]>
  order?: Record<string, string[]>
  append?: Record<string, unknown[]>
}

/** Deep equality of JSON values; a field holding `undefined` is no field (as JSON has it), and key order does not matter. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    if (a.length !== bb.length) return false
    for (let i = 0; i < a.length; i++) if (!same(a[i], bb[i])) return false
    return true
  }
  const ka = Object.keys(a).filter((k) => (a as Json)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Json)[k] !== undefined)
  if (ka.length !== kb.length) return false
  for (const k of ka) if (!same((a as Json)[k], (b as Json)[k])) return false
  return true
}

const keyOf = (item: unknown, key: string) => String((item as Json)[key])
const isList = (x: unknown): x is unknown[] => Array.isArray(x)
const add = <T>(into: Record<string, T[]> | undefined, field: string, items: T[]) => ({ ...into, [field]: items })

/** The patch that turns `before` into `after`; empty (`{}`) when they are the same. */
export function diff(before: Json, after: Json, collections: Collections): ObjectPatch {
  const p: ObjectPatch = {}
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[k]
    const b = after[k]
    if (same(a, b)) continue
    if (b === undefined) { (p.unset ??= []).push(k); continue }
    const how = collections[k]
    if (how && isList(a) && isList(b)) {
      if (how === 'append') {
        if (b.length >= a.length && a.every((x, i) => same(x, b[i]))) { p.append = add(p.append, k, b.slice(a.length)); continue }
      } else {
        const old = new Map(a.map((x) => [keyOf(x, how.key), x]))
        const now = new Set(b.map((x) => keyOf(x, how.key)))
        if (old.size === a.length && now.size === b.length) {
          const removed = [...old.keys()].filter((x) => !now.has(x))
          const upserts = b.filter((x) => !same(old.get(keyOf(x, how.key)), x))
          if (removed.length) p.remove = add(p.remove, k, removed)
          if (upserts.length) p.upsert = add(p.upsert, k, upserts)
          // Where the upserts and removals leave the items, unless that is already their order now.
          const kept = [...old.keys()].filter((x) => now.has(x))
          const fresh = b.map((x) => keyOf(x, how.key)).filter((x) => !old.has(x))
          const order = b.map((x) => keyOf(x, how.key))
          if (!same([...kept, ...fresh], order)) p.order = add(p.order, k, order)
          continue
        }
      }
    }
    (p.set ??= {})[k] = b
  }
  return p
}

export const isEmptyPatch = (p: ObjectPatch) => Object.keys(p).length === 0

/** `before` with `patch` applied (a new object; `before` is left as it was). */
export function apply<T extends object>(before: T, patch: ObjectPatch, collections: Collections): T {
  const o: Json = { ...(before as Json) }
  for (const k of patch.unset ?? []) delete o[k]
  Object.assign(o, patch.set)
  for (const [k, keys] of Object.entries(patch.remove ?? {})) {
    const how = collections[k] as { key: string }
    const gone = new Set(keys)
    o[k] = (o[k] as unknown[]).filter((x) => !gone.has(keyOf(x, how.key)))
  }
  for (const [k, items] of Object.entries(patch.upsert ?? {})) {
    const how = collections[k] as { key: string }
    const list = [...((o[k] as unknown[] | undefined) ?? [])]
    for (const item of items) {
      const i = list.findIndex((x) => keyOf(x, how.key) === keyOf(item, how.key))
      if (i >= 0) list[i] = item
      else list.push(item)
    }
    o[k] = list
  }
  for (const [k, order] of Object.entries(patch.order ?? {})) {
    const how = collections[k] as { key: string }
    const byKey = new Map((o[k] as unknown[]).map((x) => [keyOf(x, how.key), x]))
    o[k] = order.map((key) => byKey.get(key))
  }
  for (const [k, items] of Object.entries(patch.append ?? {})) o[k] = [...((o[k] as unknown[] | undefined) ?? []), ...items]
  return o as T
}

/** What is each person's own in the meeting's view: sent whole with every meeting patch. */
export const PERSONAL_FIELDS = ['me', 'can'] as const

/** The page's copy of a meeting followed live: the full state, then each patch in turn. */
export class LiveMirror<M extends { version: number } = { version: number }> {
  meeting?: M
  votes: LiveVote[] = []
  /** Patches that came before the first state (the subscription was written before its state was read). */
  private early: Extract<LiveMessage, { type: 'patch' }>[] = []

  /**
   * `state`/`changed`: the copy moved; `stale`: nothing new (an older change);
   * `resync`: a change is missing — ask for the full state again.
   */
  receive(message: LiveMessage<M>): 'changed' | 'stale' | 'resync' {
    if (message.type === 'state') {
      this.meeting = message.meeting
      this.votes = message.votes
      const early = this.early
      this.early = []
      let outcome: 'changed' | 'stale' | 'resync' = 'changed'
      for (const p of early) if (this.patch(p) === 'resync') outcome = 'resync'
      return outcome
    }
    if (message.type !== 'patch') return 'stale'
    if (!this.meeting) { this.early.push(message); return 'stale' }
    return this.patch(message)
  }

  private patch(p: Extract<LiveMessage, { type: 'patch' }>): 'changed' | 'stale' | 'resync' {
    if (p.meeting) {
      const have = this.meeting!.version
      if (p.meeting.from < have) return 'stale'
      if (p.meeting.from > have) return 'resync'
      const next: Json = apply(this.meeting! as Json, p.meeting.patch, MEETING_COLLECTIONS)
      for (const f of PERSONAL_FIELDS) {
        if (p.mine?.[f] === undefined) delete next[f]
        else next[f] = p.mine[f]
      }
      this.meeting = next as M
      return 'changed'
    }
    const vote = p.vote
    if (vote) {
      const i = this.votes.findIndex((v) => v.voteId === vote.voteId)
      if ('full' in vote) {
        if (i >= 0 && this.votes[i]!.version >= vote.full.version) return 'stale'
        this.votes = i >= 0 ? this.votes.map((v, j) => (j === i ? vote.full : v)) : [...this.votes, vote.full]
        return 'changed'
      }
      const have = i >= 0 ? this.votes[i]!.version : 0
      if (vote.from < have) return 'stale'
      if (vote.from > have || i < 0) return 'resync'
      const next = apply(this.votes[i]!, vote.patch, VOTE_COLLECTIONS)
      this.votes = this.votes.map((v, j) => (j === i ? next : v))
      return 'changed'
    }
    return 'stale'
  }
}
