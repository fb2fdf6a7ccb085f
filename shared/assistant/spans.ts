/**
 * What a question asks for and where its answer is in a sentence: the
 * question's type in Vietnamese and English (how much, how many, what
 * share, when, by when, how long, what time, where, who, which unit, which
 * document, a list, a summary), the answer span a sentence holds for that
 * type (an amount with its unit, a percentage, a count with its noun, a date
 * in the forms Vietnamese documents write it, a person with the title, a
 * unit, a numbered list), and the templates of an answer around the span in
 * the asker's language.
 */
import { fold } from '../text/fold.js'
import { datesIn } from './text.js'

export type QuestionType =
  | 'list' | 'percent' | 'amount' | 'duration' | 'time' | 'deadline' | 'date' | 'place' | 'phone'
  | 'person' | 'unit' | 'document' | 'count' | 'summary' | 'other'

const NUM_WORD = '(?:hai|ba|bon|nam|sau|bay|tam|chin|muoi|two|three|four|five|six|seven|eight|nine|ten|\\d+)'
const TYPE_RULES: [QuestionType, RegExp][] = [
  ['list', new RegExp(`\\b(nhung (gi|nao|viec gi)|gom nhung|liet ke|cac buoc|${NUM_WORD} (thu tuc|buoc|nhiem vu|noi dung|giai phap|muc tieu|viec|yeu cau|procedures?|steps?|tasks?|measures?|objectives?)|what are the|list the|which (steps|procedures|tasks))\\b`)],
  ['phone', /\b(so dien thoai|dien thoai|phone|telephone|hotline)\b/],
  ['percent', /\b(bao nhieu phan tram|phan tram|ty le|what share|what percentage|what percent|how many percent|what proportion|what rate|share of|percentage)\b/],
  ['amount', /\b(kinh phi|chi phi|ngan sach|so tien|bao nhieu tien|muc thuong|muc chi|muc ho tro|gia ve|gia|tien thuong|budget|cost|costs|money|funding|funds|amount|price|fee|spent|disbursed|how much)\b/],
  ['duration', /\b(bao lau|trong bao lau|mat bao lau|how long|within how many)\b/],
  ['time', /\b(may gio|luc may gio|gio nao|what time|at what time)\b/],
  ['deadline', /\b(truoc ngay nao|han chot|han cuoi|thoi han|cham nhat|by when|deadline|due|no later than|by what date|phai hoan thanh (khi nao|truoc))\b/],
  ['date', /\b(ngay nao|khi nao|bao gio|luc nao|thoi gian nao|vao thoi gian|thang nao|nam nao|quy nao|tu ngay nao|hieu luc|when|what date|which date|what day|which month|what month|take effect|takes effect)\b/],
  ['place', /\b(o dau|dia diem|tai dau|noi nao|where|what place|venue|location)\b/],
  ['unit', /\b(don vi nao|co quan nao|ban nao|to chuc nao|which (unit|body|agency|office|department|committee|organi[sz]ation)|what (unit|body|agency))\b/],
  ['person', /\b(ai|nguoi nao|dong chi nao|who|whom|signed by|signer)\b/],
  ['document', /\b(van ban nao|can cu (van ban )?nao|which document|what document|which decision|which resolution|which directive)\b/],
  ['count', /\b(bao nhieu|may|how many|number of|wie viele|combien de)\b/],
  ['amount', /\b(wie hoch|wie viel|kosten|budget|combien coute)\b/],
  ['date', /\b(wann|quand|cuando)\b/],
  ['place', /\b(wo|ou se|donde)\b/],
  ['person', /\b(wer|qui|quien)\b/],
  ['summary', /\b(tom tat|noi dung chinh|noi gi|noi ve gi|what does .* say|summari[sz]e|what is .* about)\b/],
]

