/**
 * A demo data request, written through the module's own use cases: the City
 * Committee (bithu.tu) asks the wards for the figures of digital
 * transformation in the year so far — revenue of the digital economy
 * (a total of two parts), people with an electronic identity, the share of
 * online public services, a comment — due in five working days; Hoàn Kiếm
 * (bithu.hoankiem) and Ba Đình (chuyenvien.badinh) have answered, the others
 * have not.
 */
import { CALENDAR } from '../../shared/calendar/working-days.js'
import { vietnamDate } from '../../shared/calendar/vietnam-time.js'
import { orgContext, resolveActor } from '../../functions/org/usecases/context.js'
import * as uc from '../../functions/datarequests/usecases/requests.js'

export const DEMO_DATA_REQUEST_TITLE = 'Số liệu chuyển đổi số năm 2026 của các phường, xã'

export async function seedDemoDataRequests(now = new Date()): Promise<{ requests: number; answers: number }> {
  const ctxOf = async (username: string) => orgContext(await resolveActor({ username }), '127.0.0.1', now)
  const [city, hoankiem, badinh] = await Promise.all([ctxOf('bithu.tu'), ctxOf('bithu.hoankiem'), ctxOf('chuyenvien.badinh')])
  const today = vietnamDate(now)
  const year = today.slice(0, 4)
  const request = await uc.createRequest(city, {
    title: DEMO_DATA_REQUEST_TITLE,
    description: 'Phục vụ xây dựng báo cáo của Ban Thường vụ Thành ủy về thực hiện Nghị quyết số 57-NQ/TW.',
    periodFrom: `${year}-01-01`, periodTo: today, deadline: CALENDAR.addWorkingDays(today, 5),
    indicators: [
      { code: '1', name: 'Doanh thu kinh tế số trên địa bàn', unit: 'tỷ đồng', type: 'number', optional: false, totalOf: ['1.1', '1.2'] },
      { code: '1.1', name: 'Doanh thu thương mại điện tử', unit: 'tỷ đồng', type: 'number', optional: false, min: 0 },
      { code: '1.2', name: 'Doanh thu dịch vụ số khác', unit: 'tỷ đồng', type: 'number', optional: false, min: 0 },
      { code: '2', name: 'Số người dân có tài khoản định danh điện tử mức 2', unit: 'người', type: 'integer', optional: false, min: 0 },
      { code: '3', name: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến', unit: '%', type: 'percent', optional: false },
      { code: '4', name: 'Khó khăn, kiến nghị', unit: '', type: 'text', optional: true },
    ],
    recipientUnitIds: ['p-hoankiem', 'p-cuanam', 'p-badinh', 'p-ngocha', 'x-socson'],
    send: true,
  })
  await uc.answer(hoankiem, request.requestId, 'p-hoankiem', { values: { '1': 1250.5, '1.1': 830.25, '1.2': 420.25, '2': 118_400, '3': 86.5, '4': 'Cần thêm kinh phí cho điểm hỗ trợ dịch vụ công.' } })
  await uc.answer(badinh, request.requestId, 'p-badinh', { values: { '1': 980, '1.1': 610, '1.2': 370, '2': 97_250, '3': 81.2, '4': null } })
  return { requests: 1, answers: 2 }
}
