/**
 * Live updates of a meeting for everyone present. A connection (opened with
 * the person's token, checked at `$connect`) follows a meeting only if that
 * person may see it through the meetings policy — the same `load` every
 * route uses — and gets its current state at once, so a reconnecting device
 * is up to date. After every change (`live().changed`, called by each
 * mutation), each follower gets the state as they may see it: the page's
 * own view (their role, what they may do), and the votes with nothing that
 * links a secret ballot to a voter. Connections that are gone (410) are
 * forgotten; a person who may no longer see the meeting stops following it.
 */
import { DomainError } from '../../../shared/errors/index.js'
import { translate, type Lang } from '../../../shared/i18n/messages.js'
import type { LiveMessage, LiveVote, Meeting, Vote } from '../../../shared/meetings/contracts.js'
import type { UnitIndex } from '../../../shared/org/tree.js'
import { connectionSender } from '../../lib/adapters/websocket.js'
import { log } from '../../lib/log.js'
import { orgStore } from '../../org/adapters/store.js'
import { actorOf, orgContext } from '../../org/usecases/context.js'
import { connectionStore, type LiveConnection } from '../adapters/connections.js'
import { meetingStore } from '../adapters/store.js'
import { load, mayRead, mayReadDocuments, personalView, sharedView, view, type MeetingContext } from './meetings.js'

/** Posts at once per change (API Gateway throttles a burst of one account at 10,000/s; the Lambda's sockets are the real bound). */
const SEND_CONCURRENCY = 64

/** A vote as it travels live: a secret vote's ballots are in the published list (token hash and choice) only. */
export function liveVote(v: Vote): LiveVote {
  const { record, openBallots, ...rest } = v
  return { ...rest, openBallots: v.secret ? [] : openBallots, hasRecord: !!record }
}

function stateOf(ctx: MeetingContext, index: UnitIndex, m: Meeting, votes: readonly Vote[]): LiveMessage {
  return { type: 'state', meetingId: m.meetingId, meeting: view(ctx, index, m), votes: votes.map(liveVote) }
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

/** After a change: the state to every connection following the meeting, each as its person may see it. */
export async function broadcast(meetingId: string, now = new Date()): Promise<{ sent: number; gone: number }> {
  const subscribers = await connectionStore.subscribers(meetingId)
  if (subscribers.length === 0) return { sent: 0, gone: 0 }
  const [meeting, index, users] = await Promise.all([
    meetingStore.get(meetingId),
    orgStore.tree(),
    orgStore.getUsers([...new Set(subscribers.map((s) => s.userId))]),
  ])
  if (!meeting) return { sent: 0, gone: 0 }
  const votes = await meetingStore.votes(meeting)
  // The shared state, serialised once per variant (reads the documents or not); each person's part is appended.
  const heads = new Map<boolean, string>()
  const headOf = (readsDocuments: boolean) => {
    let head = heads.get(readsDocuments)
    if (head === undefined) {
      head = `{"type":"state","meetingId":${JSON.stringify(meetingId)},"votes":${JSON.stringify(votes.map(liveVote))},"meeting":${openObject(sharedView(meeting, readsDocuments))}`
      heads.set(readsDocuments, head)
    }
    return head
  }
  const byUser = new Map<string, string | undefined>()
  for (const user of users) {
    if (user.status !== 'active') continue
    const ctx = orgContext(actorOf(user), 'live', now, Promise.resolve(index))
    if (mayRead(ctx, index, meeting)) byUser.set(user.userId, withPersonal(headOf(mayReadDocuments(ctx, meeting)), personalView(ctx, index, meeting), '}}'))
  }
  const messages = []
  for (const s of subscribers) {
    const data = byUser.get(s.userId)
    if (data) messages.push({ connectionId: s.connectionId, meetingId, data })
    else await connectionStore.unsubscribe(meetingId, s.connectionId)
  }
  const gone = await sendAll(messages)
  return { sent: messages.length - gone, gone }
}
