/**
 * SES, played locally: a real SMTP server (smtp-server) on loopback. The mail
 * port sends to it with nodemailer; every message it takes is delivered as an
 * `.eml` file into a Maildir under the data directory (`<data>/mail/new`), so
 * any mail client that reads a Maildir (mutt, neomutt, Evolution) or opens
 * `.eml` files (Thunderbird) reads it, and the gateway lists it at
 * `/local/mail` for the development mailbox page.
 *
 * Mail for the platform's own inbound domain (units' official addresses) is
 * also handed to the mail function exactly as SES receiving would: the raw
 * message in the bucket under the receipt rule's prefix, then an SES receipt
 * event. Its outcome is the SMTP answer: 250 when a document was made, 550
 * with the reason (vi / en) when every recipient refused it. SPF and DKIM
 * need DNS, which this machine does not have: the verdicts come from an
 * `Authentication-Results` header written by the trusted receiving host
 * (`MAIL_TRUSTED_AUTHSERV`, the role a relay in front of it would play),
 * otherwise GRAY (not checked).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'
import type { SESEvent } from 'aws-lambda'
import { authenticationFromHeaders, unitOfAddress } from '../../shared/mail/inbound.js'
import { translate } from '../../shared/i18n/messages.js'
import type { MailOutcome } from '../../functions/documents/usecases/mail-in.js'

const MAX_MESSAGE_BYTES = 40 * 1024 * 1024

export interface MailServerOptions {
  port: number
  dataDir: string
  inboundDomain: string
  trustedAuthserv: string
  /** Stores the raw mail where SES receiving's S3 action would. */
  storeInbound(messageId: string, raw: Buffer): Promise<void>
  /** The mail function (functions/mail/index.ts). */
  invokeMailFunction(event: SESEvent): Promise<{ outcomes: MailOutcome[] }>
  log?: (m: string) => void
}

export interface MailServer { port: number; maildir: string; close(): Promise<void> }

/** The header block's fields, unfolded (RFC 5322 §2.2.3). */
function headerFields(raw: Buffer): { name: string; value: string }[] {
  const text = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1')
  const end = text.search(/\r?\n\r?\n/)
  const block = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ')
  return block.split(/\r?\n/).map((l) => /^([\x21-\x39\x3b-\x7e]+):\s*(.*)$/.exec(l)).filter((m): m is RegExpExecArray => !!m).map((m) => ({ name: m[1], value: m[2] }))
}

