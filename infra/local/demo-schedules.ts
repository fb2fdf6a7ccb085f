/**
 * Demo schedules, written through the schedules module's own use cases:
 * rooms of the City Committee Office and of Hoàn Kiếm ward, and two weeks
 * (this one, published, and the next, a draft) of the city committee's
 * leaders' schedule (arranged by the Chief of the Office, chanhvp.tu) and of
 * Hoàn Kiếm ward's (by its clerk, vanthu.hoankiem). Times are Việt Nam
 * times of this week and the next, so the demo looks the same whenever it
 * starts.
 */
import { orgContext, resolveActor } from '../../functions/org/usecases/context.js'
import { orgStore } from '../../functions/org/adapters/store.js'
import * as uc from '../../functions/schedules/usecases/events.js'
import { weekOf, vietnamMidnight } from '../../shared/schedules/rules.js'
import type { EventKind } from '../../shared/schedules/contracts.js'

const DAY = 86_400_000
const at = (monday: string, day: number, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return new Date(vietnamMidnight(monday).getTime() + day * DAY + (h * 60 + m) * 60_000).toISOString()
}

export async function seedDemoSchedules(now = new Date()): Promise<{ events: number }> {
  const office = orgContext(await resolveActor({ username: 'chanhvp.tu' }), '127.0.0.1', now)
  const ward = orgContext(await resolveActor({ username: 'vanthu.hoankiem' }), '127.0.0.1', now)
  const id = async (username: string) => (await orgStore.getUserByUsername(username))!.userId
  const [binh, chanh, luu, hoang, thu, trang] = await Promise.all(['bithu.tu', 'chanhvp.tu', 'vanthu.tu', 'bithu.hoankiem', 'vanthu.hoankiem', 'chuyenvien.hoankiem'].map(id))
  const room1 = await uc.createRoom(office, { unitId: 'hn-vptu', name: 'Phòng họp số 1 (tầng 3, trụ sở Thành ủy)', capacity: 30 })
  const hall = await uc.createRoom(office, { unitId: 'hn-vptu', name: 'Hội trường lớn Thành ủy', capacity: 400 })
  const wardRoom = await uc.createRoom(ward, { unitId: 'p-hoankiem', name: 'Phòng họp Đảng ủy phường Hoàn Kiếm', capacity: 25 })
  const thisWeek = weekOf(now)
  const nextWeek = weekOf(new Date(now.getTime() + 7 * DAY))
  let count = 0
  const add = async (ctx: typeof office, unitId: string, kind: EventKind, title: string, start: string, end: string, more: { roomId?: string; place?: string; presiderId?: string; participantIds?: string[]; preparingUnitId?: string }) => {
    count++
    return uc.createEvent(ctx, { unitId, kind, title, start, end, participantIds: [], documentIds: [], acceptConflicts: false, ...more })
  }
  for (const [monday, n] of [[thisWeek, 1], [nextWeek, 2]] as const) {
    await add(office, 'hn-tu', 'meeting', `Hội nghị Ban Thường vụ Thành ủy (phiên ${n})`, at(monday, 0, '08:00'), at(monday, 0, '11:30'),
      { roomId: room1.roomId, presiderId: binh, participantIds: [chanh], preparingUnitId: 'hn-vptu' })
    await add(office, 'hn-tu', 'visit', 'Làm việc với Đảng ủy phường Hoàn Kiếm về công tác chuyển đổi số', at(monday, 1, '14:00'), at(monday, 1, '16:30'),
      { place: 'Trụ sở Đảng ủy phường Hoàn Kiếm, 126 Hàng Trống', presiderId: binh, participantIds: [chanh, hoang], preparingUnitId: 'p-hoankiem' })
    await add(office, 'hn-tu', 'reception', 'Tiếp đoàn đại biểu Thành ủy Viêng Chăn', at(monday, 2, '09:00'), at(monday, 2, '10:30'),
      { roomId: hall.roomId, presiderId: binh, participantIds: [chanh, luu], preparingUnitId: 'hn-btgdvtu' })
    await add(office, 'hn-tu', 'meeting', 'Giao ban Thường trực Thành ủy', at(monday, 4, '08:00'), at(monday, 4, '09:30'),
      { roomId: room1.roomId, presiderId: binh, participantIds: [chanh] })
    await add(ward, 'p-hoankiem', 'meeting', `Họp Ban Thường vụ Đảng ủy phường (tuần ${n})`, at(monday, 0, '14:00'), at(monday, 0, '16:00'),
      { roomId: wardRoom.roomId, presiderId: hoang, participantIds: [thu, trang] })
    await add(ward, 'p-hoankiem', 'visit', 'Kiểm tra công tác thu nộp đảng phí tại Chi bộ khu phố Hàng Bạc', at(monday, 2, '14:00'), at(monday, 2, '16:00'),
      { place: 'Nhà văn hóa khu phố Hàng Bạc', presiderId: hoang, participantIds: [trang], preparingUnitId: 'p-hoankiem-cb-hangbac' })
    await add(ward, 'p-hoankiem', 'other', 'Dự lễ kỷ niệm ngày thành lập Mặt trận phường', at(monday, 3, '08:00'), at(monday, 3, '10:00'),
      { place: 'Nhà văn hóa phường Hoàn Kiếm', presiderId: hoang, preparingUnitId: 'p-hoankiem-mttq' })
  }
  await uc.publishWeek(office, { unitId: 'hn-tu', week: thisWeek })
  await uc.publishWeek(ward, { unitId: 'p-hoankiem', week: thisWeek })
  return { events: count }
}
