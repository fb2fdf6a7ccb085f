/**
 * One meeting's state for its pages: the meeting (as the API shows it to me)
 * and its votes. Loaded over HTTP once, and after my own actions (`act`);
 * everyone else's changes are applied as the WebSocket pushes them
 * (web/src/lib/live.ts keeps the copy: the full state on each (re)connection,
 * then patches) — no request per change. Polling every 5 s only while the
 * socket is down. A failed load keeps the last state; an answer older than
 * what was pushed meanwhile is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { MeetingView, MeetingVoteView, VoteView } from '../../../../shared/meetings/contracts'
import { meetings } from '../../api/meetings'
import { subscribeMeeting, type LiveState } from '../../lib/live'

/** While the live connection is down (or refused), the page still looks again this often. */
export const POLL_MS = 5_000

/**
 * Follows the meeting: `pushed` with each state the WebSocket brings (after
 * every change, and on every (re)connection); `stale` when the page must
 * look itself — every 5 s while the socket is down, and when the page
 * becomes visible again without a socket. Returns the unsubscribe.
 */
export function watchMeeting(meetingId: string, on: { pushed: (state: LiveState<MeetingView>) => void; stale: () => void }): () => void {
  let live = false
  const tick = () => { if (!live && document.visibilityState === 'visible') on.stale() }
  const timer = window.setInterval(tick, POLL_MS)
  document.addEventListener('visibilitychange', tick)
  const stop = subscribeMeeting<MeetingView>(meetingId, on.pushed, { onConnection: (up) => { live = up }, onRefused: () => { live = false } })
  return () => { stop(); window.clearInterval(timer); document.removeEventListener('visibilitychange', tick) }
}

/** A vote from the API as the page holds it (as it travels live). */
const held = ({ record, ...v }: VoteView): MeetingVoteView => ({ ...v, hasRecord: !!record })

export interface MeetingState {
  meeting: MeetingView | undefined
  votes: MeetingVoteView[]
  error: unknown
  loading: boolean
  reload: () => Promise<void>
  /** Runs an action, then reloads the state (whether it succeeded or was refused: the state may have moved on). */
  act: <T>(fn: () => Promise<T>) => Promise<T>
}

export function useMeeting(meetingId: string): MeetingState {
  const [meeting, setMeeting] = useState<MeetingView>()
  const [votes, setVotes] = useState<MeetingVoteView[]>([])
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(true)
  const seq = useRef(0)
  /** The newest meeting version on screen, whichever way it came. */
  const version = useRef(-1)
  /** Whether I hold each secret vote's signature: only the API says so (a push is the same for all). */
  const signed = useRef(new Map<string, boolean | undefined>())

  const reload = useCallback(async () => {
    const mine = ++seq.current
    try {
      const m = await meetings.get(meetingId)
      const v = await Promise.all(m.voteIds.map((id) => meetings.vote(meetingId, id)))
      for (const x of v) signed.current.set(x.voteId, x.iHaveSignature)
      // A later load started meanwhile, or a newer state was pushed: that one stays.
      if (mine !== seq.current) return
      if (m.version < version.current) { setVotes((now) => now.map((x) => ({ ...x, iHaveSignature: signed.current.get(x.voteId) }))); return }
      version.current = m.version
      setMeeting(m)
      setVotes(v.map(held))
      setError(undefined)
    } catch (e) {
      if (mine === seq.current) setError(e)
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [meetingId])

  const pushed = useCallback((s: LiveState<MeetingView>) => {
    version.current = s.meeting.version
    setMeeting(s.meeting)
    setVotes(s.votes.map((v) => ({ ...v, iHaveSignature: signed.current.get(v.voteId) })))
    setError(undefined)
    setLoading(false)
  }, [])

  useEffect(() => {
    setLoading(true)
    setMeeting(undefined)
    version.current = -1
    signed.current = new Map()
    void reload()
    return watchMeeting(meetingId, { pushed, stale: () => void reload() })
  }, [meetingId, reload, pushed])

  const act = useCallback(async <T,>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } finally {
      void reload()
    }
  }, [reload])

  return { meeting, votes, error, loading, reload, act }
}
