import { describe, expect, it } from 'vitest'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { DomainError, RuleError } from '../../../shared/errors/index.js'
import type { Task } from '../../../shared/tasks/contracts.js'
import {
  accept, cancel, checkDeadline, kpisOf, checkParent, decideExtension, evaluate, giveBack, isOverdue, reportProgress, requestExtension, submit, sweepAction, MAX_TASK_DEPTH,
} from '../../../shared/tasks/rules.js'
import { taskPolicy } from '../../../shared/tasks/policy.js'
import { MESSAGES } from '../../../shared/i18n/messages.js'
import { TASK_MESSAGES } from '../../../shared/i18n/tasks.js'

const lead = { userId: 'u-lead', fullName: 'Đặng Thu Trang' }
const boss = { userId: 'u-boss', fullName: 'Đỗ Minh Hoàng' }
const at = (iso: string, by = lead) => ({ at: iso, by })

// 2026-12-07 is a Monday; 2026-12-11 a Friday.
const task = (over: Partial<Task> = {}): Task => ({
  taskId: 'p-hoankiem.tabc123', ownerUnitId: 'p-hoankiem', title: 'Báo cáo chuyển đổi số', source: { kind: 'direct' }, priority: 'normal',
  assigner: boss, leadUnitId: 'p-hoankiem', leadUser: lead, coordinatingUnitIds: [], watchers: [], assignedOn: '2026-12-03',
  deadline: '2026-12-11', originalDeadline: '2026-12-11', status: 'assigned', percent: 0, reports: [], extensions: [], events: [],
  createdAt: '2026-12-03T02:00:00.000Z', updatedAt: '2026-12-03T02:00:00.000Z', version: 1, ...over,
})

const codeOf = (f: () => unknown): string => {
  try { f() } catch (e) { if (e instanceof DomainError) return e.code; throw e }
  return 'no error'
}

describe('a task from assignment to evaluation', () => {
  it('goes assigned → accepted → in progress → submitted → done on time, each step a new version', () => {
    const a = accept(task(), at('2026-12-03T03:00:00.000Z'))
    const p = reportProgress(a, at('2026-12-04T03:00:00.000Z'), 50, 'Đã thu thập số liệu')
    const s = submit(p, at('2026-12-11T09:00:00.000Z'), 'Báo cáo đã hoàn thành')
    const d = evaluate(s, at('2026-12-12T02:00:00.000Z', boss), 4, 'Tốt')

    expect([a.status, p.status, s.status, d.status]).toEqual(['accepted', 'in-progress', 'submitted', 'done'])
    expect([a.version, p.version, s.version, d.version]).toEqual([2, 3, 4, 5])
    expect(p.percent).toBe(50)
    expect(p.reports).toEqual([{ at: '2026-12-04T03:00:00.000Z', by: lead, percent: 50, text: 'Đã thu thập số liệu' }])
    expect(d.evaluation).toMatchObject({ timeliness: 'on-time', quality: 4, by: boss })
    expect(d.percent).toBe(100)
  })

  it('is late when submitted after the deadline day in Việt Nam (00:30 on the 12th, +07:00, is the 12th)', () => {
    const s = submit(accept(task(), at('2026-12-03T03:00:00.000Z')), at('2026-12-11T17:30:00.000Z'), 'xong')

    expect(evaluate(s, at('2026-12-14T02:00:00.000Z', boss), 3).evaluation?.timeliness).toBe('late')
  })

  it('goes back to in progress when returned, and can be submitted again', () => {
    const s = submit(accept(task(), at('2026-12-03T03:00:00.000Z')), at('2026-12-05T03:00:00.000Z'), 'xong')
    const r = giveBack(s, at('2026-12-05T04:00:00.000Z', boss), 'Bổ sung số liệu quý IV')

    expect(r.status).toBe('in-progress')
    expect(r.events.at(-1)).toMatchObject({ kind: 'returned', text: 'Bổ sung số liệu quý IV' })
    expect(submit(r, at('2026-12-06T03:00:00.000Z'), 'đã bổ sung').status).toBe('submitted')
  })

  it('is cancelled with its reason from any open state', () => {
    for (const status of ['assigned', 'accepted', 'in-progress', 'submitted'] as const) {
      const c = cancel(task({ status }), at('2026-12-05T03:00:00.000Z', boss), 'Không còn cần thiết')
      expect(c.status).toBe('cancelled')
      expect(c.cancelReason).toBe('Không còn cần thiết')
    }
  })
})