const ROMAN_Q: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4, first: 1, second: 2, third: 3, fourth: 4 }
/**
 * The periods a text names, canonical: "quarter:1:2026" (quý I năm 2026, quý I/2026, first quarter of 2026, Q1),
 * "quarter:1" without a year, "half:1:2025" (6 tháng đầu năm 2025), "year:2025" (a whole year: năm 2025, cả năm).
 */
export function periodsIn(text: string): string[] {
  const f = fold(text)
  const out = new Set<string>()
  for (const m of f.matchAll(/\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:nam|\/)\s*(\d{4}))?/g)) { out.add(`quarter:${ROMAN_Q[m[1]!]}`); if (m[2]) out.add(`quarter:${ROMAN_Q[m[1]!]}:${m[2]}`) }
  for (const m of f.matchAll(/\b(?:(first|second|third|fourth) quarter|quarter (iv|iii|ii|i|[1-4])|q([1-4]))\b(?:\s*(?:of\s+)?(\d{4}))?/g)) { const n = ROMAN_Q[(m[1] ?? m[2] ?? m[3])!]; out.add(`quarter:${n}`); if (m[4]) out.add(`quarter:${n}:${m[4]}`) }
  for (const m of f.matchAll(/\b(?:6 thang dau nam|first half of|six months of)\s*(\d{4})?/g)) { out.add('half:1'); if (m[1]) out.add(`half:1:${m[1]}`) }
  if (!out.size) for (const m of f.matchAll(/\b(?:nam|ca nam|whole of|in)\s+(\d{4})\b/g)) out.add(`year:${m[1]}`)
  return [...out]
}

/** The type of answer a question wants (folded rules, in order: a list before a count, a percentage before an amount). */
export function questionType(question: string): QuestionType {
  const f = fold(question)
  for (const [t, re] of TYPE_RULES) if (re.test(f)) return t
  return 'other'
}

/** Labels of "label: value" lines ("Thời gian: 08 giờ 00, ngày 26/3/2026") that answer a type (folded). */
const LABELS: Partial<Record<QuestionType, RegExp>> = {
  date: /^(thoi gian|ngay|thoi diem|time|date)\b/, time: /^(thoi gian|gio|time)\b/, place: /^(dia diem|noi|place|venue)\b/,
  person: /^(chu tri|nguoi ky|chair|nguoi chu tri)\b/, amount: /^(kinh phi|chi phi|budget)\b/, deadline: /^(thoi han|han)\b/,
  duration: /^(thoi han|thoi gian)\b/, phone: /^(dien thoai|so dien thoai)\b/,
}

/** Whether a sentence is a "label: value" line whose label answers the type ("Địa điểm: …" for where). */
export const labelAnswers = (type: QuestionType, sentence: string): boolean => {
  const lv = labelValue(sentence)
  return !!lv && !!LABELS[type]?.test(lv.label)
}

const labelValue = (sentence: string): { label: string; value: string } | undefined => {
  const m = /^(?:\d{1,2}[.)]\s*)?([\p{L}][\p{L}\s]{1,40}?)\s*:\s*(.+?)\.?$/u.exec(sentence)
  return m ? { label: fold(m[1]!), value: m[2]!.trim() } : undefined
}

