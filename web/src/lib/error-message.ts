/** The text to show for a failed call: the server's localised message, else the error's own. */
import { isApiError } from '../api/client'

export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message
  if (e instanceof Error) return e.message
  return String(e)
}
