/**
 * Domain errors. Each has a stable `code` (a message key in shared/i18n) and
 * the HTTP status the one error mapper gives it. Anything else is a 500.
 */
export type ErrorParams = Record<string, string | number>

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: ErrorParams = {},
    readonly details?: unknown,
  ) {
    super(code)
    this.name = new.target.name
  }
}

export class ValidationError extends DomainError {
  constructor(readonly issues: ValidationIssue[], code = 'validation.failed') {
    super(code, 400, { count: issues.length }, issues)
  }
}
export interface ValidationIssue { path: string; code: string; params?: ErrorParams }

export class NotFoundError extends DomainError {
  constructor(what: 'unit' | 'user' | 'request' | 'route' | 'object', id: string) { super(`notFound.${what}`, 404, { id }) }
}
export class ForbiddenError extends DomainError {
  constructor(code = 'auth.forbidden', params: ErrorParams = {}) { super(code, 403, params) }
}
export class UnauthenticatedError extends DomainError {
  constructor(code = 'auth.required') { super(code, 401) }
}
export class ConflictError extends DomainError {
  constructor(code: string, params: ErrorParams = {}) { super(code, 409, params) }
}
/** A request that is well formed but breaks a domain rule (cycle, dissolved unit, ...). */
export class RuleError extends DomainError {
  constructor(code: string, params: ErrorParams = {}) { super(code, 422, params) }
}
/** Too many attempts: refused for `retryAfterSeconds` (sent as Retry-After). */
export class TooManyRequestsError extends DomainError {
  constructor(code: string, readonly retryAfterSeconds: number) {
    super(code, 429, { seconds: retryAfterSeconds, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })
  }
}
export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number) { super('request.tooLarge', 413, { limit: limitBytes }) }
}
