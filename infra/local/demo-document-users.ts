/**
 * Demo users for the documents module, merged into DEMO_USERS
 * (infra/local/demo-data.ts). With the existing users
 * they make every documents flow playable on the demo data:
 *
 * - chuyenvien.hoankiem drafts in Hoàn Kiếm; bithu.hoankiem reviews (default
 *   chain: the ward's leadership) and signs; vanthu.hoankiem registers and
 *   confirms what arrives;
 * - vanthu.tu keeps the City Committee Office's registers (the MẬT demo entry
 *   needs her clearance).
 */
import type { DemoUser } from './demo-user.js'

export const DEMO_DOCUMENT_USERS: DemoUser[] = [
  {
    username: 'chuyenvien.hoankiem', fullName: 'Đặng Thu Trang', email: 'chuyenvien.hoankiem@hanoi.dcs.vn', clearance: 'internal', mfa: false,
    assignments: [{ unitId: 'p-hoankiem', role: 'specialist', position: 'Chuyên viên Văn phòng Đảng ủy' }],
    note: 'Chuyên viên phường Hoàn Kiếm: soạn dự thảo văn bản / drafts outgoing documents',
  },
  {
    username: 'vanthu.tu', fullName: 'Bùi Thị Lưu', email: 'vanthu.tu@hanoi.dcs.vn', clearance: 'confidential', mfa: true,
    assignments: [{ unitId: 'hn-vptu', role: 'clerk', position: 'Văn thư Văn phòng Thành ủy' }],
    note: 'Văn thư Văn phòng Thành ủy: sổ văn bản đến, đi / keeps the City Office registers',
  },
]
