/**
 * Demo data of the embedded runtime: a city Party organisation (modelled on
 * Hà Nội after the 1 July 2025 reorganisation) with its advisory boards, the
 * Fatherland Front and socio-political organisations, wards and a commune
 * with grassroots organisations and cells, and two historic district
 * committees that ended on 2025-06-30 with their successor wards.
 */
import type { Unit } from '../../shared/org/contracts.js'
import { DEMO_DOCUMENT_USERS } from './demo-document-users.js'
import { DEMO_MEMBER_USERS } from './demo-member-users.js'
import { DEMO_CASE_USERS } from './demo-case-users.js'
import type { DemoUser } from './demo-user.js'

type Seed = Pick<Unit, 'unitId' | 'code' | 'name' | 'level' | 'kind' | 'parentId' | 'validFrom'> & Partial<Pick<Unit, 'validTo' | 'endedBy' | 'successors' | 'predecessors'>>

const u = (unitId: string, code: string, name: string, level: string, kind: Unit['kind'], parentId: string | null, validFrom: string, extra: Partial<Seed> = {}): Seed =>
  ({ unitId, code, name, level, kind, parentId, validFrom, ...extra })

const NEW_WARDS = '2025-07-01'
export const DEMO_UNITS: Seed[] = [
  u('hn-tu', 'TU', 'Thành ủy Hà Nội', 'city', 'party-committee', null, '1946-01-01'),
  u('hn-vptu', 'VPTU', 'Văn phòng Thành ủy', 'city', 'office', 'hn-tu', '1946-01-01'),
  u('hn-btctu', 'BTCTU', 'Ban Tổ chức Thành ủy', 'city', 'advisory-board', 'hn-tu', '1946-01-01'),
  u('hn-btgdvtu', 'BTGDVTU', 'Ban Tuyên giáo và Dân vận Thành ủy', 'city', 'advisory-board', 'hn-tu', '2025-03-01'),
  u('hn-ubkttu', 'UBKTTU', 'Ủy ban Kiểm tra Thành ủy', 'city', 'inspection-commission', 'hn-tu', '1948-01-01'),
  u('hn-mttq', 'MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội', 'city', 'front', 'hn-tu', '1955-01-01'),
  u('hn-thanhdoan', 'TĐ', 'Thành đoàn Hà Nội', 'city', 'socio-political', 'hn-mttq', '1956-01-01'),
  u('hn-hoilhpn', 'HLHPN', 'Hội Liên hiệp Phụ nữ thành phố Hà Nội', 'city', 'socio-political', 'hn-mttq', '1956-01-01'),
  u('hn-hoiccb', 'HCCB', 'Hội Cựu chiến binh thành phố Hà Nội', 'city', 'socio-political', 'hn-mttq', '1990-01-01'),
  u('hn-hoind', 'HND', 'Hội Nông dân thành phố Hà Nội', 'city', 'socio-political', 'hn-mttq', '1956-01-01'),
  u('hn-ldld', 'LĐLĐ', 'Liên đoàn Lao động thành phố Hà Nội', 'city', 'socio-political', 'hn-mttq', '1956-01-01'),
  // Historic district level (abolished 1 July 2025).
  u('hn-qu-hoankiem', 'QU', 'Quận ủy Hoàn Kiếm', 'district', 'party-committee', 'hn-tu', '1961-01-01',
    { validTo: '2025-06-30', endedBy: 'split', successors: [{ unitId: 'p-hoankiem', share: 60 }, { unitId: 'p-cuanam', share: 40 }] }),
  u('hk-du-hangbac', 'ĐU', 'Đảng ủy phường Hàng Bạc', 'commune', 'party-committee', 'hn-qu-hoankiem', '1981-01-01',
    { validTo: '2025-06-30', endedBy: 'merge', successors: [{ unitId: 'p-hoankiem' }] }),
  u('hn-qu-badinh', 'QU', 'Quận ủy Ba Đình', 'district', 'party-committee', 'hn-tu', '1961-01-01',
    { validTo: '2025-06-30', endedBy: 'split', successors: [{ unitId: 'p-badinh', share: 55 }, { unitId: 'p-ngocha', share: 45 }] }),
  // Wards and a commune from 1 July 2025.
  u('p-hoankiem', 'ĐU', 'Đảng ủy phường Hoàn Kiếm', 'commune', 'party-committee', 'hn-tu', NEW_WARDS, { predecessors: ['hn-qu-hoankiem', 'hk-du-hangbac'] }),
  u('p-cuanam', 'ĐU', 'Đảng ủy phường Cửa Nam', 'commune', 'party-committee', 'hn-tu', NEW_WARDS, { predecessors: ['hn-qu-hoankiem'] }),
  u('p-badinh', 'ĐU', 'Đảng ủy phường Ba Đình', 'commune', 'party-committee', 'hn-tu', NEW_WARDS, { predecessors: ['hn-qu-badinh'] }),
  u('p-ngocha', 'ĐU', 'Đảng ủy phường Ngọc Hà', 'commune', 'party-committee', 'hn-tu', NEW_WARDS, { predecessors: ['hn-qu-badinh'] }),
  u('x-socson', 'ĐU', 'Đảng ủy xã Sóc Sơn', 'commune', 'party-committee', 'hn-tu', NEW_WARDS),
  u('p-hoankiem-mttq', 'MTTQ', 'Ủy ban MTTQ phường Hoàn Kiếm', 'commune', 'front', 'p-hoankiem', NEW_WARDS),
  u('p-hoankiem-cb-hangbac', 'CB', 'Chi bộ khu phố Hàng Bạc', 'cell', 'cell', 'p-hoankiem', NEW_WARDS),
  u('p-hoankiem-cb-hangdao', 'CB', 'Chi bộ khu phố Hàng Đào', 'cell', 'cell', 'p-hoankiem', NEW_WARDS),
  u('p-hoankiem-db-tranphu', 'ĐU', 'Đảng bộ Trường THPT Trần Phú - Hoàn Kiếm', 'grassroots', 'grassroots-organisation', 'p-hoankiem', NEW_WARDS),
  u('p-hoankiem-db-tranphu-cb-gv', 'CB', 'Chi bộ Giáo viên', 'cell', 'cell', 'p-hoankiem-db-tranphu', NEW_WARDS),
  u('p-cuanam-cb-1', 'CB', 'Chi bộ khu phố 1', 'cell', 'cell', 'p-cuanam', NEW_WARDS),
  u('p-badinh-cb-kimma', 'CB', 'Chi bộ khu dân cư Kim Mã', 'cell', 'cell', 'p-badinh', NEW_WARDS),
  u('p-badinh-cb-giangvo', 'CB', 'Chi bộ khu dân cư Giảng Võ', 'cell', 'cell', 'p-badinh', NEW_WARDS),
  u('p-ngocha-cb-doican', 'CB', 'Chi bộ khu dân cư Đội Cấn', 'cell', 'cell', 'p-ngocha', NEW_WARDS),
  u('x-socson-cb-thon1', 'CB', 'Chi bộ thôn Đông', 'cell', 'cell', 'x-socson', NEW_WARDS),
  u('x-socson-cb-thon2', 'CB', 'Chi bộ thôn Đoài', 'cell', 'cell', 'x-socson', NEW_WARDS),
]

