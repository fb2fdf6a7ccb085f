/**
 * The daily reminder sweep (the ops module's `data-request-reminders` job,
 * each working morning): reads from the open index only the sent requests
 * due by the next working day (or past due), and reminds the recipient
 * units that have not answered — once the working day before the deadline
 * and once after it has passed — each mark written under the request's
 * version, so a person's change made meanwhile wins and the request is
 * looked at again the next day.
 */
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { ConflictError } from '../../../shared/errors/index.js'
import { nameOn } from '../../../shared/org/tree.js'
import type { DataRequest } from '../../../shared/datarequests/contracts.js'
import { Transaction, type AuditActor } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import { dataRequestStore as store, requestItem } from '../adapters/store.js'
import { remindUnits } from './requests.js'

const SWEEP: AuditActor = { userId: 'system', name: 'Nhắc gửi số liệu / Data request reminders' }

export async function sweepDataRequests(now: Date) {
  const today = vietnamDate(now)
  if (!CALENDAR.isWorkingDay(today)) return { skipped: 'not a working day', read: 0, reminded: 0 }
  const due = await store.openDueBy(CALENDAR.addWorkingDays(today, 1))
  const work = due.map((r) => ({ r, mark: `${r.deadline < today ? 'late' : 'due'}#${r.deadline}` })).filter(({ r, mark }) => !(r.autoReminders ?? []).includes(mark))
  if (!work.length) return { read: due.length, reminded: 0 }
  const index = await orgStore.tree()
  let reminded = 0
  for (const { r, mark } of work) {
    const answered = new Set((await store.answers(r.requestId)).map((a) => a.unitId))
    const owner = index.get(r.ownerUnitId)
    const units = await remindUnits(r, r.recipientUnitIds.filter((u) => !answered.has(u)), owner ? nameOn(owner, today).name : r.ownerUnitId, today, now)
    if (await markSent(r, mark, units, now)) reminded += units
  }
  return { read: due.length, reminded }
}

async function markSent(r: DataRequest, mark: string, units: number, now: Date): Promise<boolean> {
  try {
    await new Transaction()
      .put(requestItem({ ...r, autoReminders: [...(r.autoReminders ?? []), mark], version: r.version + 1 }), { expectVersion: r.version })
      .audit({ unitId: r.ownerUnitId, action: 'datarequest.autoRemind', target: r.requestId, details: { title: r.title, deadline: r.deadline, units } })
      .commit(SWEEP, now)
    return true
  } catch (err) {
    if (err instanceof ConflictError) return false
    throw err
  }
}
