/**
 * The document use cases' own errors: a document the caller may not see, and
 * the two lost races (the counter, the document's version) the retries tell apart.
 */
import { ConflictError, DomainError } from '../../../shared/errors/index.js'

export const notFound = (documentId: string) => new DomainError('notFound.document', 404, { id: documentId })

/** Thrown by the counter's put when another request took the number first. */
export class CounterRaceError extends ConflictError {
  constructor() { super('document.busy') }
}
/** Thrown by the document's put when someone else changed it meanwhile. */
export class DocumentChangedError extends ConflictError {
  constructor() { super('conflict.version') }
}