describe('bad transitions are refused with a code that says why', () => {
  const done = task({ status: 'done' })
  const cancelled = task({ status: 'cancelled' })
  const c = at('2026-12-05T03:00:00.000Z')

  it.each([
    ['accept twice', () => accept(task({ status: 'accepted' }), c), 'task.alreadyAccepted'],
    ['report before accepting', () => reportProgress(task(), c, 10, 'x'), 'task.notAccepted'],
    ['submit before accepting', () => submit(task(), c, 'x'), 'task.notAccepted'],
    ['report while waiting for evaluation', () => reportProgress(task({ status: 'submitted' }), c, 10, 'x'), 'task.awaitingEvaluation'],
    ['evaluate what was not submitted', () => evaluate(task({ status: 'in-progress' }), c, 4), 'task.notSubmitted'],
    ['return what was not submitted', () => giveBack(task({ status: 'accepted' }), c, 'x'), 'task.notSubmitted'],
    ['evaluate off the 1–5 scale', () => evaluate(task({ status: 'submitted' }), c, 6), 'task.badQuality'],
    ['change a done task', () => reportProgress(done, c, 10, 'x'), 'task.closedDone'],
    ['cancel a done task', () => cancel(done, c, 'x'), 'task.closedDone'],
    ['accept a cancelled task', () => accept(cancelled, c), 'task.closedCancelled'],
    ['extend a done task', () => requestExtension(done, c, '2026-12-18', 'x', CALENDAR), 'task.closedDone'],
    ['extend a cancelled task', () => requestExtension(cancelled, c, '2026-12-18', 'x', CALENDAR), 'task.closedCancelled'],
    ['an extension not later than the deadline', () => requestExtension(task(), c, '2026-12-11', 'x', CALENDAR), 'task.extensionNotLater'],
    ['an extension to a Sunday', () => requestExtension(task(), c, '2026-12-13', 'x', CALENDAR), 'task.deadlineNotWorkingDay'],
    ['decide with no extension pending', () => decideExtension(task(), c, true), 'task.noExtensionPending'],
  ])('%s', (_what, change, code) => {
    expect(codeOf(change)).toBe(code)
  })

  it('every code has a Vietnamese and an English message in the catalogue', () => {
    for (const code of Object.keys(TASK_MESSAGES)) expect(MESSAGES[code], code).toEqual(TASK_MESSAGES[code])
  })
})

describe('extensions', () => {
  const c = at('2026-12-05T03:00:00.000Z')
  const requested = requestExtension(accept(task(), c), c, '2026-12-18', 'Chờ số liệu của phường', CALENDAR)

  it('a second request waits for the first one', () => {
    expect(codeOf(() => requestExtension(requested, c, '2026-12-21', 'x', CALENDAR))).toBe('task.extensionPending')
  })

  it('approved, the deadline moves and the original stays on record', () => {
    const approved = decideExtension(requested, at('2026-12-06T03:00:00.000Z', boss), true)

    expect(approved.deadline).toBe('2026-12-18')
    expect(approved.originalDeadline).toBe('2026-12-11')
    expect(approved.extensions).toEqual([expect.objectContaining({ status: 'approved', from: '2026-12-11', until: '2026-12-18', decidedBy: boss })])
  })

  it('is not decided by the one who asked (a lead who assigned the task to themselves asks the one above)', () => {
    expect(codeOf(() => decideExtension(requested, at('2026-12-06T03:00:00.000Z', c.by), true))).toBe('auth.ownRequest')
  })

  it('refused, the deadline stays', () => {
    const refused = decideExtension(requested, at('2026-12-06T03:00:00.000Z', boss), false, 'Không gia hạn')

    expect(refused.deadline).toBe('2026-12-11')
    expect(refused.extensions[0]).toMatchObject({ status: 'refused', comment: 'Không gia hạn' })
  })
})

