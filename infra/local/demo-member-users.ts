/**
 * Demo users of the Party members module, merged into DEMO_USERS
 * (infra/local/demo-data.ts). Their member records are in demo-members.ts.
 */
import type { DemoUser } from './demo-user.js'

export const DEMO_MEMBER_USERS: DemoUser[] = [
  {
    username: 'bithu.cb.hangbac', fullName: 'Lưu Văn Bắc', email: 'bithu.cb.hangbac@hanoi.dcs.vn', clearance: 'internal', mfa: false,
    assignments: [{ unitId: 'p-hoankiem-cb-hangbac', role: 'secretary', position: 'Bí thư Chi bộ khu phố Hàng Bạc' }],
    note: 'Bí thư chi bộ Hàng Bạc: thu đảng phí, cho ý kiến chuyển sinh hoạt / collects fees, decides transfers for the cell',
  },
  {
    username: 'bithu.cb.hangdao', fullName: 'Hồ Thị Đào', email: 'bithu.cb.hangdao@hanoi.dcs.vn', clearance: 'internal', mfa: false,
    assignments: [{ unitId: 'p-hoankiem-cb-hangdao', role: 'secretary', position: 'Bí thư Chi bộ khu phố Hàng Đào' }],
    note: 'Bí thư chi bộ Hàng Đào: tiếp nhận đảng viên chuyển đến / receives transferred members',
  },
  {
    username: 'tochuc.tu', fullName: 'Trịnh Văn Tổ', email: 'tochuc.tu@hanoi.dcs.vn', clearance: 'confidential', mfa: true,
    assignments: [{ unitId: 'hn-btctu', role: 'deputy-secretary', position: 'Phó Trưởng Ban Tổ chức Thành ủy' }],
    note: 'Ban Tổ chức Thành ủy: cấp giấy giới thiệu sinh hoạt đảng / issues introduction letters',
  },
]

