/**
 * `notify()`: the one way a module tells people something. For each user it
 * reads their choice for the kind (default: in the app and by email), writes
 * the in-app item of the notification centre and sends one mail, through the
 * mail port, to those who chose email. Modules pass user ids (who holds P in
 * U: org/usecases/holders.ts), never addresses; an address outside the
 * platform (a member without an account) goes in `alsoMail`.
 */
import { randomUUID } from 'node:crypto'
import { DEFAULT_CHOICE, type Notification, type NotificationKind, type NotificationPreferences } from '../../../shared/notifications/contracts.js'
import { ENTITY, keys, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { mail, type MailReceipt } from '../../lib/adapters/mail.js'
import { getRecords, putItem } from '../../lib/adapters/items.js'
import { orgStore } from '../../org/adapters/store.js'

export interface NotifyInput {
  kind: NotificationKind
  userIds: readonly string[]
  /** One line, vi / en (also the mail's subject after "[Digital Office]"). */
  title: string
  text: string
  link?: string
  /** Addresses of people without an account here, mailed whatever the preferences. */
  alsoMail?: readonly string[]
}

/** A sortable id: the time, then randomness (two at the same millisecond stay apart). */
const notificationId = (at: Date) => `${at.toISOString().replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`

export function notificationItem(n: Notification) {
  return { ...keys.notification(n.userId, n.notificationId), entity: ENTITY.notification, schemaVersion: SCHEMA_VERSION, ...n }
}

export async function notify(input: NotifyInput, now = new Date()): Promise<{ inApp: number; mail?: MailReceipt }> {
  const userIds = [...new Set(input.userIds)]
  const [users, prefs] = await Promise.all([
    orgStore.getUsers(userIds),
    getRecords<NotificationPreferences & { userId: string }>(userIds.map((id) => keys.notificationPreferences(id))),
  ])
  const prefsOf = new Map(prefs.map((p) => [p.userId, p]))
  const at = now.toISOString()
  const emails: string[] = []
  let inApp = 0
  for (const u of users) {
    if (u.status && u.status !== 'active') continue
    const choice = prefsOf.get(u.userId)?.kinds[input.kind] ?? DEFAULT_CHOICE
    if (choice.inApp) {
      await putItem(notificationItem({ notificationId: notificationId(now), userId: u.userId, kind: input.kind, title: input.title, text: input.text, ...(input.link ? { link: input.link } : {}), at }))
      inApp++
    }
    if (choice.email && u.email) emails.push(u.email)
  }
  const to = [...new Set([...emails, ...(input.alsoMail ?? [])])]
  if (to.length === 0) return { inApp }
  return { inApp, mail: await mail().send({ to, subject: `[Digital Office] ${input.title}`, text: input.text, tags: { kind: input.kind } }) }
}
