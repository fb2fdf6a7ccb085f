/** A small data-loading hook: runs `load` when `deps` change, aborts stale calls. */
import { useCallback, useEffect, useRef, useState } from 'react'

export interface DataState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
  setData: (fn: (d: T | undefined) => T | undefined) => void
}

export function useData<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: readonly unknown[]): DataState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [loading, setLoading] = useState<boolean>(!!load)
  const [tick, setTick] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    const fn = loadRef.current
    if (!fn) {
      setLoading(false)
      return
    }
    const ctrl = new AbortController()
    setLoading(true)
    setError(undefined)
    fn(ctrl.signal).then(
      (d) => { if (!ctrl.signal.aborted) { setDataState(d); setLoading(false) } },
      (e) => { if (!ctrl.signal.aborted) { setError(e); setLoading(false) } },
    )
    return () => ctrl.abort()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  const setData = useCallback((fn: (d: T | undefined) => T | undefined) => setDataState(fn), [])
  return { data, error, loading, reload, setData }
}
