/**
 * Test corpus: Vietnamese Party documents rendered as scans with known ground
 * truth (format guide 36-HD/VPTW: header columns, number and symbol, place
 * and date, type and summary, body, signing block with a signature and a red
 * seal, recipients; optionally a MẬT mark), at several qualities. Used by the
 * archives tests (a few pages) and by the bench (more).
 */
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import UTIF from 'utif2'
import { loadImage } from '@napi-rs/canvas'
import type { Confidentiality } from '../../../shared/documents/confidentiality.js'

const require = createRequire(import.meta.url)
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
GlobalFonts.registerFromPath(join(fontDir, 'DejaVuSerif.ttf'), 'CorpusSerif')
GlobalFonts.registerFromPath(join(fontDir, 'DejaVuSerif-Bold.ttf'), 'CorpusSerifBold')
GlobalFonts.registerFromPath(join(fontDir, 'DejaVuSerif-Italic.ttf'), 'CorpusSerifItalic')

export const QUALITIES = ['clean', 'dpi200', 'skewed', 'noisy'] as const
export type Quality = (typeof QUALITIES)[number]

export interface CorpusDocument {
  superior: string
  issuerBody: string
  number: number
  typeCode: string
  typeTitle: string
  issuerCode: string
  place: string
  date: string
  summary: string
  body: string[]
  authority: string
  title: string
  signer: string
  confidentiality: Confidentiality
}

/** What the extraction should find, in the form the pipeline reports it. */
export interface GroundTruth {
  fields: { issuer: string; symbol: string; date: string; type: string; summary: string | null; signer: string; confidentiality: Confidentiality }
  /** Every line of text printed on the page, in reading order. */
  text: string
}

const pad2 = (n: number) => String(n).padStart(2, '0')
export const symbolOf = (d: CorpusDocument) => `${pad2(d.number)}-${d.typeCode}/${d.issuerCode}`
export function dateLine(d: CorpusDocument): string {
  const [y, m, day] = d.date.split('-')
  return `${d.place}, ngày ${day} tháng ${m} năm ${y}`
}

export function groundTruth(d: CorpusDocument): GroundTruth {
  const lines = [
    d.superior, 'ĐẢNG CỘNG SẢN VIỆT NAM', d.issuerBody, '*', `Số ${symbolOf(d)}`, dateLine(d),
    ...(d.confidentiality !== 'none' ? [MARK_TEXT[d.confidentiality]] : []),
    ...(d.typeCode === 'CV' ? [`V/v ${d.summary}`] : [d.typeTitle, d.summary]),
    // The signing block shares its rows with the recipients, left column first.
    ...d.body, `Nơi nhận: ${d.authority}`, `- Như trên, ${d.title}`, '- Lưu Văn phòng.', d.signer,
  ]
  return {
    fields: {
      issuer: `${d.superior} / ${d.issuerBody}`, symbol: symbolOf(d), date: d.date, type: d.typeCode,
      summary: d.summary, signer: d.signer, confidentiality: d.confidentiality,
    },
    text: lines.join('\n'),
  }
}

const MARK_TEXT: Record<Confidentiality, string> = { none: '', mat: 'MẬT', 'toi-mat': 'TỐI MẬT', 'tuyet-mat': 'TUYỆT MẬT' }

/** Deterministic pseudo-random numbers (so a corpus is the same on every run). */
export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32 }
}

const DPI: Record<Quality, number> = { clean: 150, dpi200: 200, skewed: 150, noisy: 150 }

/** Renders one A4 page of the document as a PNG at the given quality. */
export function renderPage(d: CorpusDocument, quality: Quality, seed = 1): Buffer {
  const dpi = DPI[quality]
  const k = dpi / 150
  const w = Math.round(1240 * k)
  const h = Math.round(1754 * k)
  const canvas = createCanvas(w, h)
  const g = canvas.getContext('2d')
  g.fillStyle = quality === 'noisy' ? '#f1efe8' : '#ffffff'
  g.fillRect(0, 0, w, h)
  if (quality === 'skewed') { g.translate(w / 2, h / 2); g.rotate((1.6 * Math.PI) / 180); g.translate(-w / 2, -h / 2) }
  g.scale(k, k)
  drawDocument(g, d)
  if (quality === 'noisy') addNoise(g, w, h, rng(seed))
  return canvas.toBuffer('image/png')
}

