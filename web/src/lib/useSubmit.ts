/** Form submission state: busy flag, field errors (client or server), a top-level error. */
import { useCallback, useState } from 'react'
import { errorMessage } from './error-message'
import { serverFieldErrors, unplacedErrors, type FieldErrors } from './validation'

function focusFirstInvalid(): void {
  requestAnimationFrame(() => {
    const scope = document.querySelector('[role=dialog]') ?? document
    scope.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  })
}

export function useSubmit(fields: readonly string[]) {
  const [busy, setBusy] = useState(false)
  const [errors, setErrorsState] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)

  const setErrors = useCallback((e: FieldErrors) => {
    setErrorsState(e)
    setError(null)
    if (Object.keys(e).length) focusFirstInvalid()
  }, [])

  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true)
    setError(null)
    setErrorsState({})
    try {
      return await fn()
    } catch (e) {
      const fe = serverFieldErrors(e)
      setErrorsState(fe)
      setError(errorMessage(e))
      if (Object.keys(fe).length) focusFirstInvalid()
      return undefined
    } finally {
      setBusy(false)
    }
  }, [])

  const reset = useCallback(() => { setErrorsState({}); setError(null) }, [])
  return { busy, errors, error, messages: unplacedErrors(errors, fields), setErrors, run, reset }
}
