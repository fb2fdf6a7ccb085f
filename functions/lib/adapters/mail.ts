/**
 * The mail port: every mail the platform sends goes through `mail().send`.
 * One MIME message is composed (nodemailer's composer) and handed to the
 * engine chosen by configuration (functions/lib/env.ts `MAIL`):
 *
 *   ses     SES v2 `SendEmail` with the raw message and the configuration set
 *           (its event destination records bounces and complaints: mail-events.ts)
 *   smtp    the embedded runtime's SMTP server (infra/local/mail-server.ts), by nodemailer
 *   outbox  `.eml` files in OUTBOX_DIR (a process running functions without the platform)
 *
 * Before any engine, recipients on the suppression list (bounced or
 * complained before) are dropped: a mail to nobody left is not sent.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import {
  AccountSuspendedException, MessageRejected, SendEmailCommand, SendingPausedException, SESv2Client, TooManyRequestsException,
  MailFromDomainNotVerifiedException, type SendEmailCommandInput,
} from '@aws-sdk/client-sesv2'
import MailComposer from 'nodemailer/lib/mail-composer/index.js'
import { DomainError } from '../../../shared/errors/index.js'
import { keys } from '../../../shared/table/keys.js'
import { env } from '../env.js'
import { getRecords } from './items.js'
import { backoff } from '../retry.js'

export interface MailAttachment { fileName: string; contentType: string; content: Uint8Array }
export interface Mail {
  to: string[]
  subject: string
  text: string
  /** Optional, for callers that need more than a plain-text notice. */
  html?: string
  attachments?: MailAttachment[]
  replyTo?: string
  /** SES message tags (what the mail is about), e.g. `{ kind: 'document.emailed' }`. */
  tags?: Record<string, string>
}
/** What happened: the engine's message id, the addresses it went to, and those left out because they bounced or complained before. */
export interface MailReceipt { messageId?: string; sentTo: string[]; suppressed: string[] }
export interface MailPort { send(mail: Mail): Promise<MailReceipt> }

/** The SES client as the port uses it (a fake answers the same way in the unit test). */
export interface SesSender { send(command: SendEmailCommand): Promise<{ MessageId?: string }> }

/** The raw RFC 5322 message every engine sends. */
export async function composeMail(m: Mail, from: string): Promise<Buffer> {
  return new MailComposer({
    from, to: m.to, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}), ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    attachments: (m.attachments ?? []).map((a) => ({ filename: a.fileName, contentType: a.contentType, content: Buffer.from(a.content) })),
    messageId: `<${randomUUID()}@${from.split('@')[1] ?? 'digital-office.local'}>`,
  }).compile().build()
}

const SES_RETRIES = 3

/** SES v2, with its answers mapped: throttling retried, then a clear 503; a rejected message 422; paused sending 503. */
export function sesMailer(client: SesSender, opts: { from: string; configurationSet?: string }) {
  return async (m: Mail, to: string[]): Promise<string | undefined> => {
    const input: SendEmailCommandInput = {
      FromEmailAddress: opts.from, Destination: { ToAddresses: to },
      Content: { Raw: { Data: await composeMail({ ...m, to }, opts.from) } },
      ...(opts.configurationSet ? { ConfigurationSetName: opts.configurationSet } : {}),
      ...(m.tags ? { EmailTags: Object.entries(m.tags).map(([Name, Value]) => ({ Name, Value: Value.replace(/[^\w-]/g, '_') })) } : {}),
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return (await client.send(new SendEmailCommand(input))).MessageId
      } catch (err) {
        if (err instanceof TooManyRequestsException || (err as { name?: string }).name === 'ThrottlingException') {
          if (attempt < SES_RETRIES) { await backoff(attempt + 3); continue }
          throw new DomainError('mail.throttled', 503)
        }
        if (err instanceof MessageRejected || err instanceof MailFromDomainNotVerifiedException) throw new DomainError('mail.rejected', 422, { reason: (err as Error).message })
        if (err instanceof AccountSuspendedException || err instanceof SendingPausedException) throw new DomainError('mail.sendingPaused', 503)
        throw err
      }
    }
  }
}

/** The addresses among `to` on the suppression list. */
export async function suppressedAmong(to: readonly string[]): Promise<Set<string>> {
  if (to.length === 0) return new Set()
  const found = await getRecords<{ address: string }>([...new Set(to.map((a) => a.toLowerCase()))].map((a) => keys.mailSuppression(a)))
  return new Set(found.map((r) => r.address.toLowerCase()))
}

let ses: SESv2Client | undefined
/** The SMTP transport, kept per server address (the embedded runtime restarted in one process listens on a new port). */
let smtp: { address: string; transport: import('nodemailer').Transporter } | undefined

async function engineSend(m: Mail, to: string[]): Promise<string | undefined> {
  const e = env()
  if (e.MAIL === 'ses') {
    ses ??= new SESv2Client({})
    return sesMailer(ses, { from: e.MAIL_FROM, configurationSet: e.SES_CONFIGURATION_SET })(m, to)
  }
  const raw = await composeMail({ ...m, to }, e.MAIL_FROM)
  if (e.MAIL === 'smtp') {
    const nodemailer = await import('nodemailer')
    const address = `${e.SMTP_HOST}:${e.SMTP_PORT}`
    if (smtp?.address !== address) smtp = { address, transport: nodemailer.createTransport({ host: e.SMTP_HOST, port: e.SMTP_PORT, secure: false, ignoreTLS: true }) }
    const info = await smtp.transport.sendMail({ envelope: { from: e.MAIL_FROM, to }, raw })
    return info.messageId
  }
  mkdirSync(e.OUTBOX_DIR, { recursive: true })
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`
  writeFileSync(join(e.OUTBOX_DIR, `${id}.eml`), raw)
  return id
}

export function mail(): MailPort {
  return {
    async send(m) {
      const suppressed = await suppressedAmong(m.to)
      const sentTo = m.to.filter((a) => !suppressed.has(a.toLowerCase()))
      if (sentTo.length === 0) return { sentTo, suppressed: [...suppressed] }
      const messageId = await engineSend(m, sentTo)
      return { messageId, sentTo, suppressed: [...suppressed] }
    },
  }
}

