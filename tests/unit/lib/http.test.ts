import { describe, expect, it } from 'vitest'
import { mapError } from '../../../functions/lib/http.js'
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from '../../../shared/errors/index.js'

const body = (r: { body?: string }) => JSON.parse(r.body ?? 'null')

describe('mapError', () => {
  it('maps a broken rule to 422 with the message in Vietnamese', () => {
    // Act
    const res = mapError(new RuleError('rule.unitEnded', { unitId: 'q-hoankiem' }), 'vi', 'req-1')

    // Assess
    expect(res.statusCode).toBe(422)
    expect(res.headers?.['content-type']).toMatch(/^application\/json/)
    expect(body(res)).toEqual({
      error: { code: 'rule.unitEnded', message: 'Đơn vị q-hoankiem đã giải thể hoặc sáp nhập, không thể thao tác.' },
      requestId: 'req-1',
    })
  })

  it('maps the same rule to English when the caller asked for English', () => {
    const res = mapError(new RuleError('rule.cyclicMove'), 'en', 'req-2')

    expect(body(res).error.message).toBe('A unit cannot be moved under itself or one of its descendants.')
  })

  it('maps a validation failure to 400 with each issue and its localised message, the field named in words', () => {
    // Prepare
    const err = new ValidationError([
      { path: 'name', code: 'field.tooShort', params: { path: 'name', min: 2 } },
      { path: '(body)', code: 'field.unknown', params: { path: '(body)', keys: 'foo' } },
    ])

    // Act
    const res = mapError(err, 'en', 'req-3')

    // Assess
    expect(res.statusCode).toBe(400)
    expect(body(res)).toEqual({
      error: {
        code: 'validation.failed', message: 'The request is invalid (2 problem(s)).',
        issues: [
          { path: 'name', code: 'field.tooShort', message: 'Name is too short (at least 2).' },
          { path: '(body)', code: 'field.unknown', message: 'Unknown field(s): foo.' },
        ],
      },
      requestId: 'req-3',
    })
  })

  it.each([
    [new ForbiddenError('auth.outsideSubtree', { unitId: 'p-badinh' }), 403],
    [new NotFoundError('unit', 'p-x'), 404],
    [new ConflictError('conflict.version'), 409],
  ])('gives %s its own status', (err, status) => {
    const res = mapError(err, 'vi', 'req-4')

    expect(res.statusCode).toBe(status)
    expect(body(res).error.code).toBe(err.code)
  })

  it('maps an unknown error to 500 with a generic message quoting the request id, and nothing internal', () => {
    // Prepare
    const err = new Error('connect ECONNREFUSED 10.0.3.7:5432 password=hunter2')

    // Act
    const res = mapError(err, 'vi', 'req-5')

    // Assess
    expect(res.statusCode).toBe(500)
    expect(body(res)).toEqual({
      error: { code: 'server.error', message: 'Lỗi hệ thống, vui lòng thử lại sau. Mã: req-5' },
      requestId: 'req-5',
    })
    expect(res.body).not.toMatch(/ECONNREFUSED|hunter2|at .*\.ts|stack/i)
  })

  it('treats a thrown non-Error value as unknown too', () => {
    const res = mapError({ secret: 'x' }, 'en', 'req-6')

    expect(res.statusCode).toBe(500)
    expect(body(res).error.message).toBe('Something went wrong on our side. Reference: req-6')
    expect(res.body).not.toContain('secret')
  })
})

describe('httpModule behind CloudFront (origin verify)', () => {
  const SECRET = 'cloudfront-adds-this-value-0123456789abcdef'
  const call = async (headers: Record<string, string>) => {
    const { httpModule } = await import('../../../functions/lib/http.js')
    const handler = httpModule<undefined>({ routes: { 'GET /api/health': async () => ({ body: { ok: true } }) }, publicRoutes: ['GET /api/health'], service: 'test' })
    const event = { routeKey: 'GET /api/health', headers, requestContext: { requestId: 'r1', http: { sourceIp: '203.0.113.9' } } }
    return (handler as unknown as (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }>)(event, { awsRequestId: 'r1', functionName: 'test' })
  }
  const withSecret = async (value: string | undefined, fn: () => Promise<void>) => {
    const { resetEnvCache } = await import('../../../functions/lib/env.js')
    const before = process.env.ORIGIN_VERIFY
    if (value === undefined) delete process.env.ORIGIN_VERIFY
    else process.env.ORIGIN_VERIFY = value
    resetEnvCache()
    try { await fn() } finally {
      if (before === undefined) delete process.env.ORIGIN_VERIFY
      else process.env.ORIGIN_VERIFY = before
      resetEnvCache()
    }
  }

  it('refuses a request reaching the API around CloudFront (no header, or a wrong one) with 403 in Vietnamese', async () => {
    await withSecret(SECRET, async () => {
      const direct = await call({})
      const wrong = await call({ 'X-Origin-Verify': `${SECRET.slice(0, -1)}x` })

      expect(direct.statusCode).toBe(403)
      expect(JSON.parse(direct.body).error).toEqual({ code: 'auth.notThroughSite', message: 'Yêu cầu phải đi qua địa chỉ của trang, không gọi thẳng API.' })
      expect(wrong.statusCode).toBe(403)
    })
  })

  it('answers a request carrying the header CloudFront adds', async () => {
    await withSecret(SECRET, async () => {
      const res = await call({ 'X-Origin-Verify': SECRET })

      expect(res.statusCode).toBe(200)
      expect(JSON.parse(res.body)).toEqual({ ok: true })
    })
  })

  it('checks nothing where no origin-verify value is configured (the embedded gateway)', async () => {
    await withSecret(undefined, async () => {
      expect((await call({})).statusCode).toBe(200)
    })
  })
})
