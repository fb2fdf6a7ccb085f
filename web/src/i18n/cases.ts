/**
 * Strings of the cases pages (`cases.*`), Vietnamese first, English second.
 * Loaded with those pages (router.tsx).
 */
import i18n from './index'

export const casesVi = {
  title: 'Đơn thư, vụ việc', petitions: 'Kiến nghị cử tri', resolutions: 'Nghị quyết sau kỳ họp',
  commission: 'Ủy ban kiểm tra', office: 'Đơn vị theo dõi', none: 'Chưa có vụ việc nào.', more: 'Xem thêm',
  search: 'Tìm theo nội dung, đối tượng, số vào sổ', state: 'Trạng thái', all: 'Tất cả', newCase: 'Tiếp nhận đơn', export: 'Xuất sổ (XLSX)',
  registerNo: 'Số vào sổ', received: 'Ngày nhận', type: 'Loại đơn', source: 'Nguồn', subject: 'Nội dung chính', summary: 'Tóm tắt nội dung', concerns: 'Tổ chức, đảng viên bị phản ánh',
  inspector: 'Kiểm tra viên', due: 'Hạn', overdue: 'Quá hạn', sealed: 'Đã niêm phong', anonymous: 'Đơn nặc danh', fromBody: 'Cơ quan chuyển đến',
  complainant: 'Người gửi đơn (chỉ Chủ nhiệm và kiểm tra viên được phân công xem được)', fullName: 'Họ và tên', address: 'Địa chỉ', phone: 'Điện thoại', email: 'Thư điện tử',
  showIdentity: 'Xem người gửi đơn', identityNote: 'Việc xem được ghi vào nhật ký.', save: 'Lưu', taken: 'Đã tiếp nhận đơn "{{subject}}".',
  acceptance: 'Hạn thụ lý', handling: 'Hạn giải quyết', legalLimit: '{{days}} ngày làm việc theo {{source}}', history: 'Diễn biến', steps: 'Bước tiếp theo', back: 'Danh sách vụ việc',
  kpi: 'Giải quyết đúng hạn: {{closed}} hồ sơ đã đóng, {{within}} đúng hạn ({{percent}})', noKpi: 'Chưa có hồ sơ nào đóng.',
  types: { complaint: 'Khiếu nại', denunciation: 'Tố cáo', violation: 'Dấu hiệu vi phạm' },
  sources: { mail: 'Qua bưu điện', reception: 'Tiếp dân', portal: 'Cổng thông tin', transferred: 'Cơ quan khác chuyển đến' },
  states: { received: 'Mới tiếp nhận', registered: 'Đã vào sổ', classified: 'Đã phân loại', assigned: 'Đã phân công', verifying: 'Đang xác minh', concluded: 'Đã kết luận', measures: 'Theo dõi thi hành', forwarded: 'Đã chuyển đơn', archived: 'Lưu đơn, không xử lý', closed: 'Đã đóng hồ sơ' },
  step: { register: 'Vào sổ', classify: 'Phân loại', forward: 'Chuyển đơn', assign: 'Phân công', extend: 'Gia hạn', verify: 'Ghi xác minh', conclude: 'Kết luận', measures: 'Kỷ luật, biện pháp', followUp: 'Theo dõi thi hành', close: 'Đóng hồ sơ', intake: 'Tiếp nhận', remind: 'Nhắc hạn', escalate: 'Báo quá hạn' },
  f: {
    withinCompetence: 'Thuộc thẩm quyền của Ủy ban kiểm tra', concreteEvidence: 'Đơn nặc danh có nêu bằng chứng cụ thể', note: 'Ghi chú', toUnit: 'Chuyển đến đơn vị',
    inspector: 'Kiểm tra viên của Ủy ban', handlingDue: 'Hạn giải quyết (để trống: hạn luật định)', until: 'Gia hạn đến ngày', reason: 'Lý do', text: 'Nội dung',
    founded: 'Kết luận', measure: 'Hình thức', executed: 'Đã chấp hành xong', executionDue: 'Hạn chấp hành',
  },
  foundedOptions: { founded: 'Đúng', partly: 'Đúng một phần', unfounded: 'Sai' },
  measuresOptions: { none: 'Không kỷ luật', reprimand: 'Khiển trách', warning: 'Cảnh cáo', dismissal: 'Cách chức', expulsion: 'Khai trừ', other: 'Biện pháp khác' },
  done: 'Đã ghi: {{step}}.', unverified: 'Thời hạn cấu hình, chưa kiểm chứng với văn bản gốc',
  p: {
    newPetition: 'Ghi nhận kiến nghị', text: 'Nội dung kiến nghị', meeting: 'Hội nghị tiếp xúc cử tri', place: 'Địa điểm', meetingOn: 'Ngày tiếp xúc', area: 'Địa bàn cử tri', topic: 'Lĩnh vực',
    agency: 'Cơ quan chịu trách nhiệm trả lời', answerDue: 'Hạn trả lời', answer: 'Nội dung trả lời', result: 'Kết quả', none: 'Chưa có kiến nghị nào.', back: 'Danh sách kiến nghị',
    states: { received: 'Mới ghi nhận', forwarded: 'Đã chuyển, chờ trả lời', answered: 'Đã trả lời', published: 'Đã công khai' },
    results: { solved: 'Đã giải quyết', 'in-progress': 'Đang giải quyết', explained: 'Đã giải trình' },
    step: { forward: 'Chuyển đến cơ quan', answer: 'Ghi câu trả lời', publish: 'Công khai', intake: 'Ghi nhận' },
    created: 'Đã ghi nhận kiến nghị.',
  },
  r: {
    newResolution: 'Ghi nhận nghị quyết', number: 'Số nghị quyết', name: 'Trích yếu', session: 'Kỳ họp', adoptedOn: 'Ngày thông qua', tasks: 'Nhiệm vụ thực hiện', addTask: 'Giao nhiệm vụ',
    taskTitle: 'Nhiệm vụ', leadUnit: 'Đơn vị chủ trì', deadline: 'Hạn', none: 'Chưa có nghị quyết nào.', noTasks: 'Chưa giao nhiệm vụ nào.', back: 'Danh sách nghị quyết',
    statuses: { 'no-tasks': 'Chưa giao nhiệm vụ', 'in-progress': 'Đang thực hiện', overdue: 'Có nhiệm vụ quá hạn', done: 'Đã hoàn thành' },
  },
}

