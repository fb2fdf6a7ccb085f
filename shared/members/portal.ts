/**
 * The body of a request the National Public Service Portal sends to
 * `POST /api/portal/requests` (signed; see functions/members/adapters/portal.ts
 * for the headers and the signature): a payment status callback, or an
 * application for a transfer filed by a member on the portal.
 */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import { cardNumber, dong, month } from './contracts.js'

export const PortalRequest = z.discriminatedUnion('type', [
  /** The portal settled an online payment of Party fees (status callback of its payment service). */
  z.strictObject({
    type: z.literal('fee.payment.settled'),
    transactionId: z.string().regex(/^[A-Za-z0-9-]{6,64}$/, { message: 'field.invalidFormat' }),
    cardNumber, month, amount: dong.refine((n) => n > 0, { message: 'field.invalidAmount' }),
    currency: z.literal('VND', { message: 'field.invalidCurrency' }),
  }),
  /** An application for a transfer of Party activity filed by a member on the portal (VNeID login). */
  z.strictObject({
    type: z.enum(['transfer.official', 'transfer.temporary']),
    applicationId: z.string().regex(/^[A-Za-z0-9-]{6,64}$/, { message: 'field.invalidFormat' }),
    cardNumber,
    toUnitId: unitId.optional(),
    toOutside: z.strictObject({ name: z.string().trim().min(2).max(200), province: z.string().trim().min(2).max(100) }).optional(),
    reason: z.string().trim().min(2).max(500),
    from: isoDate.optional(), until: isoDate.optional(), purpose: z.enum(['work', 'study']).optional(),
  }),
])
export type PortalRequest = z.infer<typeof PortalRequest>
