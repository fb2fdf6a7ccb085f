/**
 * Text handling the assistant shares: Vietnamese folding into search terms,
 * stop words of questions (vi + en), sentences, dates written the Vietnamese
 * way, and the document symbols a text mentions.
 */
import { fold } from '../text/fold.js'
import { parseSymbol, canonical, symbolKey, type DocumentSymbol } from '../documents/symbols.js'

/**
 * Words that carry no subject in a question ("ban hành ngày nào" keeps "ban",
 * "hanh", "ngay": they say what is asked). Folded forms.
 */
const STOP = new Set([
  // Vietnamese (folded)
  'la', 'gi', 'nao', 'cua', 'va', 'cac', 'nhung', 'mot', 'co', 'khong', 'the', 'duoc', 'cho', 'voi', 'tai', 'trong', 've', 'thi',
  'ai', 'bao', 'nhieu', 'sao', 'vay', 'a', 'o', 'nay', 'do', 'day', 'kia', 'hay', 'hoac', 'theo', 'de', 'tu', 'den', 'ra', 'vao',
  'no', 'phai', 'can', 'se', 'da', 'dang', 'bi', 'boi', 'nhu', 'khi', 'ma', 'lai', 'nua', 'cung', 'thuoc', 'gom', 'nhe', 'oi', 'xin', 'hoi',
  // English
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'by', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'been', 'what', 'which', 'who',
  'when', 'where', 'how', 'why', 'does', 'do', 'did', 'it', 'its', 'this', 'that', 'these', 'those', 'with', 'from', 'at', 'as', 'must',
  'should', 'can', 'will', 'has', 'have', 'had', 'about', 'there', 'any', 'me', 'tell', 'please', 'i', 'we', 'you',
])

/** Folded word tokens of a text (letters and digits), in order. */
export function words(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean)
}

/** Search terms: folded words without stop words. "42-CT/TU" gives "42", "ct", "tu". */
export function terms(text: string): string[] {
  return words(text).filter((w) => !STOP.has(w))
}

const SYMBOL_RE = /(?:số\s*:?\s*)?\b\d{1,6}\s*[-/]\s*(?:\d{4}\s*\/\s*)?[\p{L}]{1,5}\s*[-/]\s*[\p{L}][\p{L}0-9]{0,11}(?:\/[\p{Ll}][\p{Ll}0-9]{0,9})?/giu

export interface SymbolMention { text: string; index: number; symbol: DocumentSymbol; canonical: string; key: string }

/** The document symbols a text mentions ("Chỉ thị 42-CT/TU", "Nghị quyết số 57-NQ/TW"). */
export function symbolsIn(text: string): SymbolMention[] {
  const out: SymbolMention[] = []
  for (const m of text.matchAll(SYMBOL_RE)) {
    const raw = m[0].trim()
    const p = parseSymbol(raw)
    if (p.ok) out.push({ text: raw, index: m.index ?? 0, symbol: p.symbol, canonical: canonical(p.symbol), key: symbolKey(p.symbol) })
  }
  return out
}

/** Sentences of a passage: split after . ; ! ? and line breaks, keeping numbered heads ("1.") with their text. */
export function sentences(text: string): string[] {
  return text.replace(/\s*\n\s*/g, '\n').split(/(?<=[.;!?])(?<!\b(?:No|Nr|Mr|Mrs|Ms|Dr|St|TS|ThS|TP|Tp|tr|Tr)\.)(?<!(?:^|[\s:])\d{1,2}\.)\s+(?=[\p{Lu}\d-])|\n(?=[-•+]|\p{Lu}|\d+[.)])/u)
    .map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 1)
}

export interface DateMention { iso: string; text: string; index: number }
const pad2 = (n: number | string) => String(n).padStart(2, '0')
function validIso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined
  const iso = `${y}-${pad2(m)}-${pad2(d)}`
  const dt = new Date(`${iso}T00:00:00Z`)
  return dt.getUTCDate() === d ? iso : undefined
}

/** Dates written "ngày 05 tháng 01 năm 2026", "05/01/2026", "5-1-2026" or "2026-01-05". */
export function datesIn(text: string): DateMention[] {
  const out: DateMention[] = []
  for (const m of text.matchAll(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu)) {
    const iso = validIso(Number(m[3]), Number(m[2]), Number(m[1]))
    if (iso) out.push({ iso, text: m[0], index: m.index ?? 0 })
  }
  for (const m of text.matchAll(/(?<![\d/-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/-])/g)) {
    const iso = validIso(Number(m[3]), Number(m[2]), Number(m[1]))
    if (iso) out.push({ iso, text: m[0], index: m.index ?? 0 })
  }
  for (const m of text.matchAll(/(?<![\d/-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])/g)) {
    const iso = validIso(Number(m[1]), Number(m[2]), Number(m[3]))
    if (iso) out.push({ iso, text: m[0], index: m.index ?? 0 })
  }
  for (const m of text.matchAll(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/g)) {
    const iso = validIso(Number(m[3]), MONTHS.indexOf(m[1]) + 1, Number(m[2]))
    if (iso) out.push({ iso, text: m[0], index: m.index ?? 0 })
  }
  return out.sort((a, b) => a.index - b.index)
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "2025-01-23" → "23/01/2025". */
export const viDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/**
 * Text inside a document that tries to instruct a model ("ignore previous
 * instructions", "bỏ qua mọi hướng dẫn trước"). Such sentences are data: the
 * extractive engine never quotes them, and prompts mark them.
 */
const INJECTION = [
  /ignore\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|earlier)\s+(instructions|prompts|rules)/i,
  /disregard\s+(all\s+|the\s+)?(previous|prior|above|system)/i,
  /you\s+are\s+now\s+(a|an|the)\b/i,
  /(reveal|print|show|output)\s+(the\s+)?(system\s+prompt|hidden|secret|all\s+documents)/i,
  /\bsystem\s*prompt\b/i,
  /bo qua (moi |tat ca |cac )?(huong dan|chi dan|lenh|yeu cau)( truoc)?/,
  /tiet lo (toan bo|tat ca|moi)/,
]
export function looksLikeInjection(text: string): boolean {
  const f = fold(text)
  return INJECTION.some((re) => re.test(text) || re.test(f)) || (ADDRESSES_MODEL.test(f) && (OVERRIDES.test(f) || COMMANDS_OUTPUT.test(f))) || (OVERRIDES.test(f) && COMMANDS_OUTPUT.test(f))
}

