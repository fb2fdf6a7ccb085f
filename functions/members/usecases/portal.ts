/**
 * What the platform does with a verified portal request: record an online
 * fee payment, or open a transfer filed on the portal. A request id is
 * answered once; a replay (same id) is refused with 409 and changes nothing.
 * A second delivery of the same payment under another id is refused by the
 * payment's own key (derived from the portal's transaction id).
 */
import { createHash } from 'node:crypto'
import { ConflictError, DomainError } from '../../../shared/errors/index.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { today } from '../../../shared/org/tree.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { memberStore } from '../adapters/store.js'
import type { PortalRequest } from '../adapters/portal.js'
import { orgContext } from '../../org/usecases/context.js'
import { recordPayment } from './fees.js'
import { openTransfer, view } from './transfers.js'
import type { Actor } from '../../../shared/auth/policy.js'

const PORTAL_ACTOR = { userId: 'portal', name: 'Cổng Dịch vụ công quốc gia', sourceIp: 'portal' }

export async function handlePortalRequest(requestId: string, body: PortalRequest, sourceIp: string): Promise<{ status: number; body: unknown }> {
  if (await memberStore.getPortalRequest(requestId)) throw new ConflictError('members.portal.replayed', { requestId })
  const member = await memberStore.getMember((await memberStore.cardOwner(body.cardNumber)) ?? 'm-none00')
  if (!member) throw new DomainError('members.portal.unknownCard', 404, { cardNumber: body.cardNumber })
  const now = new Date()
  let response: { status: number; body: unknown }
  if (body.type === 'fee.payment.settled') {
    const paymentId = `portal-${createHash('sha256').update(body.transactionId).digest('hex').slice(0, 20)}`
    const payment = await recordPayment(member, { month: body.month, amount: body.amount, channel: 'portal', portalRef: body.transactionId, paymentId }, { ...PORTAL_ACTOR, sourceIp }, now, today(now))
    response = { status: 201, body: { portalRef: body.transactionId, status: 'recorded', paymentId: payment.paymentId, memberId: member.memberId } }
  } else {
    // The member signed in to the portal with VNeID; the platform acts for them as the portal.
    const actor: Actor = { userId: member.userId ?? `portal:${member.memberId}`, username: 'portal', fullName: member.fullName, clearance: 'public', mfa: true, assignments: [] }
    const ctx = orgContext(actor, sourceIp, now)
    const kind = body.type === 'transfer.official' ? 'official' : 'temporary'
    const transfer = await openTransfer(ctx, member, { kind, reason: body.reason, toUnitId: body.toUnitId, toOutside: body.toOutside, from: body.from, until: body.until, purpose: body.purpose },
      { userId: actor.userId, fullName: member.fullName, via: 'portal', portalRef: body.applicationId }, false)
    response = { status: 202, body: { portalRef: body.applicationId, status: transfer.status, transferId: transfer.transferId, transfer: view(transfer) } }
  }
  await new Transaction()
    .put({ ...keys.portalRequest(requestId), entity: ENTITY.portalRequest, schemaVersion: SCHEMA_VERSION, requestId, type: body.type, at: now.toISOString(), response }, { expectVersion: 'new', onConflict: new ConflictError('members.portal.replayed', { requestId }) })
    .audit({ unitId: member.cellId, action: 'portal.request', target: requestId, details: { type: body.type, memberId: member.memberId } })
    .commit(PORTAL_ACTOR, now)
  return response
}
