/**
 * zod at the boundary: parse or throw a ValidationError whose issues carry
 * message keys (shared/i18n), so every client mistake becomes a clear 400.
 */
import type { z } from 'zod'
import { DomainError, ValidationError, type ValidationIssue } from '../../shared/errors/index.js'

/** A request body's JSON, or the client's mistake (400, `request.malformedJson`). */
export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    throw new DomainError('request.malformedJson', 400)
  }
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true })
  if (result.success) return result.data
  throw new ValidationError(result.error.issues.map(toIssue))
}

function toIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const path = issue.path.map(String).join('.') || '(body)'
  const custom = typeof issue.message === 'string' && issue.message.startsWith('field.') ? issue.message : undefined
  switch (issue.code) {
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined
        ? { path, code: 'field.required', params: { path } }
        : { path, code: 'field.invalidType', params: { path, expected: String(issue.expected) } }
    case 'unrecognized_keys':
      return { path, code: 'field.unknown', params: { path, keys: issue.keys.join(', ') } }
    case 'too_small':
      return { path, code: 'field.tooShort', params: { path, min: Number(issue.minimum) } }
    case 'too_big':
      return { path, code: 'field.tooLong', params: { path, max: Number(issue.maximum) } }
    case 'invalid_format':
      return { path, code: custom ?? (issue.format === 'email' ? 'field.invalidEmail' : 'field.invalidFormat'), params: { path } }
    default:
      return { path, code: custom ?? 'field.invalidValue', params: { path } }
  }
}
