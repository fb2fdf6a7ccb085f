/**
 * Demo documents of the embedded runtime, written through the same use cases
 * (and so the same transactions, counters and audit entries) the API uses,
 * as the "system" actor: incoming resolutions and directives in the
 * registers of the city and a ward, and one MẬT entry with metadata only.
 * Also the small PDF generator the demo and the tests use (pdf-lib + DejaVu
 * for Vietnamese).
 */
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib'
import { wrap } from '../../functions/lib/signing/fonts.js'
import type { Actor } from '../../shared/auth/policy.js'
import { objectKeys } from '../../shared/table/objects.js'
import { ENTITY, keys, SCHEMA_VERSION } from '../../shared/table/keys.js'
import type { OutsideAgency } from '../../shared/mail/agencies.js'
import { putItem } from '../../functions/lib/adapters/items.js'
import type { RegisterIncomingBody } from '../../shared/documents/contracts.js'
import { orgContext } from '../../functions/org/usecases/context.js'
import { files } from '../../functions/lib/adapters/blobs.js'
import { completeDocument, registerIncoming, writeDirection } from '../../functions/documents/usecases/incoming.js'

export interface DemoPdf {
  /** Line 1 of the issuing-body block (the superior body), e.g. "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI". */
  superior: string
  /** Line 2: the issuing body, e.g. "THÀNH ỦY". */
  issuer: string
  /** Type name in capitals, e.g. "NGHỊ QUYẾT". */
  typeName: string
  summary: string
  body: string[]
  signer?: { title: string; name: string }
  recipients?: string[]
  /** A confidentiality stamp under the number ("MẬT", "TỐI MẬT"), as offices print it: for the tests that such content is refused. */
  mark?: string
}

const fontFile = (name: string) => join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf', name)

/**
 * An A4 Party document laid out after 36-HD/VPTW: header, issuing body with
 * its star, room for the number and date (stamped when issued), type and
 * summary, body, signature block and recipients.
 */
export async function renderDocumentPdf(d: DemoPdf): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const regular = await doc.embedFont(await readFile(fontFile('DejaVuSans.ttf')), { subset: true })
  const bold = await doc.embedFont(await readFile(fontFile('DejaVuSans-Bold.ttf')), { subset: true })
  const page = doc.addPage([595.28, 841.89])
  const ink = rgb(0, 0, 0)
  const centre = (text: string, font: PDFFont, size: number, cx: number, y: number) =>
    page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: ink })
  const left = 85, right = 552, leftCol = 190, rightCol = 390
  centre(d.superior, regular, 11, leftCol, 790)
  centre(d.issuer, bold, 11, leftCol, 776)
  centre('*', regular, 11, leftCol, 763)
  if (d.mark) centre(d.mark, bold, 13, leftCol, 722)
  centre('ĐẢNG CỘNG SẢN VIỆT NAM', bold, 12, rightCol, 790)
  page.drawLine({ start: { x: rightCol - 80, y: 786 }, end: { x: rightCol + 80, y: 786 }, thickness: 0.5, color: ink })
  centre(d.typeName, bold, 14, 297, 690)
  let y = 672
  for (const line of wrap(d.summary, bold, 12, 400)) { centre(line, bold, 12, 297, y); y -= 16 }
  centre('-----', regular, 11, 297, y); y -= 26
  for (const paragraph of d.body) {
    for (const line of wrap(paragraph, regular, 11.5, right - left)) { page.drawText(line, { x: left, y, size: 11.5, font: regular, color: ink }); y -= 16 }
    y -= 6
  }
  y = Math.min(y - 10, 300)
  if (d.signer) {
    for (const line of d.signer.title.split('\n')) { centre(line, bold, 11.5, 420, y); y -= 15 }
    centre(d.signer.name, bold, 11.5, 420, y - 90)
  }
  let ry = Math.min(y, 300)
  page.drawText('Nơi nhận:', { x: left, y: ry, size: 10, font: bold, color: ink })
  for (const r of d.recipients ?? ['- Như trên,', '- Lưu Văn phòng.']) { ry -= 13; page.drawText(r, { x: left, y: ry, size: 9.5, font: regular, color: ink }) }
  return doc.save()
}

const SEED_ACTOR: Actor = {
  userId: 'system', username: 'system', fullName: 'Digital Office (dữ liệu mẫu)', clearance: 'top-secret', mfa: true,
  assignments: [{ unitId: 'hn-tu', role: 'admin' }],
}

async function upload(pdf: Uint8Array): Promise<{ objectKey: string; fileName: string }> {
  const objectKey = objectKeys.documentUpload(SEED_ACTOR.userId, randomUUID(), 'pdf')
  await files.put(objectKey, pdf, 'application/pdf')
  return { objectKey, fileName: 'van-ban.pdf' }
}

interface DemoIncoming { body: Omit<RegisterIncomingBody, 'file' | 'urgency' | 'confidentiality'> & Partial<Pick<RegisterIncomingBody, 'urgency' | 'confidentiality'>>; pdf?: DemoPdf; direction?: string; done?: boolean }

