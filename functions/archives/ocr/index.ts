/**
 * The OCR engine of this process, chosen by configuration: `local`
 * (tesseract.js, the default and the embedded runtime's) or `aws`
 * (Textract layout + Bedrock for Vietnamese text). One per process.
 */
import type { OcrEngine } from './port.js'
import { TesseractEngine } from './tesseract.js'
import { envNow } from '../../lib/env.js'


let engine: OcrEngine | undefined
export async function ocrEngine(): Promise<OcrEngine> {
  if (engine) return engine
  const cfg = envNow()
  if (cfg.OCR === 'aws') {
    const { AwsOcrEngine } = await import('./aws.js')
    engine = await AwsOcrEngine.create(cfg.OCR_BEDROCK_MODEL_ID)
  } else {
    engine = new TesseractEngine()
  }
  return engine!
}

/** Ends the engine's worker (the embedded runtime stops; tests end). */
export async function closeOcrEngine(): Promise<void> {
  const e = engine
  engine = undefined
  await e?.close?.()
}
