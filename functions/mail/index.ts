/**
 * The mail function: SES receiving (a receipt rule's S3 action stores the raw
 * mail, its Lambda action calls here with the verdicts) → an incoming
 * document or a refusal; and SES events about sent mail (SNS) → the
 * suppression list. The embedded runtime's SMTP server calls it with the
 * same SES receipt event.
 */
import type { SESEvent, SNSEvent } from 'aws-lambda'
import type { MailAuthentication, VerdictStatus } from '../../shared/mail/inbound.js'
import { objectKeys } from '../../shared/table/objects.js'
import { files } from '../lib/adapters/blobs.js'
import { log } from '../lib/log.js'
import { receiveOfficialMail, type MailOutcome } from '../documents/usecases/mail-in.js'
import { recordMailEvent, SesMailEvent } from './usecases/events.js'

/** SES receiving's own limit on a mail's size. */
const MAX_MAIL_BYTES = 40 * 1024 * 1024

const verdict = (v: { status?: string } | undefined): VerdictStatus => (v?.status as VerdictStatus | undefined) ?? 'GRAY'

export const handler = async (event: SESEvent | SNSEvent): Promise<{ outcomes: MailOutcome[]; suppressed: number }> => {
  const outcomes: MailOutcome[] = []
  let suppressed = 0
  for (const record of event.Records) {
    if ('ses' in record) {
      const { mail, receipt } = record.ses
      const authentication: MailAuthentication = {
        spf: verdict(receipt.spfVerdict), dkim: verdict(receipt.dkimVerdict), dmarc: verdict(receipt.dmarcVerdict),
        checkedBy: (receipt as { checkedBy?: string }).checkedBy ?? 'ses',
      }
      const raw = await files.read(objectKeys.inboundMail(mail.messageId), MAX_MAIL_BYTES)
      const result = await receiveOfficialMail(raw, { messageId: mail.messageId, recipients: receipt.recipients, authentication, receivedAt: new Date(receipt.timestamp || mail.timestamp) })
      for (const o of result) log.info('inbound mail', { messageId: mail.messageId, ...o })
      outcomes.push(...result)
    } else if ('Sns' in record) {
      const parsed = SesMailEvent.safeParse(JSON.parse(record.Sns.Message))
      if (!parsed.success) { log.warn('not an SES event', { messageId: record.Sns.MessageId }); continue }
      suppressed += (await recordMailEvent(parsed.data)).length
    }
  }
  return { outcomes, suppressed }
}
