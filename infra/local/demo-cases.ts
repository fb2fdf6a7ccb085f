/**
 * Demo cases and petitions, written through the cases module's own use cases
 * (the same rules, audit entries, index keys and time-limit workflows as a
 * person's requests), so `npm start` shows the register at work: in the City
 * Committee's Inspection Commission a denunciation being verified by Tạ Minh
 * Khoa, a complaint just received, one forwarded to the ward, an anonymous
 * letter filed, and a closed and sealed case; in Hoàn Kiếm ward three voters'
 * petitions (received, forwarded, answered and published) and a resolution
 * with two tasks through the tasks module.
 */
import { CALENDAR } from '../../shared/calendar/working-days.js'
import { vietnamDate } from '../../shared/calendar/vietnam-time.js'
import { orgContext, resolveActor } from '../../functions/org/usecases/context.js'
import * as uc from '../../functions/cases/usecases/cases.js'
import * as pt from '../../functions/cases/usecases/petitions.js'

const UBKT = 'hn-ubkttu'

export async function seedDemoCases(now = new Date()): Promise<{ cases: number; petitions: number }> {
  const ctx = async (username: string) => orgContext(await resolveActor({ username }), '127.0.0.1', now)
  const [clerk, chair, inspector, ward] = await Promise.all([ctx('vanthu.ubkt'), ctx('chunhiem.ubkt'), ctx('kiemtravien.ubkt'), ctx('bithu.hoankiem')])
  const today = vietnamDate(now)
  const take = (subject: string, extra: Partial<Parameters<typeof uc.intake>[1]> = {}) => uc.intake(clerk, {
    commissionId: UBKT, type: 'denunciation', source: 'mail', subject, summary: `${subject}. Đơn kèm tài liệu photo.`, concerns: 'Đồng chí Lê Văn Mẫu, đảng viên Chi bộ khu phố Hàng Bạc',
    anonymous: false, complainant: { fullName: 'Phan Văn Dân', address: 'Phường Hoàn Kiếm' }, ...extra,
  })
  const registerAndClassify = async (id: string, within: boolean) => {
    const r = await uc.registerCase(clerk, id, { version: 1 })
    return uc.classifyCase(inspector, id, { version: r.version, withinCompetence: within })
  }

  const verifying = await take('Tố cáo việc sử dụng đất công sai mục đích')
  const c1 = await registerAndClassify(verifying.caseId, true)
  const a1 = await uc.assignCase(chair, verifying.caseId, { version: c1.version, inspectorId: inspector.actor.userId })
  await uc.verifyCase(inspector, verifying.caseId, { version: a1.version, text: 'Đã làm việc với UBND phường và Văn phòng đăng ký đất đai.' })

  await take('Khiếu nại quyết định thi hành kỷ luật khiển trách', { type: 'complaint', source: 'reception', concerns: 'Chi bộ Giáo viên, Đảng bộ Trường THPT Trần Phú' })

  const forwarded = await take('Phản ánh việc cấp giấy phép xây dựng', { type: 'violation', source: 'portal', concerns: 'Bộ phận một cửa phường Cửa Nam' })
  const c3 = await registerAndClassify(forwarded.caseId, false)
  await uc.forwardCase(inspector, forwarded.caseId, { version: c3.version, toUnitId: 'p-cuanam', note: 'Thuộc thẩm quyền Đảng ủy phường Cửa Nam.' })

  const anon = await take('Đơn nặc danh tố cáo cán bộ phường', { anonymous: true, complainant: undefined })
  const r4 = await uc.registerCase(clerk, anon.caseId, { version: 1 })
  await uc.classifyCase(inspector, anon.caseId, { version: r4.version, withinCompetence: true, concreteEvidence: false, note: 'Không nêu bằng chứng cụ thể.' })

  const closed = await take('Tố cáo việc kê khai tài sản không trung thực', { source: 'transferred', fromBody: 'Thanh tra thành phố Hà Nội' })
  const c5 = await registerAndClassify(closed.caseId, true)
  let v = await uc.assignCase(chair, closed.caseId, { version: c5.version, inspectorId: inspector.actor.userId })
  v = await uc.verifyCase(inspector, closed.caseId, { version: v.version, text: 'Đối chiếu bản kê khai năm 2024 và 2025.' })
  v = await uc.concludeCase(chair, closed.caseId, { version: v.version, founded: 'partly', text: 'Tố cáo đúng một phần: kê khai thiếu một tài khoản tiết kiệm.' })
  v = await uc.decideMeasures(chair, closed.caseId, { version: v.version, measure: 'reprimand', text: 'Khiển trách.' })
  v = await uc.recordFollowUp(inspector, closed.caseId, { version: v.version, text: 'Quyết định đã được công bố tại chi bộ.', executed: true })
  await uc.closeCase(chair, closed.caseId, { version: v.version })

  const petition = (text: string, topic: string, agencyUnitId: string) => pt.createPetition(ward, {
    officeUnitId: 'p-hoankiem', text, meeting: 'Tiếp xúc cử tri trước kỳ họp thứ 5 HĐND phường', place: 'Nhà văn hóa khu phố Hàng Đào', meetingOn: today, area: 'Khu phố Hàng Đào', topic, agencyUnitId, term: '2021-2026',
  })
  await petition('Cử tri đề nghị sửa chữa hệ thống thoát nước ngõ 5 Hàng Đào, thường ngập khi mưa lớn.', 'Hạ tầng đô thị', 'p-hoankiem')
  const p2 = await petition('Cử tri đề nghị tăng cường kiểm tra an toàn thực phẩm tại chợ Đồng Xuân.', 'An toàn thực phẩm', 'p-hoankiem-mttq')
  await pt.forwardPetition(ward, p2.petitionId, { version: p2.version })
  const p3 = await petition('Cử tri đề nghị bố trí thêm điểm trông giữ xe cho khách tham quan phố cổ.', 'Giao thông', 'p-hoankiem')
  const f3 = await pt.forwardPetition(ward, p3.petitionId, { version: p3.version })
  const a3 = await pt.answerPetition(ward, p3.petitionId, { version: f3.version, answer: 'Phường đã bố trí thêm 2 điểm trông giữ xe tại phố Hàng Chiếu và Hàng Giấy.', result: 'solved' })
  await pt.publishPetition(ward, p3.petitionId, { version: a3.version })

  const res = await pt.createResolution(ward, { officeUnitId: 'p-hoankiem', number: '12/NQ-HĐND', title: 'Nghị quyết về chỉnh trang đô thị khu phố cổ năm 2027', session: 'Kỳ họp thứ 5', adoptedOn: today })
  await pt.addResolutionTask(ward, res.resolutionId, { title: 'Lập danh mục tuyến phố cần chỉnh trang vỉa hè', leadUnitId: 'p-hoankiem', deadline: CALENDAR.addWorkingDays(today, 15) })
  await pt.addResolutionTask(ward, res.resolutionId, { title: 'Vận động hộ kinh doanh không lấn chiếm vỉa hè', leadUnitId: 'p-hoankiem-mttq', deadline: CALENDAR.addWorkingDays(today, 20) })
  return { cases: 5, petitions: 3 }
}
