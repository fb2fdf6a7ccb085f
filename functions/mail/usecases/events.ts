/**
 * What SES tells about mail the platform sent (the configuration set's event
 * destination: SNS → the mail function): a permanent bounce, a complaint, or
 * a bounce because the address is on the account's suppression list puts the
 * address on the platform's suppression list, which the mail port reads
 * before every send. Transient bounces are only logged.
 */
import { z } from 'zod'
import { ENTITY, keys, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { putItem } from '../../lib/adapters/items.js'

/** The part of an SES event notification the platform reads (extra fields pass). */
export const SesMailEvent = z.object({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.object({ messageId: z.string(), timestamp: z.string().optional() }).loose(),
  bounce: z.object({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: z.array(z.object({ emailAddress: z.string(), diagnosticCode: z.string().optional() }).loose()), timestamp: z.string().optional() }).loose().optional(),
  complaint: z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() }).loose()), complaintFeedbackType: z.string().optional(), timestamp: z.string().optional() }).loose().optional(),
}).loose()
export type SesMailEvent = z.infer<typeof SesMailEvent>

export interface Suppression { address: string; reason: 'bounce' | 'complaint'; detail?: string; messageId: string; at: string }

/** The addresses an SES event puts on the suppression list (none for a delivery or a transient bounce). */
export function suppressionsOf(event: SesMailEvent, now = new Date()): Suppression[] {
  const type = event.eventType ?? event.notificationType
  const at = now.toISOString()
  const found: Suppression[] = []
  if (type === 'Bounce' && event.bounce && (event.bounce.bounceType === 'Permanent' || event.bounce.bounceSubType === 'OnAccountSuppressionList')) {
    for (const r of event.bounce.bouncedRecipients) found.push({ address: r.emailAddress.toLowerCase(), reason: 'bounce', detail: [event.bounce.bounceSubType, r.diagnosticCode].filter(Boolean).join(': '), messageId: event.mail.messageId, at })
  }
  if (type === 'Complaint' && event.complaint) {
    for (const r of event.complaint.complainedRecipients) found.push({ address: r.emailAddress.toLowerCase(), reason: 'complaint', detail: event.complaint.complaintFeedbackType, messageId: event.mail.messageId, at })
  }
  return found
}

export async function recordMailEvent(event: SesMailEvent, now = new Date()): Promise<Suppression[]> {
  const found = suppressionsOf(event, now)
  for (const s of found) await putItem({ ...keys.mailSuppression(s.address), entity: ENTITY.mailSuppression, schemaVersion: SCHEMA_VERSION, ...s })
  return found
}
