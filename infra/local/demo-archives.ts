/**
 * Demo archives of the embedded runtime, so the archives pages open
 * populated: the fonds of Hoàn Kiếm ward with two files of digitised
 * documents (one waiting in the verification queue: its scan carries no
 * date nor signer), and the fonds of the former Hàng Bạc ward committee
 * (merged into Hoàn Kiếm on 1 July 2025), ready for the handover wizard.
 *
 * The documents go through the digitisation pipeline's own steps (read each
 * page, assemble the batch: text layer, metadata extraction, register), run
 * in turn here because the workflow engine starts after the seed. The scans
 * are born-digital PDFs, so no OCR runs and the seed stays fast.
 */
import { randomUUID } from 'node:crypto'
import { PDFDocument, rgb } from 'pdf-lib'
import type { ArchiveFile, Batch, ScanSource } from '../../shared/archives/contracts.js'
import { Transaction } from '../../functions/lib/adapters/transaction.js'
import { embedFonts } from '../../functions/lib/signing/fonts.js'
import { files } from '../../functions/lib/adapters/blobs.js'
import { batchItem, fileItem } from '../../functions/archives/adapters/store.js'
import { objectKeys } from '../../shared/table/objects.js'
import { assembleBatch, PIPELINE_ACTOR, readPage } from '../../functions/archives/usecases/pipeline.js'
import { sha256 } from '../../functions/lib/hash.js'
import { fileRetention, retentionClassOn } from '../../shared/archives/retention.js'
import { renderDocumentPdf, type DemoPdf } from './demo-documents.js'

interface DemoScan { pdf: DemoPdf; symbol?: string; dateLine?: string }
/** `retentionClass`: the file plan's class (shared/archives/retention.ts); `closedYear`: a file closed that year. */
interface DemoFile { unitId: string; code: string; title: string; startYear: number; endYear?: number; retentionClass: string; closedYear?: number; scans: DemoScan[] }

const HK = { superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'ĐẢNG ỦY PHƯỜNG HOÀN KIẾM' }
const HB = { superior: 'ĐẢNG BỘ QUẬN HOÀN KIẾM', issuer: 'ĐẢNG ỦY PHƯỜNG HÀNG BẠC' }
const signer = (name: string, title = 'T/M ĐẢNG ỦY\nBÍ THƯ') => ({ title, name })

export const DEMO_ARCHIVE_FILES: DemoFile[] = [
  {
    unitId: 'p-hoankiem', code: 'HS-2025-01', title: 'Nghị quyết, chỉ thị của Đảng ủy phường năm 2025', startYear: 2025, retentionClass: '01.02', scans: [
      {
        symbol: 'Số 03-NQ/ĐU', dateLine: 'Hoàn Kiếm, ngày 15 tháng 8 năm 2025',
        pdf: { ...HK, typeName: 'NGHỊ QUYẾT', summary: 'về nhiệm vụ chuyển đổi số của Đảng bộ phường đến năm 2030', body: ['Văn bản mẫu phục vụ trình diễn hệ thống Văn phòng số.', '1. Hoàn thành số hóa hồ sơ lưu trữ của các chi bộ trực thuộc.', '2. 100% văn bản đi của Đảng ủy phường được ký số, trừ văn bản mật.'], signer: signer('Đỗ Minh Hoàng') },
      },
      {
        symbol: 'Số 05-CT/ĐU', dateLine: 'Hoàn Kiếm, ngày 02 tháng 9 năm 2025',
        pdf: { ...HK, typeName: 'CHỈ THỊ', summary: 'về tăng cường công tác văn thư, lưu trữ trong các chi bộ', body: ['Văn bản mẫu phục vụ trình diễn hệ thống Văn phòng số.', 'Các chi bộ lập hồ sơ công việc và nộp lưu đúng hạn.'], signer: signer('Đỗ Minh Hoàng') },
      },
      {
        // No date nor signer on the scan: it waits for a clerk in the verification queue.
        symbol: 'Số 12-BC/ĐU',
        pdf: { ...HK, typeName: 'BÁO CÁO', summary: 'sơ kết công tác xây dựng Đảng quý III năm 2025', body: ['Văn bản mẫu phục vụ trình diễn hệ thống Văn phòng số: bản chụp thiếu ngày tháng và chữ ký.'] },
      },
    ],
  },
  {
    unitId: 'p-hoankiem', code: 'HS-2025-02', title: 'Kế hoạch công tác của Đảng ủy phường năm 2025', startYear: 2025, retentionClass: '01.03', scans: [
      {
        symbol: 'Số 08-KH/ĐU', dateLine: 'Hoàn Kiếm, ngày 20 tháng 7 năm 2025',
        pdf: { ...HK, typeName: 'KẾ HOẠCH', summary: 'tổ chức đại hội chi bộ trực thuộc nhiệm kỳ 2025 - 2027', body: ['Văn bản mẫu phục vụ trình diễn hệ thống Văn phòng số.'], signer: signer('Đỗ Minh Hoàng', 'T/M ĐẢNG ỦY\nPHÓ BÍ THƯ') },
      },
    ],
  },
  {
    unitId: 'hk-du-hangbac', code: 'HS-2024-07', title: 'Nghị quyết của Đảng ủy phường Hàng Bạc năm 2024', startYear: 2024, endYear: 2024, retentionClass: '01.02', closedYear: 2024, scans: [
      {
        symbol: 'Số 21-NQ/ĐU', dateLine: 'Hàng Bạc, ngày 18 tháng 12 năm 2024',
        pdf: { ...HB, typeName: 'NGHỊ QUYẾT', summary: 'về phương hướng, nhiệm vụ năm 2025 của Đảng bộ phường', body: ['Văn bản mẫu phục vụ trình diễn hệ thống Văn phòng số.'], signer: signer('Trần Văn Bạc') },
      },
    ],
  },
  {
    unitId: 'hk-du-hangbac', code: 'HS-2025-01', title: 'Hồ sơ sáp nhập Đảng bộ phường Hàng Bạc', startYear: 2025, endYear: 2025, retentionClass: '03.02', closedYear: 2025, scans: [
      {
        symbol: 'Số 02-BC/ĐU', dateLine: 'Hàng Bạc, ngày 25 tháng 6 năm 2025',
        pdf: { ...HB, typeName: 'BÁO CÁO', summary: 'tổng kết hoạt động của Đảng bộ phường Hàng Bạc trước khi sáp nhập', body: ['Văn bản mẫu phục vụ trình diễn hệ thống Văn phòng số.'], signer: signer('Trần Văn Bạc') },
      },
    ],
  },
  {
    // Routine correspondence of 2019 (5 years, closed 2019): due for destruction since 1/1/2025 — the archivist's year's list shows it.
    unitId: 'p-hoankiem', code: 'HS-2019-04', title: 'Công văn, giấy mời thông thường của Đảng ủy phường năm 2019', startYear: 2019, endYear: 2019, retentionClass: '04.01', closedYear: 2019, scans: [
      {
        symbol: 'Số 41-CV/ĐU', dateLine: 'Hoàn Kiếm, ngày 12 tháng 3 năm 2019',
        pdf: { ...HK, typeName: 'CÔNG VĂN', summary: 'về việc mời dự hội nghị giao ban công tác văn phòng quý I năm 2019', body: ['Văn bản mẫu phục vụ trình diễn hệ thống Văn phòng số: hồ sơ đã hết thời hạn bảo quản.'], signer: signer('Đỗ Minh Hoàng') },
      },
    ],
  },
]

