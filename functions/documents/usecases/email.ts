/**
 * Sending an issued document by mail to agencies outside the platform: the
 * signed PDF attached, one mail per agency to the addresses kept for it
 * (data: `GET /api/agencies`), through the mail port. Each delivery — where
 * it went, which addresses were left out as bounced before, the engine's
 * message id — is recorded on the document, audited in the same write.
 * The clerk of the issuing unit sends (document.register).
 */
import { ConflictError, DomainError, ForbiddenError } from '../../../shared/errors/index.js'
import { documentPolicy } from '../../../shared/documents/policy.js'
import type { EmailDelivery, EmailDocumentBody, OfficialDocument } from '../../../shared/documents/contracts.js'
import type { OutsideAgency } from '../../../shared/mail/agencies.js'
import { keys } from '../../../shared/table/keys.js'
import { person } from '../../../shared/documents/lifecycle.js'
import { getRecords, queryPrefix } from '../../lib/adapters/items.js'
import { files } from '../../lib/adapters/blobs.js'
import { mail } from '../../lib/adapters/mail.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { documentItem, documentStore } from '../adapters/store.js'
import type { DocContext } from './context.js'
import { DocumentChangedError } from './errors.js'
import { commitWithRetry } from './retry.js'
import { loadVisible } from './visibility.js'

export const listAgencies = async (): Promise<{ agencies: OutsideAgency[] }> => ({ agencies: await queryPrefix<OutsideAgency>(keys.outsideAgencies()) })

export async function emailDocument(ctx: DocContext, documentId: string, body: EmailDocumentBody): Promise<{ document: OfficialDocument; deliveries: EmailDelivery[] }> {
  const { doc, index } = await loadVisible(ctx, documentId)
  if (!documentPolicy.can(ctx.actor, 'document.register', doc.ownerUnitId, index, ctx.date)) throw new ForbiddenError('auth.forbidden')
  if (doc.flow !== 'outgoing' || doc.status !== 'issued' || !doc.issued?.signedFile) throw new ConflictError('document.notIssued')
  const agencies = await getRecords<OutsideAgency>([...new Set(body.agencyIds)].map((id) => keys.outsideAgency(id)))
  const missing = body.agencyIds.find((id) => !agencies.some((a) => a.agencyId === id))
  if (missing) throw new DomainError('agency.notFound', 404, { agencyId: missing })
  const signed = doc.issued.signedFile
  const bytes = new Uint8Array(await files.read(signed.objectKey, 64 * 1024 * 1024))
  const unitName = index.get(doc.ownerUnitId)?.name ?? doc.issuer.name
  const deliveries: EmailDelivery[] = []
  for (const agency of agencies) {
    const receipt = await mail().send({
      to: agency.addresses,
      subject: `${doc.issued.symbol} — ${doc.summary}`,
      text: `Kính gửi: ${agency.name}\n\n${unitName} gửi văn bản ${doc.issued.symbol} ngày ${doc.issued.date.split('-').reverse().join('/')}: ${doc.summary}.\n` +
        `${body.note ? `\n${body.note}\n` : ''}\nVăn bản đính kèm đã được ký số; có thể kiểm tra chữ ký trong tệp PDF.\n\n` +
        `${unitName} sends document ${doc.issued.symbol}, digitally signed (PDF attached).`,
      attachments: [{ fileName: `${doc.issued.symbol.replace(/[^\w.-]+/g, '-')}.pdf`, contentType: 'application/pdf', content: bytes }],
      tags: { kind: 'document.emailed' },
    })
    deliveries.push({ agencyId: agency.agencyId, agencyName: agency.name, sentTo: receipt.sentTo, suppressed: receipt.suppressed, ...(receipt.messageId ? { messageId: receipt.messageId } : {}), by: person(ctx.actor), at: ctx.now.toISOString() })
  }
  let updated: OfficialDocument | undefined
  for (let attempt = 0; ; attempt++) {
    const current = (await documentStore.getDocument(documentId))!
    updated = { ...current, emailed: [...(current.emailed ?? []), ...deliveries], version: current.version + 1, updatedAt: ctx.now.toISOString() }
    try {
      await commitWithRetry(ctx, () => new Transaction()
        .put(documentItem(updated!), { expectVersion: current.version, onConflict: new DocumentChangedError() })
        .audit({ unitId: doc.ownerUnitId, action: 'document.email', target: documentId, details: { agencies: deliveries.map((d) => d.agencyName), sentTo: deliveries.flatMap((d) => d.sentTo), suppressed: deliveries.flatMap((d) => d.suppressed) } }))
      break
    } catch (err) {
      if (!(err instanceof DocumentChangedError) || attempt >= 5) throw err
    }
  }
  return { document: updated!, deliveries }
}
