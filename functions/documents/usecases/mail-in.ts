/**
 * A mail to a unit's official address (thư điện tử công vụ) becomes an
 * incoming document waiting for the clerk (status `arrived`, in the "to
 * confirm" box like a document from the platform), with the sender, the
 * subject, every attachment and the sender's authentication kept, and the
 * signatures of its PDF verified as for any incoming PDF. The same use case
 * runs behind SES receiving (receipt rule → S3 → the mail function) and
 * behind the embedded runtime's SMTP server.
 *
 * A mail that cannot be taken — malformed, for no unit, from a spoofed
 * sender, with a dangerous or oversized attachment, without a PDF, or whose
 * PDF the upload rules refuse (a MẬT mark, encrypted, corrupt) — changes no
 * document: it gets an outcome (the local SMTP server answers 550 with it),
 * a line in the unit's mail log and a notice to the unit's clerks.
 */
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { simpleParser, type ParsedMail } from 'mailparser'
import { DomainError } from '../../../shared/errors/index.js'
import { existsOn } from '../../../shared/org/tree.js'
import { dangerousAttachment, isSpoofed, unitOfAddress, type MailAuthentication } from '../../../shared/mail/inbound.js'
import type { InboundMailInfo, OfficialDocument, VerificationSummary } from '../../../shared/documents/contracts.js'
import { documentPolicy } from '../../../shared/documents/policy.js'
import { deadlineFor } from '../../../shared/documents/urgency.js'
import { ENTITY, keys, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { translate } from '../../../shared/i18n/messages.js'
import { sha256 } from '../../lib/hash.js'
import { env } from '../../lib/env.js'
import { files } from '../../lib/adapters/blobs.js'
import { Transaction, type AuditActor } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import { holderIds } from '../../org/usecases/holders.js'
import { notify } from '../../notifications/usecases/notify.js'
import { documentItem } from '../adapters/store.js'
import { pdfEngine } from '../adapters/signing.js'
import { newDocumentId } from './ids.js'
import { checkFile } from './uploaded-files.js'

export interface InboundMail {
  messageId: string
  /** The envelope recipients (RCPT TO), not the To header. */
  recipients: readonly string[]
  authentication: MailAuthentication
  receivedAt: Date
}

export type MailOutcome =
  | { recipient: string; accepted: true; documentId: string }
  | { recipient: string; accepted: false; code: string; params: Record<string, string | number> }

const MAIL_ACTOR: AuditActor = { userId: 'system:mail', name: 'Thư điện tử công vụ / Official mail' }
const MAIL_PERSON = { userId: 'system:mail', fullName: 'Thư điện tử công vụ' }

class Refusal extends Error {
  constructor(readonly code: string, readonly params: Record<string, string | number> = {}) { super(code) }
}

export async function receiveOfficialMail(raw: Buffer, mail: InboundMail): Promise<MailOutcome[]> {
  let parsed: ParsedMail | undefined
  try {
    parsed = await simpleParser(raw)
  } catch { /* refused below */ }
  const from = parsed?.from?.value[0]
  const index = await orgStore.tree()
  const date = vietnamDate(mail.receivedAt)
  const outcomes: MailOutcome[] = []
  for (const recipient of mail.recipients) {
    const unitId = unitOfAddress(recipient, env().MAIL_INBOUND_DOMAIN)
    const unit = unitId ? index.get(unitId) : undefined
    if (!unit || !existsOn(unit, date)) {
      outcomes.push({ recipient, accepted: false, code: 'mailIn.unknownRecipient', params: { address: recipient } })
      continue
    }
    try {
      if (!parsed || !from?.address || parsed.headerLines.length === 0) throw new Refusal('mailIn.malformed')
      const a = mail.authentication
      if (isSpoofed(a)) throw new Refusal('mailIn.spoofed', { spf: a.spf, dkim: a.dkim, dmarc: a.dmarc })
      const documentId = await takeMail(parsed, { address: from.address, name: from.name || undefined }, unit.unitId, recipient, mail)
      outcomes.push({ recipient, accepted: true, documentId })
    } catch (err) {
      const refusal = err instanceof Refusal ? err
        : err instanceof DomainError ? new Refusal('mailIn.attachmentRefused', { file: firstPdfName(parsed), reason: translate(err.code, 'vi', err.params as Record<string, string>) })
          : undefined
      if (!refusal) throw err
      outcomes.push({ recipient, accepted: false, code: refusal.code, params: refusal.params })
      await recordRefusal(unit.unitId, mail, from?.address, parsed?.subject, refusal)
    }
  }
  return outcomes
}

const firstPdfName = (p: ParsedMail | undefined) => p?.attachments.find((a) => isPdf(a.filename, a.contentType))?.filename ?? ''
const isPdf = (name: string | undefined, type: string) => type === 'application/pdf' || /\.pdf$/i.test(name ?? '')

async function takeMail(parsed: ParsedMail, from: { address: string; name?: string }, unitId: string, to: string, mail: InboundMail): Promise<string> {
  const limit = env().MAX_UPLOAD_BYTES
  const attachments = parsed.attachments.map((a, i) => ({ fileName: a.filename || `attachment-${i + 1}`, contentType: a.contentType, bytes: new Uint8Array(a.content) }))
  for (const a of attachments) {
    const danger = dangerousAttachment(a.fileName, a.bytes)
    if (danger) throw new Refusal('mailIn.dangerous', { file: a.fileName, why: danger.vi })
    if (a.bytes.length > limit) throw new Refusal('mailIn.tooLarge', { file: a.fileName, limit })
  }
  const pdfs = attachments.filter((a) => isPdf(a.fileName, a.contentType))
  if (pdfs.length === 0) throw new Refusal('mailIn.noPdf')
  // Every PDF passes the upload rules (one refused refuses the mail: a MẬT attachment never stays).
  const checked = []
  for (const p of pdfs) checked.push({ ...p, accepted: await checkFile(p.bytes, 'pdf', p.fileName) })
  const main = checked[0]
  const mainIndex = attachments.findIndex((a) => a.bytes === main.bytes)
  const report = await pdfEngine.verify(main.bytes)
  const verification: VerificationSummary = { valid: report.valid, signatures: report.signatures.length, checkedAt: mail.receivedAt.toISOString(), problems: [...report.problems] }

  const now = mail.receivedAt
  const at = now.toISOString()
  const documentId = newDocumentId(unitId, now)
  const kept: InboundMailInfo['attachments'] = []
  let file: OfficialDocument['file']
  for (const [i, a] of attachments.entries()) {
    const objectKey = objectKeys.documentContent(unitId, documentId, i === mainIndex ? 'mail.pdf' : `attachment-${i + 1}-${a.fileName.replace(/[^\w.-]/g, '_')}`)
    await files.put(objectKey, a.bytes, a.contentType)
    const digest = sha256(a.bytes)
    kept.push({ fileName: a.fileName, contentType: a.contentType, size: a.bytes.length, sha256: digest, kept: true })
    if (i === mainIndex) file = { objectKey, fileName: a.fileName, contentType: 'application/pdf', size: a.bytes.length, sha256: digest, ...(main.accepted.pageCount ? { pageCount: main.accepted.pageCount } : {}) }
  }
  const subject = (parsed.subject ?? '').trim()
  const info: InboundMailInfo = {
    messageId: mail.messageId, from, subject, receivedAt: at, to, authentication: { ...mail.authentication }, attachments: kept, verification,
  }
  const doc: OfficialDocument = {
    documentId, ownerUnitId: unitId, flow: 'incoming', status: 'arrived', type: 'CV',
    issuer: { code: from.address.split('@')[1] ?? '', name: from.name || from.address },
    summary: subject.slice(0, 500) || '(không có tiêu đề / no subject)', urgency: 'normal', confidentiality: 'none',
    pageCount: main.accepted.pageCount, file, source: { kind: 'email' }, arrivedAt: at, mail: info,
    deadline: deadlineFor(at.slice(0, 10), 'normal'),
    readerUnitIds: [], createdBy: MAIL_PERSON, version: 1, createdAt: at, updatedAt: at,
  }
  await new Transaction()
    .put(documentItem(doc), { expectVersion: 'new' })
    .put(inboundMailItem(unitId, mail, { from: from.address, subject, accepted: true, documentId }), { expectVersion: 'new' })
    .audit({ unitId, action: 'document.arriveByMail', target: documentId, details: { from: from.address, subject, spf: info.authentication.spf, dkim: info.authentication.dkim, dmarc: info.authentication.dmarc, signaturesValid: verification.valid } })
    .commit(MAIL_ACTOR, now)
  const clerks = await holderIds(documentPolicy, 'document.register', unitId)
  await notify({
    kind: 'document.arrived', userIds: clerks, link: `/documents/${encodeURIComponent(documentId)}`,
    title: `Văn bản đến qua thư điện tử / Incoming document by mail: ${subject || from.address}`,
    text: `${from.name ?? ''} <${from.address}> gửi đến ${to}: "${subject}".\nĐề nghị kiểm tra và vào sổ văn bản đến.\n\nA document arrived by mail; please check it and register it.`,
  }, now).catch(() => undefined)
  return documentId
}

function inboundMailItem(unitId: string, mail: InboundMail, outcome: { from?: string; subject?: string; accepted: boolean; documentId?: string; code?: string; params?: Record<string, string | number> }) {
  return {
    ...keys.inboundMail(unitId, mail.receivedAt.toISOString(), mail.messageId), entity: ENTITY.inboundMail, schemaVersion: SCHEMA_VERSION,
    unitId, messageId: mail.messageId, receivedAt: mail.receivedAt.toISOString(), authentication: mail.authentication, ...outcome,
  }
}

/** The refusal, in the unit's mail log (a retry of the same message overwrites it) and told to its clerks; no document is made. */
async function recordRefusal(unitId: string, mail: InboundMail, from: string | undefined, subject: string | undefined, refusal: Refusal): Promise<void> {
  await new Transaction()
    .put(inboundMailItem(unitId, mail, { from, subject, accepted: false, code: refusal.code, params: refusal.params }))
    .audit({ unitId, action: 'mail.refuse', target: mail.messageId, details: { from, code: refusal.code } })
    .commit(MAIL_ACTOR, mail.receivedAt)
  const clerks = await holderIds(documentPolicy, 'document.register', unitId)
  const why = translate(refusal.code, 'vi', refusal.params)
  const whyEn = translate(refusal.code, 'en', refusal.params)
  await notify({
    kind: 'mail.refused', userIds: clerks,
    title: `Thư đến bị từ chối / Mail refused: ${subject ?? ''}`.trim(),
    text: `Thư từ ${from ?? '(không rõ / unknown)'}: ${why}\n\n${whyEn}`,
  }, mail.receivedAt).catch(() => undefined)
}
