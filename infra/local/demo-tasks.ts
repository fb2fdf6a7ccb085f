/**
 * Demo tasks of Hoàn Kiếm ward, written through the tasks module's own use
 * cases (the same rules, audit entries and index keys as a person's
 * requests): bithu.hoankiem assigns to chuyenvien.hoankiem,
 * vanthu.hoankiem and the ward itself, one task in each state — assigned,
 * accepted, in progress (with a report), waiting for an extension decision,
 * submitted, done on time, returned, cancelled — and one overdue (assigned
 * three weeks ago, due two weeks later). Dates follow today's working-day
 * calendar, so the demo looks the same whenever it starts.
 */
import { CALENDAR } from '../../shared/calendar/working-days.js'
import { vietnamDate } from '../../shared/calendar/vietnam-time.js'
import { orgContext, resolveActor } from '../../functions/org/usecases/context.js'
import * as uc from '../../functions/tasks/usecases/tasks.js'

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
  return { tasks: count }
}