export const casesEn: typeof casesVi = {
  title: 'Complaints and cases', petitions: "Voters' petitions", resolutions: 'Resolutions after sessions',
  commission: 'Inspection commission', office: 'Following office', none: 'No cases yet.', more: 'Show more',
  search: 'Search the subject, who it concerns, the register number', state: 'State', all: 'All', newCase: 'Take in a letter', export: 'Export register (XLSX)',
  registerNo: 'Register no.', received: 'Received', type: 'Type', source: 'Source', subject: 'Subject', summary: 'Summary', concerns: 'Organisation or member concerned',
  inspector: 'Inspector', due: 'Due', overdue: 'Overdue', sealed: 'Sealed', anonymous: 'Anonymous letter', fromBody: 'Transferred from',
  complainant: 'Sender (only the chair and the assigned inspector can see it)', fullName: 'Full name', address: 'Address', phone: 'Phone', email: 'Email',
  showIdentity: 'Show the sender', identityNote: 'Viewing is recorded in the audit trail.', save: 'Save', taken: 'Letter "{{subject}}" taken in.',
  acceptance: 'Acceptance due', handling: 'Handling due', legalLimit: '{{days}} working days under {{source}}', history: 'History', steps: 'Next steps', back: 'Case list',
  kpi: 'Handled within the limit: {{closed}} closed, {{within}} on time ({{percent}})', noKpi: 'No case closed yet.',
  types: { complaint: 'Complaint', denunciation: 'Denunciation', violation: 'Signs of violation' },
  sources: { mail: 'By post', reception: 'Reception desk', portal: 'Portal', transferred: 'Transferred from another body' },
  states: { received: 'Received', registered: 'Registered', classified: 'Classified', assigned: 'Assigned', verifying: 'Verifying', concluded: 'Concluded', measures: 'Following up', forwarded: 'Forwarded', archived: 'Filed, not handled', closed: 'Closed' },
  step: { register: 'Register', classify: 'Classify', forward: 'Forward', assign: 'Assign', extend: 'Extend', verify: 'Record verification', conclude: 'Conclude', measures: 'Discipline, measures', followUp: 'Follow up', close: 'Close the file', intake: 'Taken in', remind: 'Reminder', escalate: 'Escalated' },
  f: {
    withinCompetence: "Within the commission's competence", concreteEvidence: 'The anonymous letter names concrete evidence', note: 'Note', toUnit: 'Forward to',
    inspector: "Commission's inspector", handlingDue: 'Handling due (empty: the legal limit)', until: 'Extend until', reason: 'Reason', text: 'Text',
    founded: 'Conclusion', measure: 'Measure', executed: 'Execution complete', executionDue: 'Execution due',
  },
  foundedOptions: { founded: 'Founded', partly: 'Partly founded', unfounded: 'Unfounded' },
  measuresOptions: { none: 'No discipline', reprimand: 'Reprimand', warning: 'Warning', dismissal: 'Dismissal', expulsion: 'Expulsion', other: 'Other measure' },
  done: 'Recorded: {{step}}.', unverified: 'Configured limit, not checked against the official text',
  p: {
    newPetition: 'Record a petition', text: 'Petition', meeting: "Meeting with voters", place: 'Place', meetingOn: 'Meeting date', area: "Voters' area", topic: 'Topic',
    agency: 'Responsible agency', answerDue: 'Answer due', answer: 'Answer', result: 'Result', none: 'No petitions yet.', back: 'Petition list',
    states: { received: 'Recorded', forwarded: 'Forwarded, awaiting answer', answered: 'Answered', published: 'Published' },
    results: { solved: 'Solved', 'in-progress': 'In progress', explained: 'Explained' },
    step: { forward: 'Forward to the agency', answer: 'Record the answer', publish: 'Publish', intake: 'Recorded' },
    created: 'Petition recorded.',
  },
  r: {
    newResolution: 'Record a resolution', number: 'Number', name: 'Title', session: 'Session', adoptedOn: 'Adopted on', tasks: 'Tasks', addTask: 'Give a task',
    taskTitle: 'Task', leadUnit: 'Lead unit', deadline: 'Deadline', none: 'No resolutions yet.', noTasks: 'No tasks yet.', back: 'Resolution list',
    statuses: { 'no-tasks': 'No tasks yet', 'in-progress': 'In progress', overdue: 'A task is overdue', done: 'Done' },
  },
}

let loaded: Promise<void> | undefined
export function ensureCaseStrings(): Promise<void> {
  loaded ??= Promise.resolve().then(() => {
    i18n.addResourceBundle('vi', 'translation', { cases: casesVi }, true, true)
    i18n.addResourceBundle('en', 'translation', { cases: casesEn }, true, true)
  })
  return loaded
}
