/**
 * The public evaluation corpus: news articles about the Hanoi Party
 * Committee's digital transformation (the project's seed articles, English
 * and one German translation as a distractor) and Vietnamese documents
 * written for the evaluation (demo-style directives, resolutions and a plan,
 * one of them in another unit the evaluating user may not read).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { OFFICE } from './office.js'

export interface EvalDocument {
  key: string
  /** The unit that owns it; the evaluation user reads `eval-unit` only. */
  unitId: string
  symbol?: string
  type: string
  issuerName: string
  documentDate: string
  summary: string
  pages: string[]
}

const HERE = dirname(fileURLToPath(import.meta.url))

const ARTICLES: Record<string, { summary: string; date: string }> = {
  '000': { summary: 'Hà Nội triển khai đồng bộ hệ thống ứng dụng chuyển đổi số trong các cơ quan Đảng (bài báo, tiếng Anh)', date: '2025-02-21' },
  '001': { summary: 'Hà Nội triển khai ứng dụng chuyển đổi số (bản dịch tiếng Đức)', date: '2025-02-21' },
  '002': { summary: 'Ban Chỉ đạo 204 Thành ủy Hà Nội họp về kế hoạch chuyển đổi số (bài báo, tiếng Anh)', date: '2025-03-10' },
  '003': { summary: 'Thành ủy Hà Nội giới thiệu các ứng dụng số dùng chung ba cấp (bài báo, tiếng Anh)', date: '2025-03-03' },
  '004': { summary: 'Hội nghị chuyển đổi số trong Đảng bộ Thành phố Hồ Chí Minh (bài báo, tiếng Anh)', date: '2025-03-15' },
}

const WRITTEN: EvalDocument[] = [
  {
    key: 'ct42', unitId: 'eval-unit', symbol: '42-CT/TU', type: 'CT', issuerName: 'Thành ủy Hà Nội', documentDate: '2025-01-23',
    summary: 'về tiếp tục đẩy mạnh chuyển đổi số trong toàn Đảng bộ thành phố',
    pages: [[
      'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'THÀNH ỦY', '*', 'CHỈ THỊ', 'về tiếp tục đẩy mạnh chuyển đổi số trong toàn Đảng bộ thành phố',
      'Điều 1. Các cấp ủy, tổ chức đảng sử dụng văn bản điện tử có chữ ký số trong trao đổi văn bản giữa các cơ quan Đảng, trừ văn bản mật.',
      'Điều 2. Các đơn vị hoàn thành số hóa hồ sơ, tài liệu lưu trữ thuộc diện nộp lưu trước ngày 30 tháng 4 năm 2025.',
      'Điều 3. Mỗi cán bộ, công chức được bồi dưỡng kỹ năng số ít nhất một lần mỗi năm; người đứng đầu chịu trách nhiệm về kết quả chuyển đổi số của đơn vị.',
      'Điều 4. Văn phòng Thành ủy chủ trì theo dõi, đôn đốc việc thực hiện Chỉ thị, định kỳ hằng quý báo cáo Ban Thường vụ Thành ủy.',
    ].join('\n')],
  },
  {
    key: 'nq18', unitId: 'eval-unit', symbol: '18-NQ/TU', type: 'NQ', issuerName: 'Thành ủy Hà Nội', documentDate: '2022-12-30',
    summary: 'về nâng cao chất lượng công tác văn thư, lưu trữ trong các cơ quan Đảng của thành phố',
    pages: [[
      'I. MỤC TIÊU',
      '1. Đến năm 2025, 100% văn bản đi của các cơ quan Đảng thành phố (trừ văn bản mật) được ký số và gửi qua hệ thống.',
      '2. Mỗi cơ quan Đảng bố trí ít nhất một cán bộ văn thư được đào tạo về lưu trữ điện tử.',
      'II. NHIỆM VỤ',
      '1. Văn phòng Thành ủy hướng dẫn lập hồ sơ điện tử và nộp lưu vào Lưu trữ lịch sử của Thành ủy.',
      '2. Ban Tổ chức Thành ủy bố trí biên chế văn thư chuyên trách tại các đảng ủy phường, xã.',
    ].join('\n')],
  },
  {
    key: 'nq57', unitId: 'eval-unit', symbol: '57-NQ/TW', type: 'NQ', issuerName: 'Bộ Chính trị', documentDate: '2024-12-22',
    summary: 'về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    pages: [[
      'I. QUAN ĐIỂM CHỈ ĐẠO',
      '1. Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia là đột phá quan trọng hàng đầu, động lực chính để phát triển nhanh lực lượng sản xuất hiện đại.',
      'II. MỤC TIÊU ĐẾN NĂM 2030',
      '1. Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo đạt mức tiên tiến ở nhiều lĩnh vực quan trọng.',
      '2. Kinh tế số chiếm tối thiểu 30% GDP; tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 80%.',
    ].join('\n')],
  },
  {
    key: 'kh12', unitId: 'eval-unit', symbol: '12-KH/TU', type: 'KH', issuerName: 'Thành ủy Hà Nội', documentDate: '2025-03-05',
    summary: 'thực hiện Đề án chuyển đổi số trong các cơ quan Đảng năm 2025',
    pages: [
      ['I. MỤC ĐÍCH, YÊU CẦU', '1. Cụ thể hóa Quyết định 204-QĐ/TW của Ban Bí thư về Đề án chuyển đổi số trong các cơ quan Đảng.',
        'II. NHIỆM VỤ CỤ THỂ', '1. Văn phòng Thành ủy vận hành hệ thống họp không giấy tại 100% cuộc họp của Ban Thường vụ từ quý II năm 2025.'].join('\n'),
      ['2. Trung tâm Công nghệ thông tin bảo đảm an toàn thông tin cấp độ 3 cho hệ thống quản lý văn bản trước ngày 30 tháng 6 năm 2025.',
        '3. Các đảng ủy phường, xã cập nhật dữ liệu đảng viên lên hệ thống trước ngày 31 tháng 10 năm 2025.'].join('\n'),
    ],
  },
  {
    key: 'hd02', unitId: 'eval-unit', symbol: '02-HD/VPTW', type: 'HD', issuerName: 'Văn phòng Trung ương Đảng', documentDate: '2012-05-10',
    summary: 'về thể thức văn bản của Đảng (đã được thay thế)',
    pages: [['1. Thể thức văn bản gồm các thành phần bắt buộc và thành phần bổ sung.'].join('\n')],
  },
  {
    // Another ward's document: the evaluation user must never get it.
    key: 'hidden', unitId: 'other-unit', symbol: '77-KH/ĐU', type: 'KH', issuerName: 'Đảng ủy phường Thử nghiệm', documentDate: '2025-05-05',
    summary: 'về cải tạo hồ Ngọc Khánh',
    pages: [['Điều 1. Dự án cải tạo hồ Ngọc Khánh hoàn thành nạo vét trước ngày 15 tháng 12 năm 2025.'].join('\n')],
  },
]

export function corpus(): EvalDocument[] {
  const articles = readdirSync(join(HERE, 'corpus')).filter((f) => f.endsWith('.txt')).sort().map((f): EvalDocument => {
    const id = f.slice(0, 3)
    const meta = ARTICLES[id] ?? { summary: f, date: '2025-01-01' }
    return { key: `article-${id}`, unitId: 'eval-unit', type: 'TB', issuerName: 'Báo Kinh tế & Đô thị', documentDate: meta.date, summary: meta.summary, pages: [readFileSync(join(HERE, 'corpus', f), 'utf8')] }
  })
  return [...WRITTEN, ...OFFICE, ...articles]
}
