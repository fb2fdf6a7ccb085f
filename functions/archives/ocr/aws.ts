/**
 * OCR on AWS. Textract reads no Vietnamese, so it is used for what it does
 * well here (the page's layout: lines, their confidence and positions, and
 * signatures), and a Bedrock multimodal model transcribes the Vietnamese
 * text through Converse with the page as an image block. Each transcribed
 * line takes its confidence from the Textract line it matches once both are
 * folded (Textract reads the Latin letters without diacritics): a line
 * Textract did not see at all gets a low confidence and goes to a clerk.
 * The request/response mappings are pure and unit-tested with fake clients.
 */
import { AnalyzeDocumentCommand, TextractClient, type Block } from '@aws-sdk/client-textract'
import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime'
import { fold } from '../../../shared/text/fold.js'
import type { OcrLine } from '../../../shared/archives/metadata.js'
import type { OcrWord } from '../../../shared/archives/boxes.js'
import { meanConfidence, type OcrEngine, type OcrPageResult } from './port.js'

export const TRANSCRIBE_PROMPT = [
  'Chép lại chính xác toàn bộ chữ trên trang văn bản tiếng Việt này, từng dòng theo thứ tự đọc, giữ nguyên dấu.',
  'Hai cột in trên cùng một hàng (tiêu đề, số và ngày) viết trên một dòng, cách nhau ba dấu cách.',
  'Chỉ trả lời bằng văn bản đã chép, không giải thích. Trang trắng: trả lời rỗng.',
].join(' ')

export interface TextractLine { text: string; confidence: number; top: number }

/** Textract's LINE blocks, top to bottom, confidence 0..1. */
export function textractLines(blocks: readonly Block[] | undefined): { lines: TextractLine[]; signatures: number } {
  const lines = (blocks ?? []).filter((b) => b.BlockType === 'LINE' && b.Text)
    .map((b) => ({ text: b.Text!, confidence: (b.Confidence ?? 0) / 100, top: b.Geometry?.BoundingBox?.Top ?? 0 }))
    .sort((a, b) => a.top - b.top)
  return { lines, signatures: (blocks ?? []).filter((b) => b.BlockType === 'SIGNATURE').length }
}

/** Textract's WORD blocks with their boxes (Textract gives fractions of the page already). */
export function textractWords(blocks: readonly Block[] | undefined): OcrWord[] {
  const r = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 10000) / 10000
  return (blocks ?? []).filter((b) => b.BlockType === 'WORD' && b.Text && b.Geometry?.BoundingBox).map((b) => {
    const { Left = 0, Top = 0, Width = 0, Height = 0 } = b.Geometry!.BoundingBox!
    return { text: b.Text!, box: [r(Left), r(Top), r(Left + Width), r(Top + Height)] as OcrWord['box'] }
  })
}

export function converseRequest(modelId: string, image: Uint8Array, format: 'png' | 'jpeg'): ConverseCommandInput {
  return {
    modelId,
    messages: [{ role: 'user', content: [{ image: { format, source: { bytes: image } } }, { text: TRANSCRIBE_PROMPT }] }],
    inferenceConfig: { maxTokens: 4096, temperature: 0 },
  }
}

/** The model's answer → lines (blank lines dropped). */
export function converseText(res: Pick<ConverseCommandOutput, 'output'>): string[] {
  const parts = res.output?.message?.content ?? []
  return parts.map((p) => ('text' in p && typeof p.text === 'string' ? p.text : '')).join('\n').split('\n').map((l) => l.trimEnd()).filter((l) => l.trim())
}

const letters = (s: string) => fold(s).replace(/[^a-z0-9]/g, '')

/** Similarity of two folded strings by shared bigrams (Dice), 0..1. */
export function similarity(a: string, b: string): number {
  const x = letters(a)
  const y = letters(b)
  if (!x || !y) return 0
  if (x === y) return 1
  const grams = (s: string) => { const m = new Map<string, number>(); for (let i = 0; i < s.length - 1; i++) { const g = s.slice(i, i + 2); m.set(g, (m.get(g) ?? 0) + 1) } return m }
  const gx = grams(x)
  const gy = grams(y)
  let shared = 0
  for (const [g, n] of gx) shared += Math.min(n, gy.get(g) ?? 0)
  return (2 * shared) / Math.max(1, x.length - 1 + y.length - 1)
}

/**
 * Confidence of each transcribed line: the Textract confidence of the best
 * matching Textract line (a two-column row may match two of them: their
 * joined text is tried too), times the match's similarity.
 */
export function withConfidence(transcribed: readonly string[], layout: readonly TextractLine[]): OcrLine[] {
  return transcribed.map((text) => {
    let best = 0
    for (let i = 0; i < layout.length; i++) {
      const one = similarity(text, layout[i].text) * layout[i].confidence
      const two = i + 1 < layout.length ? similarity(text, `${layout[i].text} ${layout[i + 1].text}`) * Math.min(layout[i].confidence, layout[i + 1].confidence) : 0
      best = Math.max(best, one, two)
    }
    return { text, confidence: Math.round(best * 1000) / 1000 }
  })
}

export class AwsOcrEngine implements OcrEngine {
  readonly name: string
  constructor(private readonly textract: Pick<TextractClient, 'send'>, private readonly bedrock: Pick<BedrockRuntimeClient, 'send'>, private readonly modelId: string) {
    this.name = `textract+bedrock:${modelId}`
  }

  static async create(modelId: string): Promise<AwsOcrEngine> {
    return new AwsOcrEngine(new TextractClient({}), new BedrockRuntimeClient({}), modelId)
  }

  async recognise(image: Uint8Array, opts: { mediaType?: 'image/png' | 'image/jpeg' } = {}): Promise<OcrPageResult> {
    const [layout, answer] = await Promise.all([
      this.textract.send(new AnalyzeDocumentCommand({ Document: { Bytes: image }, FeatureTypes: ['LAYOUT', 'SIGNATURES'] })),
      this.bedrock.send(new ConverseCommand(converseRequest(this.modelId, image, opts.mediaType === 'image/jpeg' ? 'jpeg' : 'png'))),
    ])
    const { lines: laid } = textractLines(layout.Blocks)
    const lines = withConfidence(converseText(answer), laid)
    // Word boxes come from Textract (its words lack the diacritics: the view matches them folded).
    return { lines, words: textractWords(layout.Blocks), confidence: meanConfidence(lines), engine: this.name }
  }
}
