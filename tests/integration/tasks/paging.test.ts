/**
 * Task lists a page at a time: a person with many tasks sees the first page
 * in deadline order and a cursor; following the cursors shows every task
 * once, in order, the filters (status, overdue) holding on every page;
 * "assigned by me" pages newest first. A forged cursor is a 400 with a
 * Vietnamese message. The sweep stops reading a task once its deadline was
 * escalated, and an approved extension brings it back.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { baseUrl, login, uniq, type Session } from '../../support/api.js'
import { addDays, CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

const WARD = 'p-hoankiem'
const today = vietnamDate()
let secretary: Session
let specialist: Session
let specialistId: string

beforeAll(async () => {
  secretary = await login('bithu.hoankiem')
  specialist = await login('chuyenvien.hoankiem')
  specialistId = (await specialist.get('/api/me')).body.user.userId
})

/** Every page of a list, following `next`, with the size of each page. */
async function walk(s: Session, query: string): Promise<{ tasks: any[]; sizes: number[] }> {
  const tasks: any[] = []
  const sizes: number[] = []
  let after: string | undefined
  for (let i = 0; i < 200; i++) {
    const res = await s.get(`/api/tasks?${query}${after ? `&after=${encodeURIComponent(after)}` : ''}`)
    expect(res.status).toBe(200)
    tasks.push(...res.body.tasks)
    sizes.push(res.body.tasks.length)
    after = res.body.next
    if (!after) return { tasks, sizes }
  }
  throw new Error('the cursor never ended')
}

describe('task lists are paged', () => {
  it('walks "my tasks" three at a time in deadline order, each task once, filters kept on every page', async () => {
    // Prepare: seven tasks for the specialist, deadlines on seven working days; one of them done.
    const tag = uniq()
    const deadlines = Array.from({ length: 7 }, (_, i) => CALENDAR.addWorkingDays(CALENDAR.nextWorkingDay(today), i + 1))
    const created: any[] = []
    for (const [i, deadline] of deadlines.entries()) {
      const res = await secretary.post('/api/tasks', { title: `Phân trang ${tag} số ${i + 1}`, leadUnitId: WARD, leadUserId: specialistId, deadline })
      expect(res.status).toBe(201)
      created.push(res.body)
    }
    const a = await specialist.post(`/api/tasks/${created[2].taskId}/accept`, { version: 1 })
    const s = await specialist.post(`/api/tasks/${created[2].taskId}/submit`, { version: a.body.version, text: 'xong' })
    expect((await secretary.post(`/api/tasks/${created[2].taskId}/evaluate`, { version: s.body.version, quality: 5 })).status).toBe(200)
    const range = `dueFrom=${deadlines[0]}&dueTo=${deadlines[6]}`

    // Act
    const all = await walk(specialist, `view=mine&limit=3&${range}`)
    const open = await walk(specialist, `view=mine&limit=3&status=assigned&${range}`)

    // Assess: pages of three; ours in deadline order, each once
    expect(all.sizes.slice(0, -1).every((n) => n === 3)).toBe(true)
    const ours = all.tasks.filter((t) => t.title.includes(tag))
    expect(ours.map((t) => t.title)).toEqual(deadlines.map((_, i) => `Phân trang ${tag} số ${i + 1}`))
    expect(new Set(all.tasks.map((t) => t.taskId)).size).toBe(all.tasks.length)
    const keys = all.tasks.map((t) => `${t.deadline}#${t.taskId}`)
    expect([...keys].sort()).toEqual(keys)
    // the status filter holds on every page, and the done one is not there
    expect(open.tasks.every((t) => t.status === 'assigned')).toBe(true)
    expect(open.tasks.filter((t) => t.title.includes(tag)).map((t) => t.title)).toEqual(
      [1, 2, 4, 5, 6, 7].map((n) => `Phân trang ${tag} số ${n}`))
  })

  it('walks "assigned by me" newest first, two at a time, and keeps "overdue" on every page', async () => {
    // Prepare: three tasks given one after another
    const tag = uniq()
    const deadline = CALENDAR.addWorkingDays(CALENDAR.nextWorkingDay(today), 3)
    for (const n of [1, 2, 3]) {
      expect((await secretary.post('/api/tasks', { title: `Giao lần lượt ${tag} số ${n}`, leadUnitId: WARD, leadUserId: specialistId, deadline })).status).toBe(201)
    }

    // Act
    const first = await secretary.get('/api/tasks?view=assigned&limit=2')
    const all = await walk(secretary, 'view=assigned&limit=2')
    const overdue = await walk(secretary, 'view=assigned&limit=2&overdue=true')

    // Assess: the newest first, a cursor to the rest
    expect(first.body.tasks.map((t: any) => t.title)).toEqual([`Giao lần lượt ${tag} số 3`, `Giao lần lượt ${tag} số 2`])
    expect(first.body.next).toEqual(expect.any(String))
    expect(all.tasks.filter((t) => t.title.includes(tag)).map((t) => t.title)).toEqual([3, 2, 1].map((n) => `Giao lần lượt ${tag} số ${n}`))
    expect(new Set(all.tasks.map((t) => t.taskId)).size).toBe(all.tasks.length)
    // the demo's overdue task (in progress, past its deadline) is found through the pages; nothing else is overdue
    expect(overdue.tasks.map((t) => t.title)).toContain('Cập nhật hồ sơ tổ chức cơ sở đảng sau sắp xếp')
    expect(overdue.tasks.every((t) => t.overdue === true)).toBe(true)
  })

  it('refuses a forged cursor and a page size over 100 with a clear message', async () => {
    const forged = await specialist.get(`/api/tasks?view=mine&after=${Buffer.from('UNIT#p-badinh').toString('base64url')}`)
    const huge = await specialist.get('/api/tasks?view=mine&limit=1000')

    expect(forged.status).toBe(400)
    expect(JSON.stringify(forged.body.error)).toMatch(/định dạng|không hợp lệ/)
    expect(huge.status).toBe(400)
  })
})

