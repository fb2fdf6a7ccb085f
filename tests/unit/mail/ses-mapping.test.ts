/**
 * The SES v2 adapter's mapping, against a fake client answering as SES does:
 * the request it sends (raw MIME with the attachment, configuration set,
 * tags) and what each SES answer becomes for the caller.
 */
import { describe, expect, it } from 'vitest'
import { AccountSuspendedException, MessageRejected, SendingPausedException, TooManyRequestsException, type SendEmailCommand } from '@aws-sdk/client-sesv2'
import { sesMailer, type SesSender } from '../../../functions/lib/adapters/mail.js'
import { DomainError } from '../../../shared/errors/index.js'
import { translate } from '../../../shared/i18n/messages.js'

const meta = { $metadata: {} }
function fakeSes(answers: (Error | string)[]): SesSender & { sent: SendEmailCommand[] } {
  const sent: SendEmailCommand[] = []
  return {
    sent,
    async send(command) {
      sent.push(command)
      const next = answers.shift()
      if (next instanceof Error) throw next
      return { MessageId: next ?? 'ok' }
    },
  }
}
const aMail = { to: ['vanthu@ubnd.example.vn'], subject: 'Công văn 15-CV/ĐU', text: 'Kính gửi', attachments: [{ fileName: '15-CV.pdf', contentType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.7 test') }], tags: { kind: 'document.emailed' } }

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(() => undefined, (e: unknown) => e)
  expect(err).toBeInstanceOf(DomainError)
  return err as DomainError
}

describe('the SES v2 mail adapter', () => {
  it('sends one raw MIME message with the attachment, the configuration set and the tags', async () => {
    const ses = fakeSes(['0100018c-abc'])
    const id = await sesMailer(ses, { from: 'no-reply@hanoi.dcs.vn', configurationSet: 'do-prod-mail' })(aMail, aMail.to)
    expect(id).toBe('0100018c-abc')
    const input = ses.sent[0].input
    expect(input).toMatchObject({ FromEmailAddress: 'no-reply@hanoi.dcs.vn', Destination: { ToAddresses: ['vanthu@ubnd.example.vn'] }, ConfigurationSetName: 'do-prod-mail', EmailTags: [{ Name: 'kind', Value: 'document_emailed' }] })
    const raw = Buffer.from(input.Content!.Raw!.Data!).toString('utf8')
    expect(raw).toMatch(/^Content-Type: application\/pdf; name=15-CV\.pdf/m)
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m)
    expect(raw).toContain('To: vanthu@ubnd.example.vn')
  })

  it('retries throttling and sends once SES lets it; throttled to the end is a clear 503 in vi and en', async () => {
    const throttled = () => new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', ...meta })
    const later = fakeSes([throttled(), throttled(), 'sent-after-retry'])
    expect(await sesMailer(later, { from: 'no-reply@hanoi.dcs.vn' })(aMail, aMail.to)).toBe('sent-after-retry')
    expect(later.sent).toHaveLength(3)

    const never = fakeSes([throttled(), throttled(), throttled(), throttled(), throttled()])
    const err = await refusal(sesMailer(never, { from: 'no-reply@hanoi.dcs.vn' })(aMail, aMail.to))
    expect(never.sent).toHaveLength(4)
    expect(err).toMatchObject({ code: 'mail.throttled', status: 503 })
    expect(translate(err.code, 'en')).toBe('The mail service is busy; the mail was not sent, try again in a few minutes.')
  })

  it('maps a rejected message to 422 with SES\'s reason, and a suspended or paused account to 503, without retrying', async () => {
    const rejected = fakeSes([new MessageRejected({ message: 'Email address is not verified.', ...meta })])
    const r = await refusal(sesMailer(rejected, { from: 'no-reply@hanoi.dcs.vn' })(aMail, aMail.to))
    expect(r).toMatchObject({ code: 'mail.rejected', status: 422, params: { reason: 'Email address is not verified.' } })
    expect(rejected.sent).toHaveLength(1)

    for (const e of [new AccountSuspendedException({ message: 'Account suspended', ...meta }), new SendingPausedException({ message: 'Sending paused for this configuration set', ...meta })]) {
      const ses = fakeSes([e])
      expect(await refusal(sesMailer(ses, { from: 'no-reply@hanoi.dcs.vn' })(aMail, aMail.to))).toMatchObject({ code: 'mail.sendingPaused', status: 503 })
      expect(ses.sent).toHaveLength(1)
    }
  })
})

describe('SES events about sent mail', () => {
  const mailPart = { messageId: '0100018c-abc', timestamp: '2026-12-03T03:00:00.000Z' }
  it('puts permanently bounced, account-suppressed and complaining addresses on the suppression list, not transient bounces or deliveries', async () => {
    const { suppressionsOf, SesMailEvent } = await import('../../../functions/mail/usecases/events.js')
    const at = new Date('2026-12-03T03:01:00Z')
    const of = (e: unknown) => suppressionsOf(SesMailEvent.parse(e), at).map((s) => [s.address, s.reason, s.detail])
    expect(of({ eventType: 'Bounce', mail: mailPart, bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'Old@Agency.example.vn', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] } }))
      .toEqual([['old@agency.example.vn', 'bounce', 'General: smtp; 550 5.1.1 user unknown']])
    expect(of({ eventType: 'Bounce', mail: mailPart, bounce: { bounceType: 'Permanent', bounceSubType: 'OnAccountSuppressionList', bouncedRecipients: [{ emailAddress: 'listed@agency.example.vn' }] } }))
      .toEqual([['listed@agency.example.vn', 'bounce', 'OnAccountSuppressionList']])
    expect(of({ eventType: 'Complaint', mail: mailPart, complaint: { complainedRecipients: [{ emailAddress: 'angry@agency.example.vn' }], complaintFeedbackType: 'abuse' } }))
      .toEqual([['angry@agency.example.vn', 'complaint', 'abuse']])
    expect(of({ eventType: 'Bounce', mail: mailPart, bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull', bouncedRecipients: [{ emailAddress: 'full@agency.example.vn' }] } })).toEqual([])
    expect(of({ eventType: 'Delivery', mail: mailPart })).toEqual([])
  })
})
