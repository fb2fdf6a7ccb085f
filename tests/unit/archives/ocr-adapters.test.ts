/**
 * The OCR adapters' mappings: Textract + Bedrock (AWS) with fake SDK
 * clients that answer as the services do, tesseract's block tree, and the
 * text layer of a born-digital PDF.
 */
import { describe, expect, it } from 'vitest'
import { AnalyzeDocumentCommand } from '@aws-sdk/client-textract'
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime'
import { AwsOcrEngine, converseRequest, converseText, similarity, textractLines, textractWords, withConfidence, TRANSCRIBE_PROMPT } from '../../../functions/archives/ocr/aws.js'
import { linesOfBlocks, wordsOfBlocks } from '../../../functions/archives/ocr/tesseract.js'
import { imageIsWhole, imageSize, renderTiffPage, sniffScan, textLines, textWords, tiffPageCount } from '../../../functions/archives/adapters/scans.js'
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { tiffOf } from '../../support/corpus/generator.js'
import { extractMetadata } from '../../../shared/archives/metadata.js'

const box = (top: number) => ({ BoundingBox: { Top: top, Left: 0.1, Width: 0.5, Height: 0.02 } })

describe('Textract + Bedrock OCR (AWS)', () => {
  it('sends the page to Textract for layout and signatures, and to Converse as an image with the transcription prompt', async () => {
    // Prepare: fake clients recording what they are sent, answering like the services
    const sent: unknown[] = []
    const textract = { send: async (cmd: unknown) => { sent.push(cmd); return {
      Blocks: [
        { BlockType: 'LINE', Text: 'So 42-CT/TU', Confidence: 97.5, Geometry: box(0.2) },
        { BlockType: 'LINE', Text: 'DANG CONG SAN VIET NAM', Confidence: 99, Geometry: box(0.05) },
        { BlockType: 'LINE', Text: 'CHI THI', Confidence: 60, Geometry: box(0.3) },
        { BlockType: 'SIGNATURE', Confidence: 90, Geometry: box(0.8) },
      ] } } }
    const bedrock = { send: async (cmd: unknown) => { sent.push(cmd); return {
      output: { message: { role: 'assistant', content: [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM\nSố 42-CT/TU\n\nCHỈ THỊ\nvề tăng cường công tác chuyển đổi số' }] } },
    } } }
    const engine = new AwsOcrEngine(textract as never, bedrock as never, 'model-x')
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47])

    // Act
    const res = await engine.recognise(image)

    // Assess: requests
    const analyse = sent.find((c) => c instanceof AnalyzeDocumentCommand) as AnalyzeDocumentCommand
    expect(analyse.input).toEqual({ Document: { Bytes: image }, FeatureTypes: ['LAYOUT', 'SIGNATURES'] })
    const converse = sent.find((c) => c instanceof ConverseCommand) as ConverseCommand
    expect(converse.input.modelId).toBe('model-x')
    expect(converse.input.messages![0].content).toEqual([{ image: { format: 'png', source: { bytes: image } } }, { text: TRANSCRIBE_PROMPT }])
    // Response: Bedrock's Vietnamese text, Textract's confidence of the matching line; an unseen line scores low
    expect(res.lines.map((l) => l.text)).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 42-CT/TU', 'CHỈ THỊ', 'về tăng cường công tác chuyển đổi số'])
    expect(res.lines[0].confidence).toBeCloseTo(0.99, 2)
    expect(res.lines[1].confidence).toBeCloseTo(0.975, 2)
    expect(res.lines[2].confidence).toBeCloseTo(0.6, 2)
    expect(res.lines[3].confidence).toBeLessThan(0.5)
    expect(extractMetadata(res.lines).fields.symbol).toEqual({ value: '42-CT/TU', confidence: 0.975 })
  })

  it('maps the pieces on their own: Textract lines in reading order, JPEG requests, empty answers, folded similarity', () => {
    expect(textractLines([{ BlockType: 'LINE', Text: 'b', Confidence: 50, Geometry: box(0.5) }, { BlockType: 'LINE', Text: 'a', Confidence: 100, Geometry: box(0.1) }, { BlockType: 'SIGNATURE' }]))
      .toEqual({ lines: [{ text: 'a', confidence: 1, top: 0.1 }, { text: 'b', confidence: 0.5, top: 0.5 }], signatures: 1 })
    expect(converseRequest('m', new Uint8Array([1]), 'jpeg').messages![0].content![0]).toEqual({ image: { format: 'jpeg', source: { bytes: new Uint8Array([1]) } } })
    expect(converseText({ output: { message: { role: 'assistant', content: [] } } })).toEqual([])
    expect(similarity('Hà Nội, ngày 12 tháng 3', 'Ha Noi, ngay 12 thang 3')).toBe(1)
    expect(withConfidence(['Số 1-CV/ĐU   Hà Nội, ngày 05 tháng 01 năm 2026'], [
      { text: 'So 1-CV/DU', confidence: 0.9, top: 0.2 }, { text: 'Ha Noi, ngay 05 thang 01 nam 2026', confidence: 0.8, top: 0.2 },
    ])[0].confidence).toBeCloseTo(0.8, 1)
  })
})

describe('tesseract.js blocks and PDF text layers', () => {
  it('turns tesseract blocks into lines with 0..1 confidence, keeping column gaps and dropping empty lines', () => {
    const lines = linesOfBlocks([{ paragraphs: [{ lines: [{ text: 'ĐẢNG BỘ   ĐẢNG CỘNG SẢN VIỆT NAM\n', confidence: 93.4 }, { text: '  \n', confidence: 10 }] }] }])
    expect(lines).toEqual([{ text: 'ĐẢNG BỘ   ĐẢNG CỘNG SẢN VIỆT NAM', confidence: 0.934 }])
    expect(linesOfBlocks(null)).toEqual([])
  })

  it('groups a text layer into rows, top first, with a wide gap kept as a column gap', () => {
    const item = (str: string, x: number, y: number, width = str.length * 5) => ({ str, transform: [1, 0, 0, 1, x, y], width })
    expect(textLines([item('CHỈ THỊ', 250, 690), item('THÀNH ỦY', 100, 776), item('ĐẢNG CỘNG SẢN VIỆT NAM', 320, 790), item('ĐẢNG BỘ', 100, 790), item('HÀ NỘI', 142, 790)]))
      .toEqual([{ text: 'ĐẢNG BỘ HÀ NỘI   ĐẢNG CỘNG SẢN VIỆT NAM', confidence: 1 }, { text: 'THÀNH ỦY', confidence: 1 }, { text: 'CHỈ THỊ', confidence: 1 }])
  })

  it('reads a TIFF page back as the same image in PNG', async () => {
    const c = createCanvas(40, 30)
    const g = c.getContext('2d')
    g.fillStyle = '#ffffff'; g.fillRect(0, 0, 40, 30)
    g.fillStyle = '#000000'; g.fillRect(10, 10, 5, 5)
    const tiff = await tiffOf(c.toBuffer('image/png'))
    expect(sniffScan(tiff)).toBe('tiff')
    expect(tiffPageCount(tiff)).toBe(1)
    expect(tiffPageCount(new Uint8Array([0x49, 0x49, 0x2a, 0, 0xff, 0xff, 0xff, 0xff])) ?? 0).toBe(0)
    const back = await loadImage(Buffer.from(renderTiffPage(tiff, 0)))
    const g2 = createCanvas(back.width, back.height).getContext('2d')
    g2.drawImage(back, 0, 0)
    expect([back.width, back.height]).toEqual([40, 30])
    expect([...g2.getImageData(12, 12, 1, 1).data.slice(0, 3)]).toEqual([0, 0, 0])
    expect([...g2.getImageData(2, 2, 1, 1).data.slice(0, 3)]).toEqual([255, 255, 255])
  })

  it('tells a whole PNG or JPEG from a damaged one without a native decoder', () => {
    const c = createCanvas(30, 20)
    c.getContext('2d').fillRect(5, 5, 10, 10)
    const png = c.toBuffer('image/png')
    const jpeg = c.toBuffer('image/jpeg')
    expect(imageIsWhole(png, 'png')).toBe(true)
    expect(imageIsWhole(jpeg, 'jpeg')).toBe(true)
    expect(imageIsWhole(png.subarray(0, png.length - 20), 'png')).toBe(false)
    const flipped = Buffer.from(png); flipped[40] ^= 0xff
    expect(imageIsWhole(flipped, 'png')).toBe(false)
    expect(imageIsWhole(jpeg.subarray(0, jpeg.length - 10), 'jpeg')).toBe(false)
    expect(imageIsWhole(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'png')).toBe(false)
  })

  it('tells scans by their bytes, not their names', () => {
    expect(sniffScan(new TextEncoder().encode('%PDF-1.7\n'))).toBe('pdf')
    expect(sniffScan(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png')
    expect(sniffScan(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
    expect(sniffScan(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8]))).toBe('tiff')
    expect(sniffScan(new TextEncoder().encode('hello'))).toBe('unknown')
  })
})

describe('searchable PDF for engines that make none', () => {
  it('lays the recognised Vietnamese lines as text over the page image', async () => {
    const { searchablePdfOf } = await import('../../../functions/archives/adapters/searchable.js')
    const c = createCanvas(62, 88)
    const g = c.getContext('2d')
    g.fillStyle = '#ffffff'; g.fillRect(0, 0, 62, 88)
    const pdf = await searchablePdfOf(c.toBuffer('image/png'), [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', confidence: 0.9 }, { text: 'về tăng cường công tác chuyển đổi số', confidence: 0.8 }])
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const doc = await pdfjs.getDocument({ data: pdf, useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i: any) => i.str).join('\n')
    expect(doc.numPages).toBe(1)
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(text).toContain('về tăng cường công tác chuyển đổi số')
  })
})

describe('word boxes for the verification view', () => {
  it('takes Textract WORD blocks with their boxes as fractions of the page', () => {
    const words = textractWords([
      { BlockType: 'LINE', Text: 'So 42-CT/TU', Geometry: box(0.1) },
      { BlockType: 'WORD', Text: 'So', Geometry: { BoundingBox: { Left: 0.1, Top: 0.1, Width: 0.05, Height: 0.02 } } },
      { BlockType: 'WORD', Text: '42-CT/TU', Geometry: { BoundingBox: { Left: 0.16, Top: 0.1, Width: 0.12, Height: 0.02 } } },
    ])
    expect(words).toEqual([{ text: 'So', box: [0.1, 0.1, 0.15, 0.12] }, { text: '42-CT/TU', box: [0.16, 0.1, 0.28, 0.12] }])
  })

  it("takes tesseract's words with their pixel boxes, relative to the image", () => {
    const blocks = [{ paragraphs: [{ lines: [{ text: 'Số 42', confidence: 90, words: [{ text: 'Số', bbox: { x0: 100, y0: 50, x1: 150, y1: 70 } }, { text: '42', bbox: { x0: 160, y0: 50, x1: 190, y1: 70 } }] }] }] }]
    expect(wordsOfBlocks(blocks, 1000, 500)).toEqual([{ text: 'Số', box: [0.1, 0.1, 0.15, 0.14] }, { text: '42', box: [0.16, 0.1, 0.19, 0.14] }])
  })

  it('cuts a text-layer item into words placed from the top of the page', () => {
    const words = textWords([{ str: 'Số 42-CT/TU', transform: [11, 0, 0, 11, 100, 700], width: 110, height: 11 }], 600, 800)
    expect(words.map((w) => w.text)).toEqual(['Số', '42-CT/TU'])
    expect(words[0].box[0]).toBeCloseTo(100 / 600, 3)
    expect(words[1].box[2]).toBeCloseTo(210 / 600, 3)
    expect(words[0].box[1]).toBeLessThan(words[0].box[3])
    expect(words[0].box[1]).toBeCloseTo(1 - 711 / 800, 3)
  })

  it('reads the size of a PNG and a JPEG from their headers', async () => {
    const c = createCanvas(321, 123)
    expect(imageSize(c.toBuffer('image/png'))).toEqual({ width: 321, height: 123 })
    expect(imageSize(c.toBuffer('image/jpeg'))).toEqual({ width: 321, height: 123 })
    expect(imageSize(new Uint8Array([1, 2, 3]))).toBeUndefined()
  })
})
