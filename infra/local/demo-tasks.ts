/**
 * Demo tasks of Hoàn Kiếm ward, written through the tasks module's own use
 * cases (the same rules, audit entries and index keys as a person's
 * requests): bithu.hoankiem assigns to chuyenvien.hoankiem,
 * vanthu.hoankiem and the ward itself, one task in each state — assigned,
 * accepted, in progress (with a report), waiting for an extension decision,
 * submitted, done on time, returned, cancelled — and one overdue (assigned
 * three weeks ago, due two weeks later). Dates follow today's working-day
 * calendar, so the demo looks the same whenever it starts.
 *
 * Then the ward's approved work programme for the current quarter
 * (chương trình công tác): drafted and submitted by vanthu.hoankiem,
 * approved by bithu.hoankiem, four items over the quarter's months, one
 * of them with a task given from the programme.
 */
import { CALENDAR } from '../../shared/calendar/working-days.js'
import { vietnamDate } from '../../shared/calendar/vietnam-time.js'
import { orgContext, resolveActor } from '../../functions/org/usecases/context.js'
import * as uc from '../../functions/tasks/usecases/tasks.js'
import * as prog from '../../functions/tasks/usecases/programmes.js'

const DAY = 86_400_000

export async function seedDemoTasks(now = new Date()): Promise<{ tasks: number }> {
  const ctxAt = async (username: string, at: Date) => orgContext(await resolveActor({ username }), '127.0.0.1', at)
  const earlier = new Date(now.getTime() - 21 * DAY)
  const [secretary, specialist, clerk, secretaryThen, specialistThen] = await Promise.all([
    ctxAt('bithu.hoankiem', now), ctxAt('chuyenvien.hoankiem', now), ctxAt('vanthu.hoankiem', now),
    ctxAt('bithu.hoankiem', earlier), ctxAt('chuyenvien.hoankiem', earlier),
  ])
  const today = vietnamDate(now)
  const due = (n: number) => CALENDAR.addWorkingDays(today, n)
  const ward = 'p-hoankiem'
  const give = (title: string, deadline: string, lead?: typeof specialist, ctx = secretary) => uc.createTask(ctx, {
    title, leadUnitId: ward, ...(lead ? { leadUserId: lead.actor.userId } : {}), deadline, priority: 'normal', source: { kind: 'direct' }, coordinatingUnitIds: [], watcherIds: [],
  })
  let count = 0
  const step = async <T>(p: Promise<T>) => { count++; return p }

  await step(give('Tổng hợp báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW về chuyển đổi số', due(8), specialist))
  const accepted = await step(give('Chuẩn bị nội dung hội nghị sơ kết 6 tháng công tác xây dựng Đảng', due(10), clerk))
  await uc.acceptTask(clerk, accepted.taskId, { version: accepted.version })
  const working = await step(give('Rà soát, cập nhật danh sách đảng viên miễn sinh hoạt', due(5), specialist))
  const w1 = await uc.acceptTask(specialist, working.taskId, { version: 1 })
  await uc.reportProgress(specialist, working.taskId, { version: w1.version, percent: 60, text: 'Đã rà soát 9/15 chi bộ; còn các chi bộ khu dân cư phía Nam.' })
  const extension = await step(give('Xây dựng kế hoạch kiểm tra, giám sát năm 2027', due(3), specialist))
  const e1 = await uc.acceptTask(specialist, extension.taskId, { version: 1 })
  await uc.requestExtension(specialist, extension.taskId, { version: e1.version, until: due(8), reason: 'Chờ hướng dẫn của Ủy ban Kiểm tra Thành ủy.' })
  const submitted = await step(give('Báo cáo tình hình thu, nộp đảng phí quý IV', due(4), specialist))
  const s1 = await uc.acceptTask(specialist, submitted.taskId, { version: 1 })
  await uc.submitTask(specialist, submitted.taskId, { version: s1.version, text: 'Báo cáo đã hoàn thành, gửi kèm bảng tổng hợp.' })
  const done = await step(give('Lập danh sách đảng viên được tặng Huy hiệu Đảng đợt 3/2', due(2), specialist))
  const d1 = await uc.acceptTask(specialist, done.taskId, { version: 1 })
  const d2 = await uc.submitTask(specialist, done.taskId, { version: d1.version, text: 'Danh sách đã được các chi bộ xác nhận.' })
  await uc.evaluateTask(secretary, done.taskId, { version: d2.version, quality: 5, comment: 'Đầy đủ, đúng hạn.' })
  const returned = await step(give('Dự thảo quy chế làm việc của Ban Thường vụ Đảng ủy phường', due(6), specialist))
  const r1 = await uc.acceptTask(specialist, returned.taskId, { version: 1 })
  const r2 = await uc.submitTask(specialist, returned.taskId, { version: r1.version, text: 'Dự thảo lần 1.' })
  await uc.returnTask(secretary, returned.taskId, { version: r2.version, comment: 'Bổ sung chế độ thông tin, báo cáo theo Quy định mới.' })
  const cancelled = await step(give('Chuẩn bị hội nghị giao ban khối dân vận tháng 12', due(7)))
  await uc.cancelTask(secretary, cancelled.taskId, { version: 1, reason: 'Hội nghị được ghép với giao ban cuối năm.' })
  // Assigned three weeks ago, due two weeks later, still in progress: overdue.
  const overdue = await step(give('Cập nhật hồ sơ tổ chức cơ sở đảng sau sắp xếp', CALENDAR.addWorkingDays(vietnamDate(earlier), 10), specialistThen, secretaryThen))
  const o1 = await uc.acceptTask(specialistThen, overdue.taskId, { version: 1 })
  await uc.reportProgress(specialistThen, overdue.taskId, { version: o1.version, percent: 40, text: 'Đang chờ quyết định thành lập chi bộ mới.' })
  await seedDemoProgramme(clerk, secretary, today, due(6))
  return { tasks: count + 1 }
}

