/**
 * The person's address and cookies as the HTTP module reads them: behind
 * CloudFront (origin-verify configured) the connection is an edge server, so
 * the address comes from CloudFront-Viewer-Address (IPv4 and IPv6, the port
 * cut off) — what the lockout counts and Cognito's UserContextData carries;
 * without CloudFront a client cannot choose its address by sending that header.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { resetEnvCache } from '../../../functions/lib/env.js'
import { cookiesOf, sourceAddress } from '../../../functions/lib/http.js'

const before = process.env.ORIGIN_VERIFY
afterEach(() => {
  if (before === undefined) delete process.env.ORIGIN_VERIFY
  else process.env.ORIGIN_VERIFY = before
  resetEnvCache()
})
const behindCloudFront = (on: boolean) => {
  if (on) process.env.ORIGIN_VERIFY = 'bi-mat-cua-cloudfront-0123456789abcdef'
  else delete process.env.ORIGIN_VERIFY
  resetEnvCache()
}

describe('sourceAddress', () => {
  it('takes the viewer\'s address from CloudFront behind the site, IPv4 and IPv6, without the port', () => {
    behindCloudFront(true)
    expect(sourceAddress({ 'cloudfront-viewer-address': '203.113.1.7:46532' }, '130.176.0.1')).toBe('203.113.1.7')
    expect(sourceAddress({ 'cloudfront-viewer-address': '2001:db8::1a2b:46532' }, '130.176.0.1')).toBe('2001:db8::1a2b')
    expect(sourceAddress({}, '130.176.0.1')).toBe('130.176.0.1')
  })

  it('ignores the header where no CloudFront stands in front (a client cannot pick its address)', () => {
    behindCloudFront(false)
    expect(sourceAddress({ 'cloudfront-viewer-address': '203.113.1.7:46532' }, '127.0.0.1')).toBe('127.0.0.1')
  })
})

describe('cookiesOf', () => {
  it('reads payload 2.0 cookies, or the Cookie header', () => {
    expect(cookiesOf({ cookies: ['do_refresh=abc.def', 'lang=vi'] }, {})).toEqual({ do_refresh: 'abc.def', lang: 'vi' })
    expect(cookiesOf({}, { cookie: 'lang=vi; do_refresh=abc=' })).toEqual({ lang: 'vi', do_refresh: 'abc=' })
    expect(cookiesOf({}, {})).toEqual({})
  })
})