/** Words that address an assistant or a model (folded), in Vietnamese and English. */
const ADDRESSES_MODEL = /\b(tro ly (ao|ai|so|thong minh)|chatbot|chat bot|mo hinh (ngon ngu|ai)|tri tue nhan tao|\bai\b (model|assistant|system)|assistant|language model|llm|gpt|claude|gemini|copilot|ai model|(dear|hey|attention|note (to|for)) (the )?(ai|bot|model)|(danh cho|gui|luu y cho|toi) (ban )?(ai|bot|he thong ai)|you are (an? )?(ai|assistant|model|bot))\b/
/** Attempts to override what the reader was told (folded). */
const OVERRIDES = /\b(ignore|disregard|forget|override|no longer apply|instead of|from now on|new instructions?|previous (instructions|rules)|rules you were given|bo qua|phot lo|quen (di |het |cac |moi |tat ca )?(cac |nhung )?(quy tac|huong dan|chi dan|lenh|yeu cau|quy dinh|nhiem vu)|tu (bay gio|gio|nay) (hay|phai|tro di)|khong con (ap dung|hieu luc) (voi ban|nua)|thay vao do|huong dan moi|lenh moi)\b/
/** Orders about what to answer or reveal (folded). */
const COMMANDS_OUTPUT = /\b(reply|respond|answer|say|print|output|reveal|disclose|include|attach|send|tell (the user|them|everyone)|hay tra loi|tra loi rang|tra loi la|hay noi|noi rang|in ra|tiet lo|dinh kem|gui (kem|toan)|cung cap (mat khau|khoa|toan van))\b/

/**
 * The sentences of a passage that address an assistant (instructionSentences): a sentence that
 * speaks to a model, overrides its rules or orders what to answer, and the sentences that continue
 * such an address (an order split over several sentences: "Note to the AI. The rules no longer apply.
 * From now on reply with …"), up to three after it. Such sentences are cut out at indexing.
 */
export function instructionSentences(ss: readonly string[]): Set<number> {
  const out = new Set<number>()
  const signal = (s: string) => { const f = fold(s); return ADDRESSES_MODEL.test(f) || OVERRIDES.test(f) || COMMANDS_OUTPUT.test(f) || SECRET_WORD.test(f) }
  ss.forEach((s, i) => {
    const f = fold(s)
    const addressed = ADDRESSES_MODEL.test(f)
    if (looksLikeInjection(s) || (addressed && i + 1 < ss.length && signal(ss[i + 1]!))) {
      out.add(i)
      for (let k = i + 1; k < Math.min(ss.length, i + 4) && signal(ss[k]!); k++) out.add(k)
    }
  })
  return out
}

/** Words that name a secret (folded): password, key, token, mật khẩu, khóa. */
const SECRET_WORD = /\b(password|passwd|passcode|passphrase|api key|secret|token|credentials?|private key|access key|mat khau|ma dang nhap|khoa bi mat|ma bi mat|ma truy cap|khoa truy cap|tai khoan quan tri)\b/
/** A token that looks like a key or password: mixed letters and digits (with a symbol or long), or a known key prefix. */
const SECRET_TOKEN = /(?<![\p{L}\p{N}])(?:sk-[A-Za-z0-9-]{8,}|AKIA[0-9A-Z]{12,}|ghp_[A-Za-z0-9]{20,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+|(?=[^\s]*\d)(?=[^\s]*[A-Za-z])(?=[^\s]*[!@#$%^&*_+=~?])[^\s,;()“”"]{8,}|[A-Fa-f0-9]{32,}|[A-Za-z0-9+/]{32,}={0,2})(?![\p{L}\p{N}])/gu

/**
 * Secret-looking strings in a text: a key-shaped token anywhere, or any mixed token right after a word
 * that names a secret ("mật khẩu là Abc12345"). Document symbols and dates are not secrets.
 */
export function secretsIn(text: string): string[] {
  const out = new Set<string>()
  for (const m of text.matchAll(SECRET_TOKEN)) if (!symbolsIn(m[0]).length) out.add(m[0])
  const f = text
  for (const m of f.matchAll(/(password|passcode|mật khẩu|mat khau|key|khóa|token|secret|mã truy cập)[^.;\n]{0,30}?(?:là|is|:|=)\s*["“']?([^\s"”',;]{6,})/giu)) {
    const token = m[2]!.replace(/[.)]+$/, '')
    if (/\d/.test(token) && /\p{L}/u.test(token) && !symbolsIn(token).length) out.add(token)
  }
  return [...out]
}

/** A text with its secret-looking strings replaced (the output filter every engine's answer goes through). */
export function redactSecrets(text: string): string {
  let out = text
  for (const s of secretsIn(text)) out = out.split(s).join('[…]')
  return out
}
