/**
 * Client-side validation with the same zod schemas as the API, and the
 * API's field issues, both turned into `{ [path]: message }` in the UI
 * language with the message table the server uses (shared/i18n/messages).
 */
import type { z } from 'zod'
import { MESSAGES, translate, type Lang } from '../../../shared/i18n/messages'
import { isApiError } from '../api/client'

export type FieldErrors = Record<string, string>

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = input
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<PropertyKey, unknown>)[p]
  }
  return cur
}

interface Issue { code: string; path: PropertyKey[]; message: string; minimum?: unknown; maximum?: unknown; expected?: unknown; format?: string; keys?: string[] }

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

function issueMessage(issue: Issue, input: unknown, label: string, lang: Lang): string {
  const params = { path: label }
  if (issue.path.length && isEmpty(valueAt(input, issue.path)) && issue.code !== 'custom') return translate('field.required', lang, params)
  if (MESSAGES[issue.message]) return translate(issue.message, lang, params)
  switch (issue.code) {
    case 'invalid_type': {
      const v = valueAt(input, issue.path)
      return v === undefined || v === null || v === ''
        ? translate('field.required', lang, params)
        : translate('field.invalidType', lang, { ...params, expected: String(issue.expected ?? '') })
    }
    case 'too_small': {
      const v = valueAt(input, issue.path)
      if (v === '' || (Array.isArray(v) && v.length === 0)) return translate('field.required', lang, params)
      return translate('field.tooShort', lang, { ...params, min: String(issue.minimum ?? '') })
    }
    case 'too_big': return translate('field.tooLong', lang, { ...params, max: String(issue.maximum ?? '') })
    case 'invalid_format': return translate(issue.format === 'email' ? 'field.invalidEmail' : 'field.invalidFormat', lang, params)
    case 'unrecognized_keys': return translate('field.unknown', lang, { keys: (issue.keys ?? []).join(', ') })
    default: return translate('field.invalidValue', lang, params)
  }
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/**
 * Validates `input` with `schema`; `labels` maps a path ("name",
 * "assignments.0.unitId") or its last segment to the field's visible label.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string>, lang: Lang): ParseResult<z.output<S>> {
  const r = schema.safeParse(input)
  if (r.success) return { ok: true, data: r.data }
  const errors: FieldErrors = {}
  for (const issue of r.error.issues as unknown as Issue[]) {
    const path = issue.path.map(String).join('.')
    if (errors[path]) continue
    const last = issue.path.length ? String(issue.path[issue.path.length - 1]) : ''
    const label = labels[path] ?? labels[last] ?? (path || '')
    errors[path] = issueMessage(issue, input, label, lang)
  }
  return { ok: false, errors }
}

/** Field errors from an API error (issues[].path → message), or none. */
export function serverFieldErrors(e: unknown): FieldErrors {
  if (!isApiError(e)) return {}
  const out: FieldErrors = {}
  for (const i of e.issues) if (i.path && !out[i.path]) out[i.path] = i.message
  return out
}

/** Issues that none of the given fields can show (for a summary alert). */
export function unplacedErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors).filter(([p]) => !shown.includes(p)).map(([, m]) => m)
}

/** Trim strings and turn empty ones into undefined (optional fields). */
export function clean<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string') {
      const t = v.trim()
      if (t !== '') out[k] = t
    } else if (v !== undefined && v !== null) {
      out[k] = v
    }
  }
  return out as T
}
