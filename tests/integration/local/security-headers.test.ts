/**
 * The embedded gateway sends the SPA the same Content-Security-Policy as
 * CloudFront's response headers policy (one definition, the local origins),
 * and API responses say `nosniff` (set by the Lambda wrapper, so on AWS too).
 */
import { readdirSync } from 'node:fs'
import { describe, expect, inject, it } from 'vitest'
import { baseUrl, login } from '../../support/api.js'
import { contentSecurityPolicy } from '../../../infra/definitions/security-headers.js'

describe('security headers', () => {
  const expected = () => contentSecurityPolicy({ uploads: inject('s3Endpoint') })

  it('serves index.html, a client-side route and an asset with the shared CSP and the other headers', async () => {
    const asset = readdirSync('web/dist/assets').find((f) => f.endsWith('.js'))!
    for (const path of ['/', '/units', `/assets/${asset}`]) {
      const res = await fetch(`${baseUrl()}${path}`)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-security-policy'), path).toBe(expected())
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
    }
  })

  it('lets the SPA reach the uploads store (presigned PUTs, page images) and nothing else outside its origin', () => {
    const csp = expected()
    expect(csp).toContain(`connect-src 'self' ${inject('s3Endpoint')}`)
    expect(csp).toContain(`img-src 'self' data: blob: ${inject('s3Endpoint')}`)
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('answers API routes with nosniff: public, signed-in, and errors', async () => {
    const s = await login('admin')
    const responses = await Promise.all([
      fetch(`${baseUrl()}/api/health`),
      fetch(`${baseUrl()}/api/me`, { headers: { authorization: `Bearer ${s.token}` } }),
      fetch(`${baseUrl()}/api/units/khong-ton-tai`, { headers: { authorization: `Bearer ${s.token}` } }),
      fetch(`${baseUrl()}/api/me`),
    ])
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 401])
    for (const res of responses) {
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff')
      expect(res.headers.get('content-type'), res.url).toMatch(/^application\/json/)
    }
  })
})