const DEMO_INCOMING: DemoIncoming[] = [
  {
    body: {
      unitId: 'hn-tu', symbol: '57-NQ/TW', issuerName: 'Bộ Chính trị', documentDate: '2024-12-22', receivedDate: '2024-12-24',
      summary: 'Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    },
    pdf: {
      superior: 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuer: 'BỘ CHÍNH TRỊ', typeName: 'NGHỊ QUYẾT',
      summary: 'về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
      body: [
        'Bản mẫu phục vụ trình diễn hệ thống Văn phòng số: tóm lược, không phải toàn văn nghị quyết.',
        'I. QUAN ĐIỂM CHỈ ĐẠO',
        '1. Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia là đột phá quan trọng hàng đầu, động lực chính để phát triển nhanh lực lượng sản xuất hiện đại.',
        'II. MỤC TIÊU ĐẾN NĂM 2030',
        '1. Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo đạt mức tiên tiến ở nhiều lĩnh vực quan trọng.',
        '2. Kinh tế số chiếm tối thiểu 30% GDP; tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 80%.',
      ],
    },
    direction: 'Giao Văn phòng Thành ủy chủ trì tham mưu chương trình hành động thực hiện Nghị quyết.',
    done: true,
  },
  {
    body: {
      unitId: 'p-hoankiem', symbol: '42-CT/TU', issuerName: 'Thành ủy Hà Nội', documentDate: '2025-01-23', receivedDate: '2025-07-02',
      summary: 'Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác chuyển đổi số trong các cơ quan Đảng (dữ liệu mẫu)',
    },
    pdf: {
      superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'THÀNH ỦY', typeName: 'CHỈ THỊ',
      summary: 'về tăng cường sự lãnh đạo của Đảng đối với công tác chuyển đổi số trong các cơ quan Đảng',
      body: [
        'Văn bản mẫu phục vụ trình diễn hệ thống Văn phòng số.',
        'Điều 1. Các cấp ủy, tổ chức đảng sử dụng văn bản điện tử có chữ ký số trong trao đổi văn bản giữa các cơ quan Đảng, trừ văn bản mật.',
        'Điều 2. Các đơn vị hoàn thành số hóa hồ sơ, tài liệu lưu trữ thuộc diện nộp lưu trước ngày 30 tháng 4 năm 2025.',
        'Điều 3. Mỗi cán bộ, công chức được bồi dưỡng kỹ năng số ít nhất một lần mỗi năm; người đứng đầu chịu trách nhiệm về kết quả chuyển đổi số của đơn vị.',
        'Điều 4. Văn phòng Thành ủy chủ trì theo dõi, đôn đốc việc thực hiện Chỉ thị, định kỳ hằng quý báo cáo Ban Thường vụ Thành ủy.',
      ],
    },
  },
  {
    body: {
      unitId: 'hn-vptu', symbol: 'Số 18 NQ/TU', issuerName: 'Thành ủy Hà Nội', documentDate: '2022-12-30', receivedDate: '2023-01-03',
      summary: 'Nghị quyết về nâng cao chất lượng công tác văn thư, lưu trữ trong các cơ quan Đảng của thành phố (dữ liệu mẫu)',
    },
    pdf: {
      superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'THÀNH ỦY', typeName: 'NGHỊ QUYẾT',
      summary: 'về nâng cao chất lượng công tác văn thư, lưu trữ trong các cơ quan Đảng của thành phố',
      body: [
        'Văn bản mẫu phục vụ trình diễn hệ thống Văn phòng số.',
        'I. MỤC TIÊU',
        '1. Đến năm 2025, 100% văn bản đi của các cơ quan Đảng thành phố (trừ văn bản mật) được ký số và gửi qua hệ thống.',
        '2. Mỗi cơ quan Đảng bố trí ít nhất một cán bộ văn thư được đào tạo về lưu trữ điện tử.',
        'II. NHIỆM VỤ',
        '1. Văn phòng Thành ủy hướng dẫn lập hồ sơ điện tử và nộp lưu vào Lưu trữ lịch sử của Thành ủy.',
      ],
    },
    direction: 'Văn phòng triển khai, báo cáo kết quả.',
    done: true,
  },
  {
    // Classified: a register entry only, no content; visible to users cleared for MẬT.
    body: {
      unitId: 'hn-vptu', symbol: '05-CV/BTCTW', issuerName: 'Ban Tổ chức Trung ương', documentDate: '2025-11-10', receivedDate: '2025-11-12',
      summary: 'Công văn về công tác bảo vệ chính trị nội bộ (dữ liệu mẫu)', confidentiality: 'mat', urgency: 'khan',
    },
  },
]

/** Agencies outside the platform that documents can be mailed to (addresses at example domains: the local SMTP server keeps what is sent). */
export const DEMO_AGENCIES: OutsideAgency[] = [
  { agencyId: 'ubnd-hanoi', name: 'Văn phòng UBND thành phố Hà Nội', addresses: ['vanthu@ubnd-hanoi.example.vn'] },
  { agencyId: 'so-noivu', name: 'Sở Nội vụ Hà Nội', addresses: ['vanthu@sonoivu-hanoi.example.vn', 'lanhdao@sonoivu-hanoi.example.vn'] },
  { agencyId: 'cong-an-hk', name: 'Công an phường Hoàn Kiếm', addresses: ['vanthu@ca-hoankiem.example.vn'] },
]

export async function seedDemoDocuments(): Promise<void> {
  for (const a of DEMO_AGENCIES) await putItem({ ...keys.outsideAgency(a.agencyId), entity: ENTITY.outsideAgency, schemaVersion: SCHEMA_VERSION, ...a })
  const ctx = orgContext(SEED_ACTOR, 'seed')
  for (const d of DEMO_INCOMING) {
    const file = d.pdf ? await upload(await renderDocumentPdf(d.pdf)) : undefined
    const { document } = await registerIncoming(ctx, { urgency: 'normal', confidentiality: 'none', ...d.body, ...(file ? { file } : {}) })
    if (d.direction) {
      const directed = await writeDirection(ctx, document.documentId, { text: d.direction, coordinatingUnitIds: [], ...(d.body.unitId === 'hn-tu' ? { leadUnitId: 'hn-vptu' } : {}) })
      if (d.done) await completeDocument(ctx, directed.document.documentId, 'Đã triển khai (dữ liệu mẫu)')
    }
  }
}
