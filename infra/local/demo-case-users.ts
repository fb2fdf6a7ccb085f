/**
 * Demo users for the cases module, merged into DEMO_USERS
 * (infra/local/demo-data.ts): the City Committee's Inspection Commission —
 * its chair (Chủ nhiệm: the secretary role in the commission, who may read
 * who denounced), two inspectors (an assigned one reads the identity of
 * their case) and its clerk, who takes letters in.
 */
import type { DemoUser } from './demo-user.js'

const UBKT = 'hn-ubkttu'

export const DEMO_CASE_USERS: DemoUser[] = [
  { username: 'chunhiem.ubkt', fullName: 'Lương Quốc Chính', email: 'chunhiem.ubkt@hanoi.dcs.vn', clearance: 'confidential', mfa: false,
    assignments: [{ unitId: UBKT, role: 'secretary', position: 'Chủ nhiệm Ủy ban Kiểm tra Thành ủy' }], note: 'Chủ nhiệm UBKT: phân công, kết luận, xem người tố cáo / assigns, concludes, sees who denounced' },
  { username: 'kiemtravien.ubkt', fullName: 'Tạ Minh Khoa', email: 'kiemtravien.ubkt@hanoi.dcs.vn', clearance: 'confidential', mfa: false,
    assignments: [{ unitId: UBKT, role: 'inspector', position: 'Kiểm tra viên' }], note: 'Kiểm tra viên UBKT: xác minh vụ việc được giao / verifies assigned cases' },
  { username: 'kiemtravien2.ubkt', fullName: 'Châu Ngọc Lan', email: 'kiemtravien2.ubkt@hanoi.dcs.vn', clearance: 'confidential', mfa: false,
    assignments: [{ unitId: UBKT, role: 'inspector', position: 'Kiểm tra viên' }], note: 'Kiểm tra viên UBKT (không được giao vụ mẫu) / not assigned to the demo cases' },
  { username: 'vanthu.ubkt', fullName: 'Mai Thị Nhận', email: 'vanthu.ubkt@hanoi.dcs.vn', clearance: 'internal', mfa: false,
    assignments: [{ unitId: UBKT, role: 'clerk', position: 'Văn thư Ủy ban Kiểm tra' }], note: 'Văn thư UBKT: tiếp nhận đơn / takes letters in' },
]