const AMOUNT = /\d{1,3}(?:[.,]\d{3})*(?:,\d+)?\s*(?:tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|VNĐ|VND|đ)(?![\p{L}])(?!\s+chí)|(?:VND|USD|\$)\s?\d[\d.,]*(?:\s(?:million|billion))?/giu
const PERCENT = /\d+(?:[.,]\d+)?\s?%/g
const PHONE = /(?<![\d.,])0\d{1,3}(?:[\s.]\d{3,4}){1,2}(?:[\s.]\d{2,4})?(?![\d.,])/g
const TIME = /\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?(?:\s*phút)?(?:\s*(?:đến|-)\s*\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?(?:\s*phút)?)?/giu
const WEEKDAY = /(?:(?:sáng|chiều|tối)\s+)?(?:thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật)(?:\s+hằng tuần)?/gu
const DATE_FORMS = [
  /(?:từ\s+)?ngày\s+\d{1,2}\/\d{1,2}(?:\/\d{4})?\s+đến\s+(?:ngày\s+)?\d{1,2}\/\d{1,2}\/\d{4}/giu,
  /(?:trước\s+|từ\s+|đến\s+)?ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/giu,
  /(?:(?:trước|từ|đến)\s+)?(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/giu,
  /(?:(?:trước|từ|đến)\s+)?ngày\s+\d{1,2}\/\d{1,2}(?![/\d])/giu,
  /(?:trong\s+)?tháng\s+\d{1,2}(?:\s*\/\s*|\s+năm\s+)\d{4}/giu,
  /(?:(?:trong|từ)\s+)?quý\s+[IV]{1,3}(?:\s*\/\s*|\s+năm\s+)\d{4}/gu,
  /(?:kể\s+)?từ\s+ngày\s+ký/giu,
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/g,
  /(?:trong\s+|đến\s+)?năm\s+\d{4}/giu,
]
const UNIT_HEAD = /(?:Văn phòng|Ban|Ủy ban|Uỷ ban|Trung tâm|Đảng ủy|Đảng uỷ|Chi bộ|Thành ủy|Tỉnh ủy|Quận ủy|Huyện ủy|Bộ|Sở|Phòng|Cơ quan|Tổ công tác|Mặt trận|Hội đồng|Bộ phận|Đoàn|Hội)(?=\s|$)/gu
const ADMIN_WORDS = new Set(['ủy', 'uỷ', 'phường', 'xã', 'quận', 'huyện', 'thị', 'trấn', 'tỉnh', 'thành', 'phố', 'nhân', 'dân', '-', 'và'])
const SURNAMES = 'Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đào|Đinh|Lương|Trịnh|Mai|Tô|Hà|Chu|Cao|Lâm|Đoàn|Vương|Tạ|Kiều|Quách|Thái|Triệu|Nông|Lò|Tăng|Văn|Trương|Đồng|Lưu|La|Mạc|Phùng|Khúc|Kim|Từ|Âu|Giáp|Tống|Nghiêm|Tiêu|Hứa|Lục|Diệp|Doãn'
/** A Vietnamese personal name: a surname and one to three capitalised words. */
const NAME = new RegExp(`(?<![\\p{L}])(?:${SURNAMES})(?:\\s+\\p{Lu}\\p{Ll}*){1,3}(?![\\p{L}])`, 'gu')
/** A Vietnamese personal name: a surname and one to three capitalised words. */
export const PERSON_NAME = new RegExp(NAME.source, 'u')
const TITLE_WORDS = /(Phó Bí thư Thường trực|Phó Bí thư|Bí thư|Chánh Văn phòng|Phó Chánh Văn phòng|Trưởng ban|Phó Trưởng ban|Trưởng Ban|Phó Trưởng Ban|Chủ nhiệm|Phó Chủ nhiệm|Chủ tịch|Phó Chủ tịch|Tổ trưởng|Tổ phó|Giám đốc|Phó Giám đốc|Ủy viên|Head|Secretary|Deputy Secretary|Chief|Chairman|Director)[^,.;()]*/u

function spansOf(re: RegExp, text: string): string[] {
  return [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => m[0].trim())
}

/** Date and time atoms of a sentence, merged where they stand together ("08 giờ 00 phút, thứ Năm, ngày 26/3/2026"). */
function whenSpan(sentence: string, withTime: boolean): string | undefined {
  const atoms: { at: number; end: number }[] = []
  const add = (re: RegExp) => { for (const m of sentence.matchAll(new RegExp(re.source, re.flags))) atoms.push({ at: m.index!, end: m.index! + m[0].length }) }
  for (const re of DATE_FORMS.slice(0, -1)) add(re)
  if (atoms.length === 0) add(DATE_FORMS.at(-1)!)
  if (withTime || atoms.length) { add(TIME); add(WEEKDAY) }
  if (atoms.length === 0) return undefined
  atoms.sort((a, b) => a.at - b.at || b.end - a.end)
  const groups: { at: number; end: number }[] = []
  for (const a of atoms) {
    const g = groups.at(-1)
    if (g && a.at <= g.end + 3 && /^[\s,;-]*$|^\s*(?:,\s*)?(?:từ|đến|lúc|vào|trong|ngày)?\s*$/u.test(sentence.slice(g.end, Math.max(g.end, a.at)))) g.end = Math.max(g.end, a.end)
    else if (g && a.at < g.end) g.end = Math.max(g.end, a.end)
    else groups.push({ ...a })
  }
  // The group with a date (or the most atoms) wins: a meeting's time and day stand together.
  const scored = groups.map((g) => ({ g, s: (datesIn(sentence.slice(g.at, g.end)).length ? 2 : 0) + (g.end - g.at) / 100 }))
  const best = scored.sort((a, b) => b.s - a.s)[0]!.g
  return sentence.slice(best.at, best.end).replace(/[\s,;]+$/, '')
}

function unitSpans(sentence: string): string[] {
  const out: string[] = []
  for (const m of sentence.matchAll(UNIT_HEAD)) {
    const rest = sentence.slice(m.index! + m[0].length).split(/\s+/).filter(Boolean)
    const taken: string[] = [m[0]]
    for (let i = 0; i < rest.length && taken.length < 10; i++) {
      const w = rest[i]!.replace(/[,.;:()]+$/, '')
      const capital = /^\p{Lu}/u.test(w)
      const next = rest[i + 1]?.replace(/[,.;:()]+$/, '') ?? ''
      if (capital || ADMIN_WORDS.has(w.toLowerCase()) || (/^\p{Ll}/u.test(w) && /^\p{Lu}/u.test(next) && taken.length > 0 && /^\p{Lu}/u.test(taken.at(-1)!))) taken.push(w)
      else break
      if (w !== rest[i]) break
    }
    while (taken.length > 1 && (ADMIN_WORDS.has(taken.at(-1)!.toLowerCase()) && !['ủy', 'uỷ', 'phường', 'xã', 'dân'].includes(taken.at(-1)!.toLowerCase()))) taken.pop()
    if (taken.length > 1 || /^(Văn phòng|Tổ công tác|Bộ phận)$/u.test(m[0])) out.push(taken.join(' '))
  }
  return out
}

function personSpan(sentence: string, question: string): string | undefined {
  const names = [...sentence.matchAll(NAME)]
  if (names.length === 0) return undefined
  const q = fold(question)
  // Who signed: the name at the end of the signing block, with the title above it.
  if (/\b(ky|signed|signer|sign)\b/.test(q) && /\(đã ký\)|T\/M|K\/T|T\/L/u.test(sentence)) {
    const last = names.at(-1)!
    const before = sentence.slice(0, last.index).replace(/\(đã ký\)\s*$/u, '').trim()
    const title = /(PHÓ BÍ THƯ THƯỜNG TRỰC|PHÓ BÍ THƯ|BÍ THƯ|PHÓ CHÁNH VĂN PHÒNG|CHÁNH VĂN PHÒNG|PHÓ TRƯỞNG BAN[^\p{Ll}]*|TRƯỞNG BAN[^\p{Ll}]*|PHÓ CHỦ NHIỆM|CHỦ NHIỆM|PHÓ CHỦ TỊCH|CHỦ TỊCH|GIÁM ĐỐC|TỔ TRƯỞNG)\s*$/u.exec(before)?.[1]?.trim()
    return title ? `${last[0]} (${titleCase(title)})` : last[0]
  }
  const n = names[0]!
  const after = sentence.slice(n.index! + n[0].length)
  const title = /^\s*,\s*([^,.;]+)/u.exec(after)?.[1]
  const beforeTitle = TITLE_WORDS.exec(sentence.slice(Math.max(0, n.index! - 40), n.index))?.[0]
  const t = title && TITLE_WORDS.test(title) ? title.trim() : beforeTitle?.replace(/\s*(đồng chí|ông|bà)\s*$/u, '').trim()
  return t ? `${n[0]} (${t})` : n[0]
}

/** "PHÓ BÍ THƯ" → "Phó Bí thư", "TRƯỞNG BAN TỔ CHỨC" → "Trưởng Ban Tổ chức". */
const titleCase = (s: string) => {
  const low = s.toLowerCase().replace(/bí thư/gu, 'Bí thư').replace(/văn phòng/gu, 'Văn phòng').replace(/ban tổ chức/gu, 'Ban Tổ chức').replace(/ban tuyên giáo/gu, 'Ban Tuyên giáo').replace(/ủy ban kiểm tra/gu, 'Ủy ban Kiểm tra').replace(/ban /gu, 'Ban ')
  return low.charAt(0).toUpperCase() + low.slice(1)
}

/** Words a count is about, from the question ("bao nhiêu đảng viên mới" → đảng viên). */
function countedNoun(question: string): string[] {
  const f = fold(question)
  const m = /\b(?:bao nhieu|may|how many)\s+([a-z\s']{2,40})/.exec(f)
  return m ? m[1]!.split(/\s+/).filter((w) => w.length > 1).slice(0, 3) : []
}

const COUNT = /(?:(?:ít nhất|tối thiểu|trên|dưới|gần|hơn|khoảng|at least|more than|over)\s+)?(?<![\d.,/-])(?<!\b(?:số|số nhà|No\.?)\s)(?:\d{1,3}(?:[.,]\d{3})+|(?!(?:19|20)\d\d\b)\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|two|three|four|five|six|seven|eight|nine|ten)(?![\d.,/%-]\d|\s*%|[/-])\s+(?!giờ|phút|giây|tháng|năm\s+\d|đồng|triệu|tỷ)(?:[\p{L}]+)(?:\s+[\p{Ll}]+){0,2}/gu

/**
 * The answer span of a sentence for a question type, or undefined when the
 * sentence holds none. `list` takes the items of a numbered list after an
 * introduction ending with a colon.
 */
export function extractSpan(type: QuestionType, sentence: string, question: string, passageText = sentence): string | undefined {
  const lv = labelValue(sentence)
  const labelled = LABELS[type]
  if (lv && labelled?.test(lv.label)) return lv.value
  switch (type) {
    case 'percent': return spansOf(PERCENT, sentence)[0]
    case 'amount': return spansOf(AMOUNT, sentence)[0]
    case 'phone': return spansOf(PHONE, sentence)[0]
    case 'duration': return /(?<!ngày\s|\/|\d)(?:trong\s+(?:thời hạn\s+)?|là\s+)?\d+\s*(?:ngày làm việc|ngày|tuần|tháng|năm|giờ)(?!\s*\d)(?:\s+(?:kể từ|từ)[^.;]*)?/iu.exec(sentence)?.[0].replace(/^là\s+/u, '')
    case 'time': return whenSpan(sentence, true)
    case 'date': case 'deadline': {
      const w = whenSpan(sentence, /\b(hop|hoi nghi|meeting|conference|tiep)\b/.test(fold(question)))
      return w && !/^(?:trong\s+|đến\s+)?năm\s+\d{4}$/u.test(w) || (w && /\bnam nao|which year|what year\b/.test(fold(question))) ? w : undefined
    }
    case 'person': return personSpan(sentence, question) ?? unitSpans(sentence)[0]
    case 'unit': {
      const issuer = /do\s+(.+?)\s+ban hành/u.exec(sentence)?.[1]
      if (issuer && /\b(ban hanh|issued|issue)\b/.test(fold(question))) return issuer
      return unitSpans(sentence)[0]
    }
    case 'count': {
      const noun = countedNoun(question)
      const all = [...sentence.matchAll(COUNT)].map((m) => m[0]).filter((c) => !datesIn(c).length)
      return all.find((c) => noun.some((w) => fold(c).includes(w))) ?? all[0]
    }
    case 'list': {
      const at = passageText.indexOf(':')
      if (at < 0) return undefined
      const items = passageText.slice(at + 1).split(/(?:^|\s)(?=\d{1,2}[.)]\s)/u).map((x) => x.trim()).filter((x) => /^\d{1,2}[.)]\s/u.test(x))
      return items.length >= 2 ? items.map((x) => x.replace(/[.;]\s*$/, '')).join('; ') : undefined
    }
    default: return undefined
  }
}

/** Types whose answer must be a span: a sentence without one does not answer. */
export const TYPED: ReadonlySet<QuestionType> = new Set(['list', 'percent', 'amount', 'duration', 'time', 'deadline', 'date', 'place', 'phone', 'person', 'unit', 'count'])

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
/** "ngày 26/3/2026" → "26 March 2026" (the first full date of a span), else undefined. */
export function englishDate(span: string): string | undefined {
  const d = datesIn(span)[0]
  if (d) return `${Number(d.iso.slice(8, 10))} ${EN_MONTHS[Number(d.iso.slice(5, 7)) - 1]} ${d.iso.slice(0, 4)}`
  const m = /tháng\s+(\d{1,2})(?:\s*\/\s*|\s+năm\s+)(\d{4})/u.exec(span)
  if (m) return `${EN_MONTHS[Number(m[1]) - 1]} ${m[2]}`
  const q = /quý\s+([IV]{1,3})(?:\s*\/\s*|\s+năm\s+)(\d{4})/u.exec(span)
  if (q) return `Q${['I', 'II', 'III', 'IV'].indexOf(q[1]!) + 1} ${q[2]}`
  return undefined
}

/** The English answer around a span (the Vietnamese span and the sentence quoted). */
export function englishTemplate(type: QuestionType, span: string, doc: string, sentence: string): string {
  const quote = `“${sentence}”`
  const date = englishDate(span)
  const num = /\d[\d.,]*/.exec(span)?.[0]
  switch (type) {
    case 'amount': return `The amount is ${span} according to ${doc}: ${quote}`
    case 'percent': return `The figure is ${span} according to ${doc}: ${quote}`
    case 'count': return `${num ? `The number is ${num} (“${span}”)` : `“${span}”`} according to ${doc}: ${quote}`
    case 'date': return `${date ? `On ${date} (“${span}”)` : `“${span}”`}, according to ${doc}: ${quote}`
    case 'time': return `At “${span}”${date ? ` (${date})` : ''}, according to ${doc}: ${quote}`
    case 'deadline': return `${date ? `By ${date} (“${span}”)` : `“${span}”`}, according to ${doc}: ${quote}`
    case 'duration': return `Within “${span}”, according to ${doc}: ${quote}`
    case 'place': return `The place is “${span}”, according to ${doc}: ${quote}`
    case 'phone': return `The number is ${span}, according to ${doc}: ${quote}`
    case 'person': return `“${span}”, according to ${doc}: ${quote}`
    case 'unit': return `The unit is “${span}”, according to ${doc}: ${quote}`
    case 'list': return `${doc} lists ${span.split('; ').length} items: ${span.split('; ').map((x) => `“${x}”`).join('; ')}`
    default: return `According to ${doc}: ${quote}`
  }
}

/** The Vietnamese answer around a span: the span, then the sentence it stands in. */
export function vietnameseTemplate(type: QuestionType, span: string, doc: string, sentence: string): string {
  if (type === 'list') return `${doc} nêu ${span.split('; ').length} nội dung: ${span}`
  const s = span.charAt(0).toUpperCase() + span.slice(1)
  return sentence.includes(span) && sentence.length - span.length < 12 ? `${sentence}` : `${s} — theo ${doc}: “${sentence}”`
}