describe('deadlines on the working-day calendar', () => {
  it('refuses a deadline before today, and one on a day off (naming the next working day)', () => {
    expect(codeOf(() => checkDeadline('2026-12-02', '2026-12-03', CALENDAR))).toBe('task.deadlinePast')
    expect(codeOf(() => checkDeadline('2026-12-12', '2026-12-03', CALENDAR))).toBe('task.deadlineNotWorkingDay')
    expect(() => checkDeadline('2026-12-03', '2026-12-03', CALENDAR)).not.toThrow()
  })

  it('counts a task overdue the day after its deadline, unless it is closed', () => {
    expect(isOverdue(task(), '2026-12-11')).toBe(false)
    expect(isOverdue(task(), '2026-12-12')).toBe(true)
    expect(isOverdue(task({ status: 'done' }), '2026-12-12')).toBe(false)
  })

  it('reminds the lead from two working days before the deadline, once per deadline, and escalates once when overdue', () => {
    // Deadline Monday 2026-12-14: two working days before is Thursday the 10th (the weekend does not count).
    const t = task({ deadline: '2026-12-14', status: 'in-progress' })

    expect(sweepAction(t, '2026-12-09', CALENDAR, 2)).toBeUndefined()
    expect(sweepAction(t, '2026-12-10', CALENDAR, 2)).toBe('remind')
    expect(sweepAction({ ...t, remindedFor: '2026-12-14' }, '2026-12-11', CALENDAR, 2)).toBeUndefined()
    expect(sweepAction({ ...t, remindedFor: '2026-12-14' }, '2026-12-15', CALENDAR, 2)).toBe('escalate')
    expect(sweepAction({ ...t, escalatedFor: '2026-12-14' }, '2026-12-16', CALENDAR, 2)).toBeUndefined()
    // An approved extension is a new deadline: reminded again.
    expect(sweepAction({ ...t, deadline: '2026-12-21', remindedFor: '2026-12-14', escalatedFor: '2026-12-14' }, '2026-12-17', CALENDAR, 2)).toBe('remind')
    expect(sweepAction({ ...t, status: 'done' }, '2026-12-16', CALENDAR, 2)).toBeUndefined()
  })
})

describe('sub-tasks', () => {
  const parents: Record<string, string | undefined> = { c: 'b', b: 'a', a: undefined }
  const parentOf = (id: string) => parents[id]
  const ref = (taskId: string, status: Task['status'] = 'in-progress') => ({ taskId, status, title: taskId })

  it('refuses a task placed under itself or its own sub-task (a cycle)', () => {
    expect(codeOf(() => checkParent('a', ref('c'), parentOf))).toBe('task.subtaskCycle')
    expect(codeOf(() => checkParent('a', ref('a'), parentOf))).toBe('task.subtaskCycle')
  })

  it('accepts a new sub-task under an open task, refuses one under a closed task or too deep', () => {
    expect(() => checkParent('new', ref('c'), parentOf)).not.toThrow()
    expect(codeOf(() => checkParent('new', ref('c', 'done'), parentOf))).toBe('task.parentClosed')
    const chain: Record<string, string> = Object.fromEntries(Array.from({ length: MAX_TASK_DEPTH + 1 }, (_, i) => [`t${i + 1}`, `t${i}`]))
    expect(codeOf(() => checkParent('new', ref(`t${MAX_TASK_DEPTH}`), (id) => chain[id]))).toBe('task.tooDeep')
  })
})

describe('task policy', () => {
  it('lets leaders assign and evaluate, staff report, inspectors and admins only read, members nothing', () => {
    expect(taskPolicy.rolesGranting('task.assign').sort()).toEqual(['deputy-secretary', 'office-chief', 'secretary'])
    expect(taskPolicy.rolesGranting('task.report').sort()).toEqual(['clerk', 'deputy-secretary', 'office-chief', 'secretary', 'specialist'])
    expect(taskPolicy.grants('member', 'task.read')).toBe(false)
    expect(taskPolicy.grants('inspector', 'task.assign')).toBe(false)
    expect(taskPolicy.grants('no-such-role', 'task.read')).toBe(false)
  })
})

describe('a unit\'s KPIs', () => {
  it('counts assigned, done on time, done late, overdue and open, leaving cancelled tasks out', () => {
    const ev = (timeliness: 'on-time' | 'late') => ({ at: 'x', by: boss, timeliness, quality: 4 })
    const tasks = [
      task({ status: 'done', evaluation: ev('on-time') }), task({ status: 'done', evaluation: ev('late') }),
      task({ status: 'in-progress', deadline: '2026-12-01' }), task({ status: 'submitted', deadline: '2026-12-20' }), task({ status: 'cancelled', deadline: '2026-12-01' }),
    ]

    expect(kpisOf('p-hoankiem', tasks, '2026-12-03')).toEqual({ unitId: 'p-hoankiem', assigned: 4, doneOnTime: 1, doneLate: 1, overdue: 1, open: 2 })
  })
})
