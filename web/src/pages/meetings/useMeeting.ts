/**
 * One meeting's state for its pages: the meeting (as the API shows it to me)
 * and its votes, loaded once, again after each action (`act`), and whenever
 * `watchMeeting` says something changed. Background reloads keep what is on
 * screen (no spinner, no flash); a failed one keeps the last state.
 *
 * Live updates come through `watchMeeting` alone: the WebSocket subscription
 * (web/src/lib/live.ts) says when the meeting changed; polling every 5 s
 * only while the socket is down.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { MeetingView, VoteView } from '../../../../shared/meetings/contracts'
import { meetings } from '../../api/meetings'
import { subscribeMeeting } from '../../lib/live'

/** While the live connection is down (or refused), the page still looks again this often. */
export const POLL_MS = 5_000

/**
 * Calls `changed` whenever the meeting may have changed; returns the
 * unsubscribe. Each state the WebSocket pushes (web/src/lib/live.ts: on every
 * (re)connection and after every change) is a change; while the socket is
 * down the page polls, and looks again when it becomes visible.
 */
export function watchMeeting(meetingId: string, changed: () => void): () => void {
  let live = false
  const tick = () => { if (!live && document.visibilityState === 'visible') changed() }
  const timer = window.setInterval(tick, POLL_MS)
  const onVisible = () => { if (document.visibilityState === 'visible') changed() }
  document.addEventListener('visibilitychange', onVisible)
  const stop = subscribeMeeting(meetingId, () => changed(), { onConnection: (up) => { live = up }, onRefused: () => { live = false } })
  return () => { stop(); window.clearInterval(timer); document.removeEventListener('visibilitychange', onVisible) }
}

export interface MeetingState {
  meeting: MeetingView | undefined
  votes: VoteView[]
  error: unknown
  loading: boolean
  reload: () => Promise<void>
  /** Runs an action, then reloads the state (whether it succeeded or was refused: the state may have moved on). */
  act: <T>(fn: () => Promise<T>) => Promise<T>
}

export function useMeeting(meetingId: string): MeetingState {
  const [meeting, setMeeting] = useState<MeetingView>()
  const [votes, setVotes] = useState<VoteView[]>([])
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(true)
  const seq = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    try {
      const m = await meetings.get(meetingId)
      const v = await Promise.all(m.voteIds.map((id) => meetings.vote(meetingId, id)))
      // A later reload started meanwhile: its answer wins.
      if (mine !== seq.current) return
      setMeeting(m)
      setVotes(v)
      setError(undefined)
    } catch (e) {
      if (mine === seq.current) setError(e)
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [meetingId])

  useEffect(() => {
    setLoading(true)
    setMeeting(undefined)
    void reload()
    return watchMeeting(meetingId, () => void reload())
  }, [meetingId, reload])

  const act = useCallback(async <T,>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } finally {
      void reload()
    }
  }, [reload])

  return { meeting, votes, error, loading, reload, act }
}