/** The ward's programme for this quarter, approved, with a task for its second item. */
async function seedDemoProgramme(clerk: Awaited<ReturnType<typeof orgContext>>, secretary: Awaited<ReturnType<typeof orgContext>>, today: string, deadline: string) {
  const year = Number(today.slice(0, 4))
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1
  const month = (k: number, day: number) => `${year}-${String((quarter - 1) * 3 + k).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  let p = await prog.createProgramme(clerk, { unitId: 'p-hoankiem', body: 'standing', kind: 'quarter', year, quarter, title: `Chương trình công tác quý ${quarter} năm ${year} của Ban Thường vụ Đảng ủy phường` })
  const items = [
    { content: 'Hội nghị Ban Thường vụ đánh giá kết quả thực hiện nhiệm vụ chính trị tháng đầu quý', dueOn: month(1, 12), output: 'Thông báo kết luận', unit: 'p-hoankiem' },
    { content: 'Sơ kết công tác kiểm tra, giám sát của các chi bộ trực thuộc', dueOn: month(2, 14), output: 'Báo cáo sơ kết', unit: 'p-hoankiem' },
    { content: 'Chi bộ khu phố Hàng Bạc báo cáo việc thu, nộp đảng phí', dueOn: month(2, 20), output: 'Báo cáo', unit: 'p-hoankiem-cb-hangbac' },
    { content: 'Tổng kết công tác xây dựng Đảng quý, phương hướng quý sau', dueOn: month(3, 25), output: 'Báo cáo tổng kết', unit: 'p-hoankiem' },
  ]
  for (const i of items) {
    p = await prog.addItem(clerk, p.programmeId, { version: p.version, content: i.content, preparingUnitId: i.unit, presidingLeaderId: secretary.actor.userId, dueOn: i.dueOn, output: i.output })
  }
  p = await prog.submitProgramme(clerk, p.programmeId, p.version)
  p = await prog.decideProgramme(secretary, p.programmeId, { version: p.version, approve: true, comment: 'Thống nhất ban hành.' })
  const second = p.items.find((i) => i.content === items[1]!.content)!
  await prog.itemTask(secretary, p.programmeId, second.itemId, { deadline })
}
