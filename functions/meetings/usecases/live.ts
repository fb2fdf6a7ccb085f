/**
 * Live updates of a meeting for everyone present. A connection (opened with
 * the person's token, checked at `$connect`) follows a meeting only if that
 * person may see it through the meetings policy — the same `load` every
 * route uses — and gets its current state at once, so a reconnecting device
 * is up to date. After every change (the table's stream, through
 * functions/meetings/stream.ts — never the changing request), each follower gets the state as they may see it: the page's
 * own view (their role, what they may do), and the votes with nothing that
 * links a secret ballot to a voter. Connections that are gone (410) are
 * forgotten; a person who may no longer see the meeting stops following it.
 */
import { DomainError } from '../../../shared/errors/index.js'
import { translate, type Lang } from '../../../shared/i18n/messages.js'
import type { LiveMessage, Meeting, Vote } from '../../../shared/meetings/contracts.js'
import { MEETING_COLLECTIONS, VOTE_COLLECTIONS, diff, liveVote } from '../../../shared/meetings/live.js'
import type { UnitIndex } from '../../../shared/org/tree.js'
import { connectionSender } from '../../lib/adapters/websocket.js'
import { log } from '../../lib/log.js'
import type { User } from '../../../shared/org/contracts.js'
import { orgStore } from '../../org/adapters/store.js'
import { actorOf, orgContext } from '../../org/usecases/context.js'
import { connectionStore, type LiveConnection } from '../adapters/connections.js'
import { meetingStore } from '../adapters/store.js'
import { load, mayRead, mayReadDocuments, personalView, sharedView, view, type MeetingContext } from './meetings.js'

/** Posts at once per change (API Gateway throttles a burst of one account at 10,000/s; the Lambda's sockets are the real bound). */
const SEND_CONCURRENCY = 64

/** The votes in the meeting's order (a batch read keeps none), as they travel live. */
const liveVotes = (m: Meeting, votes: readonly Vote[]) => [...votes].sort((a, b) => m.voteIds.indexOf(a.voteId) - m.voteIds.indexOf(b.voteId)).map(liveVote)

function stateOf(ctx: MeetingContext, index: UnitIndex, m: Meeting, votes: readonly Vote[]): LiveMessage {
  return { type: 'state', meetingId: m.meetingId, meeting: view(ctx, index, m), votes: liveVotes(m, votes) }
}

async function sendAll(messages: readonly { connectionId: string; meetingId: string; data: string }[]): Promise<number> {
  const sender = connectionSender()
  let gone = 0
  for (let i = 0; i < messages.length; i += SEND_CONCURRENCY) {
    await Promise.all(messages.slice(i, i + SEND_CONCURRENCY).map(async (m) => {
      try {
        if ((await sender.send(m.connectionId, m.data)) === 'gone') { gone++; await connectionStore.remove(m.connectionId) }
      } catch (err) {
        // One connection's failure must not keep the others from the news.
        log.warn('live message not sent', { connectionId: m.connectionId, meetingId: m.meetingId, error: String(err) })
      }
    }))
  }
  return gone
}

/** One message to one connection (a refusal, a state). */
export const tell = async (connectionId: string, message: LiveMessage) => { await sendAll([{ connectionId, meetingId: message.meetingId ?? '', data: JSON.stringify(message) }]) }

/** A connection asks to follow a meeting: refused (in the person's language) unless they may see it; else its state, now. */
export async function subscribe(ctx: MeetingContext, connection: LiveConnection, meetingId: string): Promise<LiveMessage> {
  let message: LiveMessage
  try {
    const { meeting, index } = await load(ctx, meetingId)
    await connectionStore.subscribe(connection, meetingId)
    message = stateOf(ctx, index, meeting, await meetingStore.votes(meeting))
  } catch (err) {
    if (!(err instanceof DomainError)) throw err
    message = refusal(connection.lang, err.code, err.params, meetingId)
  }
  await tell(connection.connectionId, message)
  return message
}

export const refusal = (lang: Lang, code: string, params: Record<string, string | number> = {}, meetingId?: string): LiveMessage =>
  ({ type: 'refused', ...(meetingId ? { meetingId } : {}), code, message: translate(code, lang, params) })

/**
 * A message that is the same for every reader but its end: `head` is the
 * JSON of the shared part with its closing brace(s) left off, and each
 * person's part is written after it — one stringify of the shared state per
 * variant, not one per follower.
 */
export function withPersonal(head: string, personal: Record<string, unknown>, closing: string): string {
  let tail = ''
  for (const [k, v] of Object.entries(personal)) if (v !== undefined) tail += `,${JSON.stringify(k)}:${JSON.stringify(v)}`
  return head + tail + closing
}

/** The JSON of `value` (an object with at least one field) without its closing brace, to be continued. */
export const openObject = (value: object): string => JSON.stringify(value).slice(0, -1)

/** A change of a meeting's items, as the table's stream tells it (old and new image). */
export type LiveChange =
  | { kind: 'meeting'; meetingId: string; before?: Meeting; after: Meeting }
  | { kind: 'vote'; meetingId: string; before?: Vote; after: Vote }

