/**
 * The platform's side of the National Public Service Portal (Cổng Dịch vụ
 * công quốc gia) for the Party public services: fee payment, official and
 * temporary transfer. The contract (README, "National Public Service Portal"):
 *
 * Inbound, `POST /api/portal/requests` (no user token: the request is signed):
 *   headers  x-portal-request-id  unique id of this request (a replay is refused, 409)
 *            x-portal-timestamp   Unix seconds; refused outside ±300 s (401)
 *            x-portal-signature   `v1=` + hex HMAC-SHA256(secret, `${timestamp}.${requestId}.${rawBody}`)
 *   body     one of PortalRequest below (an application, or a payment status callback)
 *   answer   { portalRef, status, ... } — the same answer for the first delivery only.
 * Outbound, `POST ${PORTAL_URL}/status`, signed the same way:
 *   { portalRef, transferId, status, at } whenever a portal-filed transfer changes status.
 *
 * Pure mapping and signing are here (unit-tested); the use case is in
 * usecases/portal.ts; the embedded simulator is infra/local/portal/.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { env } from '../../lib/env.js'
import { log } from '../../lib/observability.js'

export const SIGNATURE_WINDOW_SECONDS = 300

export { PortalRequest } from '../../../shared/members/portal.js'

export type SignedHeaders = { 'x-portal-request-id': string; 'x-portal-timestamp': string; 'x-portal-signature': string }

export function signature(secret: string, timestamp: string, requestId: string, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${requestId}.${rawBody}`).digest('hex')}`
}

export function signedHeaders(secret: string, rawBody: string, now = new Date(), requestId: string = randomUUID()): SignedHeaders {
  const timestamp = String(Math.floor(now.getTime() / 1000))
  return { 'x-portal-request-id': requestId, 'x-portal-timestamp': timestamp, 'x-portal-signature': signature(secret, timestamp, requestId, rawBody) }
}

export type VerifyResult = { ok: true; requestId: string } | { ok: false; reason: 'missing' | 'stale' | 'signature' }

/** Checks a signed request: headers present, timestamp in the window, HMAC equal (constant time). */
export function verifySigned(secret: string, headers: Record<string, string | undefined>, rawBody: string, now = new Date()): VerifyResult {
  const requestId = headers['x-portal-request-id']
  const timestamp = headers['x-portal-timestamp']
  const given = headers['x-portal-signature']
  if (!requestId || !timestamp || !given || !/^[A-Za-z0-9-]{6,80}$/.test(requestId) || !/^\d{9,11}$/.test(timestamp)) return { ok: false, reason: 'missing' }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'stale' }
  const expected = Buffer.from(signature(secret, timestamp, requestId, rawBody))
  const actual = Buffer.from(given)
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: 'signature' }
  return { ok: true, requestId }
}

export interface StatusUpdate { portalRef: string; transferId: string; status: string; at: string }

/** The outbound request for a status update (what goes over the wire), kept apart from sending it. */
export function statusRequest(baseUrl: string, secret: string, update: StatusUpdate, now = new Date()): { url: string; init: { method: 'POST'; headers: Record<string, string>; body: string } } {
  const body = JSON.stringify(update)
  return { url: `${baseUrl.replace(/\/$/, '')}/status`, init: { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(secret, body, now, `st-${update.portalRef}-${update.status}`) }, body } }
}

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{ ok: boolean; status: number }>

/** Sends status updates to the portal. Without PORTAL_URL (a deployment not yet connected) it only logs. Failures are logged, never thrown into the procedure. */
export function portalStatusClient(fetcher: Fetch = fetch as unknown as Fetch) {
  return {
    async send(update: StatusUpdate): Promise<boolean> {
      const { PORTAL_URL: base, PORTAL_SHARED_SECRET: secret } = env()
      if (!base || !secret) { log.info('portal status (not connected)', { ...update }); return false }
      const { url, init } = statusRequest(base, secret, update)
      try {
        const res = await fetcher(url, init)
        if (!res.ok) log.warn('portal status refused', { httpStatus: res.status, ...update })
        return res.ok
      } catch (err) {
        log.warn('portal status failed', { error: String(err), ...update })
        return false
      }
    },
  }
}

export const portalStatus = portalStatusClient()