export const DEMO_PASSWORD = 'DigitalOffice@2026'

const ORG_DEMO_USERS: DemoUser[] = [
  { username: 'admin', fullName: 'Nguyễn Văn Quản', email: 'admin@hanoi.dcs.vn', clearance: 'secret', mfa: true, assignments: [{ unitId: 'hn-tu', role: 'admin', position: 'Quản trị hệ thống' }], note: 'quản trị toàn thành phố / city-wide administrator' },
  { username: 'bithu.tu', fullName: 'Trần Thị Bình', email: 'bithu@hanoi.dcs.vn', clearance: 'secret', mfa: true, assignments: [{ unitId: 'hn-tu', role: 'secretary', position: 'Bí thư Thành ủy' }], note: 'Bí thư Thành ủy: phê duyệt sắp xếp / approves reorganisations' },
  { username: 'chanhvp.tu', fullName: 'Lê Văn Chánh', email: 'chanhvp@hanoi.dcs.vn', clearance: 'confidential', mfa: true, assignments: [{ unitId: 'hn-vptu', role: 'office-chief', position: 'Chánh Văn phòng Thành ủy' }], note: 'Chánh Văn phòng' },
  { username: 'kiemtra.tu', fullName: 'Phạm Thị Kiểm', email: 'kiemtra@hanoi.dcs.vn', clearance: 'confidential', mfa: false, assignments: [{ unitId: 'hn-tu', role: 'inspector', position: 'Kiểm tra viên UBKT Thành ủy' }], note: 'đọc nhật ký / reads the audit trail' },
  { username: 'bithu.hoankiem', fullName: 'Đỗ Minh Hoàng', email: 'bithu.hoankiem@hanoi.dcs.vn', clearance: 'internal', mfa: false, assignments: [{ unitId: 'p-hoankiem', role: 'secretary', position: 'Bí thư Đảng ủy phường' }], note: 'Bí thư phường Hoàn Kiếm: đề nghị sắp xếp / requests reorganisations' },
  { username: 'vanthu.hoankiem', fullName: 'Vũ Thị Thư', email: 'vanthu.hoankiem@hanoi.dcs.vn', clearance: 'internal', mfa: false, assignments: [{ unitId: 'p-hoankiem', role: 'clerk', position: 'Văn thư' }], note: 'Văn thư phường: nhập dữ liệu / imports' },
  { username: 'chuyenvien.badinh', fullName: 'Hoàng Văn Viên', email: 'chuyenvien.badinh@hanoi.dcs.vn', clearance: 'internal', mfa: false, assignments: [{ unitId: 'p-badinh', role: 'specialist', position: 'Chuyên viên' }], note: 'Chuyên viên phường Ba Đình' },
  { username: 'dangvien.hangbac', fullName: 'Ngô Thị Hằng', email: 'hang.ngo@example.vn', clearance: 'internal', mfa: false, assignments: [{ unitId: 'p-hoankiem-cb-hangbac', role: 'member', position: 'Đảng viên' }], note: 'Đảng viên chi bộ Hàng Bạc' },
]

/** Everyone who can sign in to the demo: organisation roles, then the documents module's clerks and drafters. */
export const DEMO_USERS: DemoUser[] = [...ORG_DEMO_USERS, ...DEMO_DOCUMENT_USERS, ...DEMO_MEMBER_USERS, ...DEMO_CASE_USERS]
