/**
 * Incremental updates (ISO 32000-1 §7.5.6). A signature covers the bytes of
 * the file as they were when it was made, so anything added later — the
 * organisation's seal after the signer's signature — must be appended, never
 * rewritten. pdf-lib only saves whole files; this module lets code change a
 * loaded document with pdf-lib and then appends just the objects that changed
 * or are new, with a cross-reference section pointing back at the previous one.
 *
 * Changes to existing streams are not detected (signing never edits them).
 */
import { PDFDocument, PDFStream, type PDFObject, type PDFRef } from 'pdf-lib'
import { RuleError } from '../../../shared/errors/index.js'
import { loadPdf } from './stamp.js'

export interface IncrementalUpdate {
  readonly doc: PDFDocument
  /** The original bytes, untouched, followed by one update holding every object added or changed since opening. */
  save(): Uint8Array
}

interface PreviousSection { offset: number; stream: boolean; size: number }

export async function openForUpdate(original: Uint8Array): Promise<IncrementalUpdate> {
  const doc = await loadPdf(original)
  const previous = previousSection(original)
  const context = doc.context
  // Object numbers of cross-reference streams and freed objects are not in pdf-lib's table: never reuse them.
  context.largestObjectNumber = Math.max(context.largestObjectNumber, previous.size - 1)
  const firstNew = context.largestObjectNumber + 1
  const before = new Map<string, string>()
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFStream)) before.set(ref.tag, object.toString())
  }

  return {
    doc,
    save() {
      const changed = context.enumerateIndirectObjects().filter(([ref, object]) =>
        ref.objectNumber >= firstNew || (!(object instanceof PDFStream) && before.get(ref.tag) !== object.toString()))
      return appendUpdate(original, previous, changed, doc)
    },
  }
}

function appendUpdate(original: Uint8Array, previous: PreviousSection, objects: Array<[PDFRef, PDFObject]>, doc: PDFDocument): Uint8Array {
  const chunks: Uint8Array[] = [original]
  let offset = original.length
  const push = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk
    chunks.push(bytes)
    offset += bytes.length
  }
  const last = original[original.length - 1]
  if (last !== 0x0a && last !== 0x0d) push('\n')

  const entries: Array<{ number: number; generation: number; offset: number }> = []
  for (const [ref, object] of objects) {
    entries.push({ number: ref.objectNumber, generation: ref.generationNumber, offset })
    const body = new Uint8Array(object.sizeInBytes())
    object.copyBytesInto(body, 0)
    push(`${ref.objectNumber} ${ref.generationNumber} obj\n`)
    push(body)
    push('\nendobj\n')
  }

  const { trailerInfo } = doc.context
  const common = [
    `/Root ${trailerInfo.Root!.toString()}`,
    trailerInfo.Info ? `/Info ${trailerInfo.Info.toString()}` : '',
    trailerInfo.ID ? `/ID ${trailerInfo.ID.toString()}` : '',
    `/Prev ${previous.offset}`,
  ].filter(Boolean).join(' ')

  const sectionOffset = offset
  if (previous.stream) {
    // A file indexed by cross-reference streams is updated with one, so readers that follow /Prev see one kind.
    const number = Math.max(doc.context.largestObjectNumber + 1, previous.size)
    entries.push({ number, generation: 0, offset: sectionOffset })
    const rows = sorted(entries)
    const data = Buffer.alloc(rows.length * 7)
    rows.forEach((e, i) => {
      data.writeUInt8(1, i * 7)
      data.writeUInt32BE(e.offset, i * 7 + 1)
      data.writeUInt16BE(e.generation, i * 7 + 5)
    })
    const index = subsections(rows).map((s) => `${s.start} ${s.rows.length}`).join(' ')
    push(`${number} 0 obj\n<< /Type /XRef /Size ${number + 1} /W [1 4 2] /Index [${index}] ${common} /Length ${data.length} >>\nstream\n`)
    push(data)
    push('\nendstream\nendobj\n')
  } else {
    const rows = sorted(entries)
    const size = Math.max(previous.size, doc.context.largestObjectNumber + 1)
    push('xref\n')
    for (const s of subsections(rows)) {
      push(`${s.start} ${s.rows.length}\n`)
      push(s.rows.map((e) => `${String(e.offset).padStart(10, '0')} ${String(e.generation).padStart(5, '0')} n\r\n`).join(''))
    }
    push(`trailer\n<< /Size ${size} ${common} >>\n`)
  }
  push(`startxref\n${sectionOffset}\n%%EOF\n`)
  return new Uint8Array(Buffer.concat(chunks))
}

const sorted = <T extends { number: number }>(rows: T[]): T[] => [...rows].sort((a, b) => a.number - b.number)

function subsections<T extends { number: number }>(rows: T[]): Array<{ start: number; rows: T[] }> {
  const out: Array<{ start: number; rows: T[] }> = []
  for (const row of rows) {
    const current = out[out.length - 1]
    if (current && current.start + current.rows.length === row.number) current.rows.push(row)
    else out.push({ start: row.number, rows: [row] })
  }
  return out
}

/** Where the last cross-reference section starts, whether it is a stream, and the trailer's /Size. */
function previousSection(bytes: Uint8Array): PreviousSection {
  const text = Buffer.from(bytes)
  const at = text.lastIndexOf('startxref')
  const match = at < 0 ? null : /^startxref\s+(\d+)/.exec(text.subarray(at, at + 40).toString('latin1'))
  const offset = match ? Number(match[1]) : -1
  if (offset < 0 || offset >= bytes.length) throw new RuleError('pdf.corrupt')
  const head = text.subarray(offset, offset + 64).toString('latin1')
  if (head.startsWith('xref')) {
    const trailer = text.indexOf('trailer', offset)
    const size = trailer < 0 ? null : /\/Size\s+(\d+)/.exec(text.subarray(trailer, at).toString('latin1'))
    if (!size) throw new RuleError('pdf.corrupt')
    return { offset, stream: false, size: Number(size[1]) }
  }
  if (/^\d+\s+\d+\s+obj/.test(head)) {
    const dictEnd = text.indexOf('stream', offset)
    const size = dictEnd < 0 ? null : /\/Size\s+(\d+)/.exec(text.subarray(offset, dictEnd).toString('latin1'))
    if (!size) throw new RuleError('pdf.corrupt')
    return { offset, stream: true, size: Number(size[1]) }
  }
  throw new RuleError('pdf.corrupt')
}