/** Who follows a meeting, read once per batch of changes: their connections, the people, the tree. */
interface Audience { subscribers: { connectionId: string; userId: string }[]; users: Map<string, User>; index: UnitIndex; meeting?: Meeting }

async function audienceOf(meetingId: string): Promise<Audience> {
  const subscribers = await connectionStore.subscribers(meetingId)
  if (subscribers.length === 0) return { subscribers, users: new Map(), index: new Map() }
  const [index, users] = await Promise.all([orgStore.tree(), orgStore.getUsers([...new Set(subscribers.map((s) => s.userId))])])
  return { subscribers, users: new Map(users.map((u) => [u.userId, u])), index }
}

/** Each follower's message (`messageOf` gets the person's context, or `undefined` when they may no longer see the meeting: they stop following it). */
async function sendEach(a: Audience, meeting: Meeting, now: Date, messageOf: (ctx: MeetingContext) => string): Promise<{ sent: number; gone: number }> {
  const byUser = new Map<string, string | undefined>()
  const messages = []
  for (const s of a.subscribers) {
    if (!byUser.has(s.userId)) {
      const user = a.users.get(s.userId)
      const ctx = user?.status === 'active' ? orgContext(actorOf(user), 'live', now, Promise.resolve(a.index)) : undefined
      byUser.set(s.userId, ctx && mayRead(ctx, a.index, meeting) ? messageOf(ctx) : undefined)
    }
    const data = byUser.get(s.userId)
    if (data) messages.push({ connectionId: s.connectionId, meetingId: meeting.meetingId, data })
    else await connectionStore.unsubscribe(meeting.meetingId, s.connectionId)
  }
  const gone = await sendAll(messages)
  a.subscribers = a.subscribers.filter((s) => byUser.get(s.userId))
  return { sent: messages.length - gone, gone }
}

/**
 * One change to everyone following the meeting, as a patch from the version
 * they hold: a meeting's shared part diffed once per variant (reads the
 * documents or not) and serialised once, each person's own part (me, can)
 * appended; a vote's patch (or the new vote whole) the same for all.
 */
async function broadcastOne(change: LiveChange, a: Audience, now: Date): Promise<{ sent: number; gone: number }> {
  if (change.kind === 'meeting') a.meeting = change.after
  const meeting = a.meeting ??= await meetingStore.get(change.meetingId)
  if (!meeting || a.subscribers.length === 0) return { sent: 0, gone: 0 }
  if (change.kind === 'vote') {
    if (change.before && change.before.version === change.after.version) return { sent: 0, gone: 0 }
    const data = votePatch(change.meetingId, change.before, change.after)
    return sendEach(a, meeting, now, () => data)
  }
  const { before, after } = change
  if (!before || before.version === after.version) return { sent: 0, gone: 0 }
  return sendEach(a, meeting, now, meetingPatch(before, after, a.index))
}

/** A vote's change as it travels: the patch from its version before, or the new vote whole; the same for every follower. */
export function votePatch(meetingId: string, before: Vote | undefined, after: Vote): string {
  const vote = before ? { voteId: after.voteId, from: before.version, to: after.version, patch: diff(liveVote(before), liveVote(after), VOTE_COLLECTIONS) } : { voteId: after.voteId, full: liveVote(after) }
  return JSON.stringify({ type: 'patch', meetingId, vote } satisfies LiveMessage)
}

/**
 * A meeting's change for each follower: the shared part's patch, diffed and
 * serialised once per variant (reads the documents or not, before and
 * after), with the person's own part (me, can) appended whole.
 */
export function meetingPatch(before: Meeting, after: Meeting, index: UnitIndex): (ctx: MeetingContext) => string {
  // By the variant the person held and the one they hold now (a participant who left no longer reads the documents).
  const heads = new Map<string, string>()
  const headOf = (readBefore: boolean, readsNow: boolean) => {
    const variant = `${readBefore}/${readsNow}`
    let head = heads.get(variant)
    if (head === undefined) {
      const patch = diff(sharedView(before, readBefore), sharedView(after, readsNow), MEETING_COLLECTIONS)
      head = openObject({ type: 'patch', meetingId: after.meetingId, meeting: { from: before.version, to: after.version, patch } } satisfies LiveMessage)
      heads.set(variant, head)
    }
    return head
  }
  return (ctx) => withPersonal(headOf(mayReadDocuments(ctx, before), mayReadDocuments(ctx, after)), { mine: personalView(ctx, index, after) }, '}')
}

/**
 * Changes in the order the table made them, each to the meeting's followers.
 * Returns the position of the first change that could not be sent (the
 * stream retries from there), or `undefined` when all went out.
 */
export async function broadcastChanges(changes: readonly LiveChange[], now = new Date()): Promise<number | undefined> {
  const audiences = new Map<string, Audience>()
  for (const [i, change] of changes.entries()) {
    try {
      let a = audiences.get(change.meetingId)
      if (!a) { a = await audienceOf(change.meetingId); audiences.set(change.meetingId, a) }
      await broadcastOne(change, a, now)
    } catch (err) {
      log.error('live broadcast failed', { meetingId: change.meetingId, error: String(err), stack: (err as Error)?.stack })
      return i
    }
  }
  return undefined
}
