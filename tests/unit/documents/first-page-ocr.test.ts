/**
 * The AWS side of the upload's mark check on a scan: Textract's
 * DetectDocumentText gets the first page alone as a one-page PDF, its LINE
 * blocks come back top to bottom, and an error of the service never lets the
 * scan through as unmarked. The fake answers as Textract does.
 */
import { describe, expect, it } from 'vitest'
import { PDFDocument } from 'pdf-lib'
import { DetectDocumentTextCommand, ProvisionedThroughputExceededException, type Block } from '@aws-sdk/client-textract'
import { TextractFirstPageOcr } from '../../../functions/lib/adapters/first-page-ocr.js'
import { confidentialityMarkOf } from '../../../shared/documents/marks.js'

async function pdfOfPages(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < n; i++) doc.addPage([595.28, 841.89 + i])
  return doc.save()
}

const line = (text: string, top: number): Block => ({ BlockType: 'LINE', Text: text, Confidence: 97, Geometry: { BoundingBox: { Top: top, Left: 0.1, Width: 0.3, Height: 0.02 } } })

function fakeTextract(answer: (cmd: DetectDocumentTextCommand) => Promise<{ Blocks?: Block[] }>) {
  const sent: DetectDocumentTextCommand[] = []
  return { sent, client: { send: async (cmd: DetectDocumentTextCommand) => { sent.push(cmd); return answer(cmd) } } as never }
}

describe('first page OCR with Textract', () => {
  it('sends the first page alone and reads its lines top to bottom, where the stamp is found', async () => {
    // Textract reads no Vietnamese: the stamp comes back as Latin capitals, in any block order.
    const fake = fakeTextract(async () => ({ Blocks: [
      { BlockType: 'PAGE' }, line('MÂT', 0.19), line('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI   ĐẢNG CỘNG SẢN VIỆT NAM', 0.07), line('Số 12-KH/TU', 0.14),
      { BlockType: 'WORD', Text: 'MÂT', Geometry: { BoundingBox: { Top: 0.19 } } },
    ] }))
    const lines = await new TextractFirstPageOcr(fake.client).lines(await pdfOfPages(3))
    expect(fake.sent).toHaveLength(1)
    const sentPdf = await PDFDocument.load(fake.sent[0].input.Document!.Bytes!)
    expect(sentPdf.getPageCount()).toBe(1)
    // It is the first page (each test page has its own height).
    expect(sentPdf.getPage(0).getHeight()).toBeCloseTo(841.89, 1)
    expect(lines).toEqual(['ĐẢNG BỘ THÀNH PHỐ HÀ NỘI   ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 12-KH/TU', 'MÂT'])
    expect(confidentialityMarkOf(lines)).toBe('mat')
  })

  it('reads a page Textract finds blank as no lines, and lets a throttling error through (the upload is not taken as unmarked)', async () => {
    expect(await new TextractFirstPageOcr(fakeTextract(async () => ({ Blocks: [{ BlockType: 'PAGE' }] })).client).lines(await pdfOfPages(1))).toEqual([])
    const throttled = fakeTextract(async () => { throw new ProvisionedThroughputExceededException({ message: 'Provisioned rate exceeded', $metadata: { httpStatusCode: 400 } }) })
    await expect(new TextractFirstPageOcr(throttled.client).lines(await pdfOfPages(2))).rejects.toThrow(/rate exceeded/)
  })
})