export async function startMailServer(opts: MailServerOptions): Promise<MailServer> {
  const maildir = join(opts.dataDir, 'mail')
  for (const d of ['tmp', 'new', 'cur']) mkdirSync(join(maildir, d), { recursive: true })

  /** Delivers into the Maildir as an MDA does: tmp/ then new/, with Return-Path and Delivered-To added. */
  function deliver(raw: Buffer, session: SMTPServerSession): string {
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
    const trace = [`Return-Path: <${from}>`, ...session.envelope.rcptTo.map((r) => `Delivered-To: ${r.address}`)].join('\r\n') + '\r\n'
    const name = `${Date.now()}.${randomUUID().slice(0, 8)}.digital-office.eml`
    writeFileSync(join(maildir, 'tmp', name), Buffer.concat([Buffer.from(trace), raw]))
    renameSync(join(maildir, 'tmp', name), join(maildir, 'new', name))
    return name
  }

  async function toPlatform(raw: Buffer, session: SMTPServerSession): Promise<MailOutcome[]> {
    const recipients = session.envelope.rcptTo.map((r) => r.address).filter((a) => unitOfAddress(a, opts.inboundDomain) !== undefined)
    if (recipients.length === 0) return []
    const messageId = randomUUID()
    await opts.storeInbound(messageId, raw)
    const fields = headerFields(raw)
    const auth = authenticationFromHeaders(fields.filter((f) => f.name.toLowerCase() === 'authentication-results').map((f) => f.value), opts.trustedAuthserv)
    const at = new Date().toISOString()
    const status = (s: string) => ({ status: s })
    const event = {
      Records: [{
        eventSource: 'aws:ses', eventVersion: '1.0',
        ses: {
          mail: {
            timestamp: at, source: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', messageId, destination: recipients,
            headersTruncated: false, headers: fields, commonHeaders: { returnPath: '', from: [], date: '', to: recipients, messageId, subject: fields.find((f) => f.name.toLowerCase() === 'subject')?.value ?? '' },
          },
          receipt: {
            timestamp: at, processingTimeMillis: 0, recipients, checkedBy: auth.checkedBy,
            spamVerdict: status('GRAY'), virusVerdict: status('GRAY'), spfVerdict: status(auth.spf), dkimVerdict: status(auth.dkim), dmarcVerdict: status(auth.dmarc),
            dmarcPolicy: 'none', action: { type: 'Lambda', functionArn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:mail', invocationType: 'RequestResponse' },
          },
        },
      }],
    }
    return (await opts.invokeMailFunction(event as unknown as SESEvent)).outcomes
  }

  const server = new SMTPServer({
    name: opts.trustedAuthserv, banner: 'Digital Office (local SES stand-in)', size: MAX_MESSAGE_BYTES,
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error('552 Message exceeds the size limit'), { responseCode: 552 }))
        const raw = Buffer.concat(chunks)
        deliver(raw, session)
        toPlatform(raw, session).then((outcomes) => {
          const refused = outcomes.filter((o): o is Extract<MailOutcome, { accepted: false }> => !o.accepted)
          if (outcomes.length > 0 && refused.length === outcomes.length) {
            const r = refused[0]
            return callback(Object.assign(new Error(`${translate(r.code, 'vi', r.params)} / ${translate(r.code, 'en', r.params)}`), { responseCode: 550 }))
          }
          callback(null, outcomes.length ? `Accepted: ${outcomes.filter((o) => o.accepted).length} incoming document(s)` : 'Delivered')
        }, (err) => {
          opts.log?.(`inbound mail failed: ${(err as Error).message}`)
          callback(Object.assign(new Error('451 Temporary failure, try again later'), { responseCode: 451 }))
        })
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => { server.off('error', reject); resolve() })
  })
  server.on('error', (err) => opts.log?.(`SMTP server: ${err.message}`))
  const address = (server as unknown as { server: import('node:net').Server }).server.address()
  const port = typeof address === 'object' && address ? address.port : opts.port
  return { port, maildir, close: () => new Promise<void>((r) => server.close(() => r())) }
}

export interface MailboxEntry {
  id: string
  at: string
  from: string
  to: string[]
  subject: string
  text: string
  attachments: { fileName: string; contentType: string; size: number }[]
}

const parsedCache = new Map<string, MailboxEntry>()

/** The newest messages of the Maildir (new/ and cur/), parsed (mailparser), for the development mailbox. */
export async function listMailbox(maildir: string, limit = 100): Promise<MailboxEntry[]> {
  const { simpleParser } = await import('mailparser')
  const names = ['new', 'cur'].flatMap((d) => { try { return readdirSync(join(maildir, d)).map((f) => join(d, f)) } catch { return [] } })
    .sort((a, b) => b.split('/')[1].localeCompare(a.split('/')[1], 'en', { numeric: true })).slice(0, limit)
  const out: MailboxEntry[] = []
  for (const name of names) {
    const id = name.split('/')[1]
    let entry = parsedCache.get(id)
    if (!entry) {
      const raw = readFileSync(join(maildir, name))
      const p = await simpleParser(raw)
      const delivered = headerFields(raw).filter((f) => f.name.toLowerCase() === 'delivered-to').map((f) => f.value.trim())
      entry = {
        id, at: (p.date ?? statSync(join(maildir, name)).mtime).toISOString(), from: p.from?.text ?? '', to: delivered,
        subject: p.subject ?? '', text: p.text ?? '', attachments: p.attachments.map((a) => ({ fileName: a.filename ?? '', contentType: a.contentType, size: a.size })),
      }
      parsedCache.set(id, entry)
    }
    out.push(entry)
  }
  return out
}

/** One message as received (for a download or a mail client), if the id names one. */
export function mailboxMessage(maildir: string, id: string): Buffer | undefined {
  if (!/^[\w.-]+\.eml$/.test(id)) return undefined
  for (const d of ['new', 'cur']) {
    try { return readFileSync(join(maildir, d, id)) } catch { /* next */ }
  }
  return undefined
}
