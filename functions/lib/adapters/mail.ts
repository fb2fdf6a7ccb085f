/**
 * The mail port: SES on AWS; a file outbox in the embedded runtime (one JSON
 * file per message under the data directory, listed by the dev outbox page).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'
import { env } from '../env.js'

export interface Mail { to: string[]; subject: string; text: string }
export interface MailPort { send(mail: Mail): Promise<void> }

let ses: SESv2Client | undefined
export function mail(): MailPort {
  if (env().MAIL === 'ses') {
    return {
      async send(m) {
        if (m.to.length === 0) return
        ses ??= new SESv2Client({})
        await ses.send(new SendEmailCommand({
          FromEmailAddress: env().MAIL_FROM, Destination: { ToAddresses: m.to },
          Content: { Simple: { Subject: { Data: m.subject, Charset: 'UTF-8' }, Body: { Text: { Data: m.text, Charset: 'UTF-8' } } } },
        }))
      },
    }
  }
  return {
    async send(m) {
      const dir = env().OUTBOX_DIR
      mkdirSync(dir, { recursive: true })
      const at = new Date().toISOString()
      writeFileSync(join(dir, `${at.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.json`), JSON.stringify({ from: env().MAIL_FROM, at, ...m }, null, 2))
    },
  }
}