function text(g: SKRSContext2D, s: string, x: number, y: number, opts: { size?: number; bold?: boolean; italic?: boolean; align?: 'left' | 'center' | 'right'; color?: string } = {}) {
  g.font = `${opts.size ?? 26}px ${opts.bold ? 'CorpusSerifBold' : opts.italic ? 'CorpusSerifItalic' : 'CorpusSerif'}`
  g.textAlign = opts.align ?? 'left'
  g.fillStyle = opts.color ?? '#111111'
  g.fillText(s, x, y)
}

function drawDocument(g: SKRSContext2D, d: CorpusDocument) {
  const left = 110
  const leftMid = 330
  const rightMid = 860
  // Header: issuing body (left), national header (right), on one row each.
  text(g, d.superior, leftMid, 130, { size: 24, align: 'center' })
  text(g, 'ĐẢNG CỘNG SẢN VIỆT NAM', rightMid, 130, { size: 26, bold: true, align: 'center' })
  text(g, d.issuerBody, leftMid, 172, { size: 26, bold: true, align: 'center' })
  g.fillRect(rightMid - 170, 142, 340, 2)
  text(g, '*', leftMid, 206, { size: 24, align: 'center' })
  text(g, `Số ${symbolOf(d)}`, leftMid, 250, { size: 26, align: 'center' })
  text(g, dateLine(d), rightMid + 40, 250, { size: 26, italic: true, align: 'center' })
  let y = 330
  if (d.confidentiality !== 'none') {
    // The mark is stamped in red ink, clear of the text around it.
    text(g, MARK_TEXT[d.confidentiality], left + 170, y, { size: 32, bold: true, align: 'center', color: '#8a0000' })
    y += 90
  }
  if (d.typeCode === 'CV') {
    text(g, `V/v ${d.summary}`, leftMid, y, { size: 24, align: 'center' })
    y += 90
  } else {
    text(g, d.typeTitle, 620, y + 10, { size: 34, bold: true, align: 'center' })
    text(g, d.summary, 620, y + 56, { size: 26, bold: true, align: 'center' })
    g.fillRect(560, y + 74, 120, 2)
    y += 150
  }
  for (const para of d.body) {
    for (const line of wrap(g, para, 1020)) { text(g, line, left, y, { size: 26 }); y += 42 }
    y += 12
  }
  // Signing block: authority, title, signature, seal, name.
  y = Math.max(y + 40, 1250)
  const sx = 900
  text(g, d.authority, sx, y, { size: 26, bold: true, align: 'center' })
  text(g, d.title, sx, y + 38, { size: 26, bold: true, align: 'center' })
  g.strokeStyle = 'rgba(200,20,20,0.55)'; g.lineWidth = 5
  g.beginPath(); g.arc(sx - 90, y + 130, 85, 0, Math.PI * 2); g.stroke()
  g.beginPath(); g.arc(sx - 90, y + 130, 60, 0, Math.PI * 2); g.stroke()
  g.strokeStyle = '#1a2a8a'; g.lineWidth = 3
  g.beginPath(); g.moveTo(sx - 120, y + 150); g.bezierCurveTo(sx - 60, y + 70, sx, y + 190, sx + 90, y + 110); g.stroke()
  text(g, d.signer, sx, y + 270, { size: 28, bold: true, align: 'center' })
  text(g, 'Nơi nhận:', left, y, { size: 22, bold: true, italic: true })
  text(g, '- Như trên,', left, y + 32, { size: 22 })
  text(g, '- Lưu Văn phòng.', left, y + 62, { size: 22 })
}

function wrap(g: SKRSContext2D, s: string, width: number): string[] {
  g.font = '26px CorpusSerif'
  const out: string[] = []
  let line = ''
  for (const word of s.split(' ')) {
    const next = line ? `${line} ${word}` : word
    if (g.measureText(next).width > width && line) { out.push(line); line = word } else line = next
  }
  if (line) out.push(line)
  return out
}

