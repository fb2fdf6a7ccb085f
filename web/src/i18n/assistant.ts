/**
 * Strings of the assistant (panel, conversation, appraisal), vi first then
 * en, added to i18next when the assistant's code loads (it is lazy), so they
 * travel with it rather than with the first load of the app.
 */
import i18n from './index'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

export const assistantVi = {
  title: 'Trợ lý ảo',
  intro: 'Hỏi về các văn bản bạn được phép xem. Câu trả lời kèm trích dẫn số, ký hiệu và đoạn văn bản; nếu văn bản không có câu trả lời, trợ lý sẽ nói rõ.',
  question: 'Câu hỏi',
  placeholder: 'Ví dụ: Chỉ thị 42-CT/TU ban hành ngày nào?',
  send: 'Gửi câu hỏi',
  sending: 'Đang tìm câu trả lời…',
  newConversation: 'Cuộc hội thoại mới',
  you: 'Bạn hỏi',
  answer: 'Trợ lý trả lời',
  noAnswer: 'Không có câu trả lời trong văn bản',
  sources: 'Nguồn trích dẫn',
  openAt: 'Mở {{symbol}} tại {{label}}',
  page: 'trang {{page}}',
  rateUp: 'Câu trả lời hữu ích',
  rateDown: 'Câu trả lời chưa tốt',
  rated: 'Đã ghi nhận đánh giá',
  openFull: 'Mở trang trợ lý',
  cited: 'Đoạn được trợ lý trích dẫn — {{where}}',
  history: 'Các cuộc hội thoại gần đây',
  empty: 'Chưa có câu hỏi nào.',
  engine: 'Bộ trả lời: {{engine}}',
  exportRatings: 'Xuất đánh giá (XLSX)',
  exportingRatings: 'Đang xuất…',
  appraisal: {
    title: 'Hỗ trợ thẩm định dự thảo',
    intro: 'Gửi dự thảo (DOCX, PDF hoặc dán nội dung) để kiểm tra thể thức, văn bản được dẫn và tính thống nhất. Mỗi lỗi có vị trí và gợi ý sửa.',
    text: 'Nội dung dự thảo',
    file: 'Hoặc chọn tệp dự thảo (DOCX, PDF)',
    run: 'Thẩm định',
    running: 'Đang thẩm định…',
    draft: 'Dự thảo',
    findings: 'Kết quả thẩm định',
    none: 'Không phát hiện lỗi theo các quy tắc đã kiểm tra.',
    counts: 'Thể thức: {{format}} · Dẫn chiếu: {{citation}} · Thống nhất: {{consistency}} · Gợi ý nội dung: {{substance}}',
    location: 'Trang {{page}}, dòng {{line}}',
    fix: 'Gợi ý sửa',
    categories: { format: 'Thể thức', citation: 'Văn bản được dẫn', consistency: 'Tính thống nhất', substance: 'Nội dung (gợi ý)' },
    severities: { error: 'Lỗi', warning: 'Cần xem lại', suggestion: 'Gợi ý' },
    line: 'Dòng {{line}}',
  },
}

export const assistantEn: Shape<typeof assistantVi> = {
  title: 'Virtual assistant',
  intro: 'Ask about the documents you may read. Answers cite the symbol and the passage; when the documents do not hold the answer, the assistant says so.',
  question: 'Question',
  placeholder: 'E.g. When was Directive 42-CT/TU issued?',
  send: 'Send question',
  sending: 'Looking for the answer…',
  newConversation: 'New conversation',
  you: 'You asked',
  answer: 'Assistant',
  noAnswer: 'Not in the documents',
  sources: 'Sources',
  openAt: 'Open {{symbol}} at {{label}}',
  page: 'page {{page}}',
  rateUp: 'Helpful answer',
  rateDown: 'Poor answer',
  rated: 'Rating saved',
  openFull: 'Open the assistant page',
  cited: 'Passage cited by the assistant — {{where}}',
  history: 'Recent conversations',
  empty: 'No questions yet.',
  engine: 'Answered by: {{engine}}',
  exportRatings: 'Export ratings (XLSX)',
  exportingRatings: 'Exporting…',
  appraisal: {
    title: 'Draft appraisal',
    intro: 'Submit a draft (DOCX, PDF or pasted text) to check its format, the documents it cites and its consistency. Each finding has its place and a suggested fix.',
    text: 'Draft text',
    file: 'Or choose a draft file (DOCX, PDF)',
    run: 'Appraise',
    running: 'Appraising…',
    draft: 'Draft',
    findings: 'Findings',
    none: 'No problems found by the rules checked.',
    counts: 'Format: {{format}} · Citations: {{citation}} · Consistency: {{consistency}} · Substance suggestions: {{substance}}',
    location: 'Page {{page}}, line {{line}}',
    fix: 'Suggested fix',
    categories: { format: 'Format', citation: 'Cited documents', consistency: 'Consistency', substance: 'Substance (suggestion)' },
    severities: { error: 'Error', warning: 'Check', suggestion: 'Suggestion' },
    line: 'Line {{line}}',
  },
}

i18n.addResourceBundle('vi', 'translation', { assistant: assistantVi }, true, true)
i18n.addResourceBundle('en', 'translation', { assistant: assistantEn }, true, true)
