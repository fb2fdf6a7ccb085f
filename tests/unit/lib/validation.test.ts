import { describe, expect, it } from 'vitest'
import { parse } from '../../../functions/lib/validation.js'
import { ValidationError, type ValidationIssue } from '../../../shared/errors/index.js'
import { CreateUnitBody, CreateUserBody, UpdateUnitBody } from '../../../shared/org/contracts.js'

function issuesOf(fn: () => unknown): ValidationIssue[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof ValidationError) return err.issues
    throw err
  }
  throw new Error('expected a ValidationError')
}

const validUnit = { code: 'CB', name: 'Chi bộ Hàng Đào', level: 'cell', kind: 'cell', parentId: 'p-hoankiem' }

describe('parse', () => {
  it('returns the parsed body, trimmed, when it is valid', () => {
    // Act
    const body = parse(CreateUnitBody, { ...validUnit, code: ' CB ', name: '  Chi bộ Hàng Đào ', validFrom: '2026-01-05' })

    // Assess
    expect(body).toEqual({ ...validUnit, validFrom: '2026-01-05' })
  })

  it('throws a 400 ValidationError counting the issues', () => {
    // Act
    let error: unknown
    try { parse(CreateUnitBody, { ...validUnit, code: undefined, name: 'A' }) } catch (err) { error = err }

    // Assess
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ status: 400, code: 'validation.failed', params: { count: 2 } })
  })

  it('reports a missing field as field.required with its path', () => {
    const { code: _omitted, ...body } = validUnit

    expect(issuesOf(() => parse(CreateUnitBody, body))).toEqual([{ path: 'code', code: 'field.required', params: { path: 'code' } }])
  })

  it('reports a missing body as field.required of the body', () => {
    expect(issuesOf(() => parse(CreateUnitBody, undefined))).toEqual([{ path: '(body)', code: 'field.required', params: { path: '(body)' } }])
  })

  it('reports a value of the wrong type as field.invalidType with the expected type', () => {
    expect(issuesOf(() => parse(CreateUnitBody, { ...validUnit, name: 123 }))).toEqual([
      { path: 'name', code: 'field.invalidType', params: { path: 'name', expected: 'string' } },
    ])
  })

  it('reports unknown fields as field.unknown, naming them', () => {
    expect(issuesOf(() => parse(CreateUnitBody, { ...validUnit, isAdmin: true, foo: 1 }))).toEqual([
      { path: '(body)', code: 'field.unknown', params: { path: '(body)', keys: 'isAdmin, foo' } },
    ])
  })

  it('reports a too short name as field.tooShort with the minimum', () => {
    expect(issuesOf(() => parse(CreateUnitBody, { ...validUnit, name: 'A' }))).toEqual([
      { path: 'name', code: 'field.tooShort', params: { path: 'name', min: 2 } },
    ])
  })

  it('reports a too long name as field.tooLong with the maximum', () => {
    expect(issuesOf(() => parse(CreateUnitBody, { ...validUnit, name: 'x'.repeat(201) }))).toEqual([
      { path: 'name', code: 'field.tooLong', params: { path: 'name', max: 200 } },
    ])
  })

  it.each(['2026-02-30', '2025-13-01', '05/01/2026', 'yesterday'])('reports the date %j as field.invalidDate', (validFrom) => {
    // Act
    const issues = issuesOf(() => parse(CreateUnitBody, { ...validUnit, validFrom }))

    // Assess
    expect(issues.length).toBeGreaterThan(0)
    expect(issues.every((i) => i.path === 'validFrom' && i.code === 'field.invalidDate')).toBe(true)
  })

  it('accepts 29 February in a leap year only', () => {
    expect(parse(CreateUnitBody, { ...validUnit, validFrom: '2028-02-29' }).validFrom).toBe('2028-02-29')
    expect(issuesOf(() => parse(CreateUnitBody, { ...validUnit, validFrom: '2026-02-29' }))[0].code).toBe('field.invalidDate')
  })

  it('reports a value outside a list as field.invalidValue', () => {
    expect(issuesOf(() => parse(CreateUnitBody, { ...validUnit, level: 'planet' }))).toEqual([
      { path: 'level', code: 'field.invalidValue', params: { path: 'level' } },
    ])
  })

  it('gives nested paths with dots and e-mail errors their own code', () => {
    const issues = issuesOf(() => parse(CreateUserBody, { username: 'nguyen.a', fullName: 'Nguyễn A', email: 'not-mail', assignments: [{ unitId: 'p-a', role: 'king' }] }))

    expect(issues.map((i) => [i.path, i.code])).toEqual([['email', 'field.invalidEmail'], ['assignments.0.role', 'field.invalidValue']])
  })

  it('reports a rename with nothing to change as field.required on the name', () => {
    expect(issuesOf(() => parse(UpdateUnitBody, { version: 3 }))).toEqual([{ path: 'name', code: 'field.required', params: { path: 'name' } }])
  })
})