describe('the due index holds what the sweep still has to do', () => {
  const ddb = () => DynamoDBDocumentClient.from(new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }))
  const dueKeyOf = async (taskId: string) => (await ddb().send(new GetCommand({
    TableName: 'digital-office-local', Key: { pk: `UNIT#${taskId.slice(0, taskId.indexOf('.'))}`, sk: `TASK#${taskId}` },
  }))).Item?.gsi3pk
  let adminToken: Promise<string> | undefined
  const sweep = async (date: string) => {
    adminToken ??= login('admin').then((s) => s.token)
    const res = await fetch(`${baseUrl()}/local/jobs/task-deadlines`, { method: 'POST', body: JSON.stringify({ now: `${date}T01:00:00.000Z` }), headers: { authorization: `Bearer ${await adminToken}` } })
    expect(res.status).toBe(200)
  }

  it('takes a task out once its deadline was escalated, and back in when an extension gives it a new one', async () => {
    // Prepare
    const deadline = CALENDAR.addWorkingDays(CALENDAR.nextWorkingDay(today), 1)
    const task = (await secretary.post('/api/tasks', { title: `Quá hạn rồi ${uniq()}`, leadUnitId: WARD, leadUserId: specialistId, deadline })).body
    expect(await dueKeyOf(task.taskId)).toBe('TASKDUE')

    // Act: the sweep after the deadline escalates it
    await sweep(CALENDAR.nextWorkingDay(addDays(deadline, 1)))

    // Assess: out of the due index, still in the lead's list as overdue
    expect(await dueKeyOf(task.taskId)).toBeUndefined()
    const shown = (await specialist.get(`/api/tasks/${task.taskId}`)).body
    expect(shown.escalatedFor).toBe(deadline)

    // Act: more time asked and granted
    const until = CALENDAR.addWorkingDays(deadline, 10)
    const asked = await specialist.post(`/api/tasks/${task.taskId}/extensions`, { version: shown.version, until, reason: 'Chờ số liệu' })
    expect(asked.status).toBe(200)
    expect((await secretary.post(`/api/tasks/${task.taskId}/extensions/decision`, { version: asked.body.version, approve: true })).status).toBe(200)

    // Assess: back in, under the new deadline
    expect(await dueKeyOf(task.taskId)).toBe('TASKDUE')
  })
})