/** The demo PDF with the number and the place-and-date line printed where the issuing office stamps them. */
export async function demoScanPdf(scan: DemoScan): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await renderDocumentPdf(scan.pdf))
  const fonts = await embedFonts(doc, ['regular', 'oblique'] as const)
  const page = doc.getPage(0)
  const centre = (text: string, font: typeof fonts.regular, cx: number) =>
    page.drawText(text, { x: cx - font.widthOfTextAtSize(text, 11) / 2, y: 742, size: 11, font, color: rgb(0, 0, 0) })
  if (scan.symbol) centre(scan.symbol, fonts.regular, 190)
  if (scan.dateLine) centre(scan.dateLine, fonts.oblique, 390)
  return doc.save()
}

/** Writes the demo files and digitises their scans; returns the counts. */
export async function seedDemoArchives(): Promise<{ files: number; documents: number; toVerify: number }> {
  let documents = 0
  let toVerify = 0
  for (const [i, d] of DEMO_ARCHIVE_FILES.entries()) {
    const at = new Date()
    const file: ArchiveFile = {
      fileId: `${d.unitId}.fdemo${i + 1}`, unitId: d.unitId, code: d.code, title: d.title, startYear: d.startYear,
      ...(d.endYear !== undefined ? { endYear: d.endYear } : {}), retention: fileRetention(retentionClassOn(d.retentionClass, '2025-07-01')!), custodianUnitId: d.unitId, custody: [],
      status: d.closedYear ? 'closed' : 'open', ...(d.closedYear ? { closedYear: d.closedYear } : {}), pages: 0, documents: 0, verifiedDocuments: 0, createdBy: { userId: PIPELINE_ACTOR.userId, fullName: PIPELINE_ACTOR.name },
      createdAt: at.toISOString(), version: 1,
    }
    const sources: ScanSource[] = []
    for (const scan of d.scans) {
      const bytes = await demoScanPdf(scan)
      const objectKey = objectKeys.archiveUpload(PIPELINE_ACTOR.userId, randomUUID(), 'pdf')
      await files.put(objectKey, bytes, 'application/pdf')
      sources.push({ objectKey, fileName: `${scan.symbol ?? 'ban-chup'}.pdf`, kind: 'pdf', pages: 1, size: bytes.length, sha256: sha256(bytes) })
    }
    const batch: Batch = {
      batchId: `${d.unitId}.bdemo${i + 1}`, unitId: d.unitId, fileId: file.fileId, sources, pageCount: sources.length, status: 'running',
      createdBy: file.createdBy, createdAt: at.toISOString(), version: 1,
    }
    await new Transaction().put(fileItem(file), { expectVersion: 'new' }).put(batchItem(batch), { expectVersion: 'new' })
      .audit({ unitId: d.unitId, action: 'archive.createFile', target: file.fileId, details: { code: file.code, title: file.title, seed: true } })
      .audit({ unitId: d.unitId, action: 'archive.startBatch', target: batch.batchId, details: { fileId: file.fileId, pages: batch.pageCount, files: sources.length, seed: true } })
      .commit(PIPELINE_ACTOR)
    for (let p = 0; p < sources.length; p++) await readPage({ batchId: batch.batchId, pageNo: p + 1, source: p, index: 0 })
    const done = await assembleBatch({ batchId: batch.batchId })
    documents += done.documents
    toVerify += done.toVerify
  }
  return { files: DEMO_ARCHIVE_FILES.length, documents, toVerify }
}