function addNoise(g: SKRSContext2D, w: number, h: number, rand: () => number) {
  g.setTransform(1, 0, 0, 1, 0, 0)
  for (let i = 0; i < (w * h) / 250; i++) {
    g.fillStyle = rand() < 0.5 ? 'rgba(0,0,0,0.35)' : 'rgba(255,255,255,0.6)'
    g.fillRect(rand() * w, rand() * h, 1 + rand() * 2, 1 + rand() * 2)
  }
}

/** A page without any text (a blank sheet fed through the scanner). */
export function blankPage(): Buffer {
  const c = createCanvas(620, 877)
  const g = c.getContext('2d')
  g.fillStyle = '#ffffff'; g.fillRect(0, 0, 620, 877)
  return c.toBuffer('image/png')
}

/** An image-only PDF (a scanner's output): one page per PNG, no text layer. */
export async function scannedPdf(pngs: Buffer[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  for (const png of pngs) {
    const img = await pdf.embedPng(png)
    const page = pdf.addPage([595.28, 841.89])
    page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 })
  }
  return pdf.save()
}

/** A one-page uncompressed RGBA TIFF of a PNG page (as a flatbed scanner may write it). */
export async function tiffOf(png: Buffer): Promise<Uint8Array> {
  const img = await loadImage(png)
  const c = createCanvas(img.width, img.height)
  const g = c.getContext('2d')
  g.drawImage(img, 0, 0)
  const rgba = g.getImageData(0, 0, img.width, img.height).data
  return new Uint8Array(UTIF.encodeImage(new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength), img.width, img.height))
}

const SUPERIORS = ['ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'ĐẢNG BỘ PHƯỜNG HOÀN KIẾM', 'ĐẢNG BỘ PHƯỜNG BA ĐÌNH']
const BODIES: [string, string][] = [['THÀNH ỦY', 'TU'], ['ĐẢNG ỦY', 'ĐU'], ['BAN THƯỜNG VỤ', 'TU']]
const KINDS: { code: string; title: string; summary: string }[] = [
  { code: 'CT', title: 'CHỈ THỊ', summary: 'về tăng cường công tác chuyển đổi số' },
  { code: 'NQ', title: 'NGHỊ QUYẾT', summary: 'về phát triển kinh tế số năm 2024' },
  { code: 'KH', title: 'KẾ HOẠCH', summary: 'thực hiện số hóa hồ sơ lưu trữ' },
  { code: 'BC', title: 'BÁO CÁO', summary: 'kết quả công tác kiểm tra giám sát' },
  { code: 'CV', title: 'CÔNG VĂN', summary: 'triển khai học tập nghị quyết' },
]
const SIGNERS = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Đức Dũng', 'Vũ Thị Hương']
const BODY = [
  'Thực hiện chủ trương của Trung ương về chuyển đổi số trong các cơ quan đảng, Ban Thường vụ yêu cầu các cấp ủy, tổ chức đảng quán triệt và triển khai thực hiện tốt các nhiệm vụ sau đây.',
  'Các đồng chí bí thư cấp ủy chịu trách nhiệm trước cấp ủy cấp trên về kết quả thực hiện, định kỳ báo cáo tiến độ hằng quý.',
]

/** The n-th document of a deterministic corpus. */
export function corpusDocument(n: number, confidentiality: Confidentiality = 'none'): CorpusDocument {
  const r = rng(n + 17)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
  const kind = KINDS[n % KINDS.length]
  const [body, code] = pick(BODIES)
  const month = 1 + Math.floor(r() * 12)
  const day = 1 + Math.floor(r() * 28)
  return {
    superior: pick(SUPERIORS), issuerBody: body, issuerCode: code, number: 1 + Math.floor(r() * 300),
    typeCode: kind.code, typeTitle: kind.title, place: 'Hà Nội', date: `2024-${pad2(month)}-${pad2(day)}`,
    summary: kind.summary, body: BODY, authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: pick(SIGNERS), confidentiality,
  }
}
