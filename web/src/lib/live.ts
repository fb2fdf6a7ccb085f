/**
 * Live updates of a meeting: `subscribeMeeting(meetingId, onState)` opens the
 * WebSocket at `/ws` of this origin (the embedded gateway serves it; on AWS
 * the WebSocket API's stage `ws`) with the session's token as the second
 * subprotocol beside `digital-office.live` (a browser cannot set headers on a
 * WebSocket), follows the meeting, and calls `onState` with the meeting as
 * this person may see it — at once on every (re)connection, then after every
 * change: the socket brings the full state once, then patches from one
 * version to the next (shared/meetings/live.ts); a page that missed one asks
 * for the full state again. A dropped connection is opened again with growing, jittered waits
 * (a room of tablets must not all come back in the same millisecond). The
 * returned function stops it.
 */
import { LIVE_PROTOCOL, type LiveMessage, type LiveVote } from '../../../shared/meetings/contracts'
import { LiveMirror } from '../../../shared/meetings/live'
import { session } from '../api/session'

export interface LiveState<M = unknown> { meeting: M; votes: LiveVote[] }
export interface LiveOptions {
  /** A refusal (not a participant, no longer allowed): the message is in the person's language. Following stops. */
  onRefused?: (message: string, code: string) => void
  /** Connection up or down, for a "reconnecting…" badge. */
  onConnection?: (connected: boolean) => void
  /** The socket's address. @default `/ws` of this origin */
  url?: string
}

const defaultUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
/** Wait before the n-th attempt to reconnect: 0.5 s doubling up to 30 s, with jitter. */
export const reconnectDelay = (attempt: number) => Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random() / 2)

export function subscribeMeeting<M extends { version: number } = { version: number }>(meetingId: string, onState: (state: LiveState<M>) => void, opts: LiveOptions = {}): () => void {
  let socket: WebSocket | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let attempt = 0
  let stopped = false

  const open = () => {
    if (stopped) return
    const token = session.token()
    if (!token) { stopped = true; return }
    const ws = new WebSocket(opts.url ?? defaultUrl(), [LIVE_PROTOCOL, token])
    socket = ws
    // Each connection starts from the full state it gets on subscribing.
    const mirror = new LiveMirror<M>()
    const follow = () => ws.send(JSON.stringify({ action: 'subscribe', meetingId }))
    ws.onopen = () => {
      attempt = 0
      opts.onConnection?.(true)
      // Every (re)connection follows the meeting again; the answer is its state now.
      follow()
    }
    ws.onmessage = (e) => {
      let message: LiveMessage<M>
      try { message = JSON.parse(String(e.data)) as LiveMessage<M> } catch { return }
      if (message.type === 'refused') { stop(); opts.onRefused?.(message.message, message.code); return }
      if (message.meetingId !== meetingId) return
      const outcome = mirror.receive(message)
      if (outcome === 'resync') follow()
      if (outcome !== 'stale' && mirror.meeting) onState({ meeting: mirror.meeting, votes: mirror.votes })
    }
    ws.onclose = () => {
      if (socket !== ws) return
      opts.onConnection?.(false)
      if (!stopped) timer = setTimeout(open, reconnectDelay(attempt++))
    }
  }

  const stop = () => {
    stopped = true
    if (timer) clearTimeout(timer)
    const ws = socket
    socket = undefined
    ws?.close()
  }

  open()
  return stop
}
