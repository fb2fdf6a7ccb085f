/**
 * Hỗ trợ thẩm định: the rule-based review of a draft. Format per the Party
 * format guide (36-HD/VPTW: header, issuing body with its star, number and
 * symbol, place and date, type and summary, signing authority, recipients),
 * citations checked against the register (exists, well formed, date, in
 * force, near-misses named), and consistency (deadlines on non-working days
 * or before the document's date, recipients that no longer exist, one
 * abbreviation for two things). Each finding has a location and a fix.
 * Pure: the register and the units are looked up by the caller.
 */
import { fold } from '../text/fold.js'
import { CALENDAR, type WorkingCalendar } from '../calendar/working-days.js'
import { canonical, parseSymbol, symbolKey, type DocumentSymbol } from '../documents/symbols.js'
import { DOCUMENT_TYPES, findIssuer } from '../documents/types.js'
import { dateLine as formatDateLine } from '../documents/numbering.js'
import { BODY_TITLES, ALL_TITLES, authorityLines } from '../documents/authority.js'
import { bodyOf, bodyOfName, type Body } from '../org/bodies.js'
import type { UnitKind } from '../org/levels.js'
import { datesIn, symbolsIn, viDate, type SymbolMention } from './text.js'

/** `substance`: an LLM review's comments (AWS only), always suggestions. */
export type FindingCategory = 'format' | 'citation' | 'consistency' | 'substance'
export interface Finding {
  category: FindingCategory
  /** Message key (shared/i18n/assistant.ts); `params` fill it. */
  code: string
  severity: 'error' | 'warning' | 'suggestion'
  location: { page: number; line: number; excerpt: string }
  params: Record<string, string>
  /** Suggested fix: a message key with its params (text to write, a symbol). */
  fix: { code: string; params: Record<string, string> }
}

export interface RegisterEntry { documentId: string; symbol: string; symbolKey: string; documentDate?: string; title: string; inForce: boolean; replacedBy?: string }
export interface UnitName { name: string; validTo?: string; successorNames: string[]; kind?: UnitKind }

export interface AppraisalContext {
  /** Documents of the register the cited symbols could be (same key, or same number or type): the caller looks them up. */
  register: readonly RegisterEntry[]
  /** Names of units (current and ended), for recipients. */
  units: readonly UnitName[]
  today: string
  calendar?: WorkingCalendar
}

export interface DraftLine { page: number; line: number; text: string }

/** Lines of the pages of a draft, numbered per page. */
export function draftLines(pages: readonly string[]): DraftLine[] {
  return pages.flatMap((p, i) => p.split(/\r?\n/).map((text, j) => ({ page: i + 1, line: j + 1, text: text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text))
}

/** Does this text look like a document at all (some of the mandatory components)? */
export function looksLikeDocument(lines: readonly DraftLine[]): boolean {
  const all = lines.map((l) => fold(l.text))
  const signs = [
    all.some((t) => t.includes('dang cong san viet nam')),
    all.some((t) => /^so\s*:?\s*\d/.test(t)),
    all.some((t) => /ngay \d{1,2} thang \d{1,2} nam \d{4}/.test(t)),
    all.some((t) => t.startsWith('noi nhan')),
    all.some((t) => /^(t\/m|k\/t|t\/l|tm\.|kt\.)/.test(t)),
    all.some((t) => TYPE_LINES.some((n) => t === n)),
  ]
  return signs.filter(Boolean).length >= 2
}

const TYPE_LINES = DOCUMENT_TYPES.map((t) => fold(t.name.vi))
const COLLECTIVE = /^(ban chap hanh|ban thuong vu|thanh uy|tinh uy|dang uy|huyen uy|quan uy|thi uy|chi bo|ban can su|dang doan|uy ban kiem tra|dai hoi)/
const HEAD_LINES = 14

const loc = (l: DraftLine) => ({ page: l.page, line: l.line, excerpt: l.text.slice(0, 160) })
const first = (lines: readonly DraftLine[]): DraftLine => lines[0] ?? { page: 1, line: 1, text: '' }

export function appraise(pages: readonly string[], ctx: AppraisalContext): Finding[] {
  const lines = draftLines(pages)
  const findings: Finding[] = []
  const add = (category: FindingCategory, code: string, l: DraftLine, params: Record<string, string>, fix: string, fixParams: Record<string, string> = {}, severity: Finding['severity'] = 'error') =>
    findings.push({ category, code, severity, location: loc(l), params, fix: { code: fix, params: fixParams } })
  const head = lines.slice(0, HEAD_LINES)
  const folded = (l: DraftLine) => fold(l.text)

  // (1) header
  if (!head.some((l) => folded(l) === 'dang cong san viet nam')) add('format', 'appraisal.format.headerMissing', first(lines), {}, 'appraisal.fix.header')

  // (2) issuing body: superior body, issuing body, then "*"
  const star = head.findIndex((l) => l.text === '*')
  const issuerLine = star > 0 ? head[star - 1] : undefined
  if (star < 0) add('format', 'appraisal.format.issuerStarMissing', first(lines), {}, 'appraisal.fix.issuerStar')
  else if (star < 2 || !isCaps(head[star - 1].text) || !isCaps(head[star - 2].text)) add('format', 'appraisal.format.issuerBlock', head[star], {}, 'appraisal.fix.issuerBlock')
  const collective = issuerLine ? COLLECTIVE.test(fold(issuerLine.text)) : false

  // (3) number and symbol
  let own: DocumentSymbol | undefined
  const numberLine = head.find((l) => /^số\b/iu.test(l.text) || /^so\s*:?\s*\d/.test(folded(l)))
  if (!numberLine) add('format', 'appraisal.format.symbolMissing', first(lines), {}, 'appraisal.fix.symbol')
  else {
    const raw = numberLine.text.replace(/^số\s*/iu, '')
    const parsed = parseSymbol(numberLine.text)
    if (!parsed.ok) add('format', 'appraisal.format.symbolMalformed', numberLine, { text: numberLine.text }, 'appraisal.fix.symbol')
    else {
      own = parsed.symbol
      const shown = `Số ${canonical(parsed.symbol)}`
      const written = raw.trim().replace(/^:\s*/, '').replace(/\s/g, '')
      if (/^:/.test(raw.trim()) && parsed.symbol.style === 'party') add('format', 'appraisal.format.symbolColon', numberLine, { text: numberLine.text }, 'appraisal.fix.write', { text: shown })
      else if (written !== canonical(parsed.symbol)) add('format', 'appraisal.format.symbolForm', numberLine, { text: numberLine.text }, 'appraisal.fix.write', { text: shown })
    }
  }

  // (4) place and date, zero-padded
  const dateLine = head.find((l) => /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/iu.test(l.text))
  let documentDate: string | undefined
  if (!dateLine) add('format', 'appraisal.format.dateMissing', first(lines), {}, 'appraisal.fix.date')
  else {
    const m = /^(.*?),?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(dateLine.text)!
    const [, place, d, mo, y] = m
    documentDate = datesIn(dateLine.text)[0]?.iso
    // Days below 10 and the months January and February take a leading zero; other months do not (DOMAIN, 36-HD/VPTW).
    const fixed = documentDate ? formatDateLine(place.trim() || 'Hà Nội', documentDate) : `${place.trim() || 'Hà Nội'}, ngày ${d} tháng ${mo} năm ${y}`
    const padded = d.length === 2 && (Number(mo) <= 2 ? mo.length === 2 : !mo.startsWith('0'))
    if (!documentDate) add('format', 'appraisal.format.dateInvalid', dateLine, { text: dateLine.text }, 'appraisal.fix.date')
    else if (!padded) add('format', 'appraisal.format.datePadding', dateLine, { text: dateLine.text }, 'appraisal.fix.write', { text: fixed })
    if (!place.trim()) add('format', 'appraisal.format.placeMissing', dateLine, {}, 'appraisal.fix.write', { text: fixed })
  }

  // (5) type name and summary (a công văn has a "V/v" line instead)
  const typeLine = lines.slice(0, HEAD_LINES + 4).find((l) => TYPE_LINES.includes(folded(l)) && isCaps(l.text))
  const vv = head.find((l) => /^v\/v\b/i.test(l.text))
  if (own?.type === 'CV') { if (!vv) add('format', 'appraisal.format.summaryMissing', numberLine ?? first(lines), {}, 'appraisal.fix.vv') }
  else if (!typeLine) add('format', 'appraisal.format.typeMissing', numberLine ?? first(lines), {}, 'appraisal.fix.type', { type: own ? DOCUMENT_TYPES.find((t) => t.code === own!.type)?.name.vi.toUpperCase() ?? '' : '' })
  else {
    const declared = DOCUMENT_TYPES.find((t) => fold(t.name.vi) === folded(typeLine))
    if (own && declared && declared.code !== own.type && !(own.type === 'QĐ' && declared.code === 'QĐi')) {
      add('format', 'appraisal.format.typeMismatch', typeLine, { type: typeLine.text, symbol: canonical(own) }, 'appraisal.fix.type', { type: DOCUMENT_TYPES.find((t) => t.code === own!.type)?.name.vi.toUpperCase() ?? '' })
    }
    const next = lines[lines.indexOf(typeLine) + 1]
    if (!next || isCaps(next.text) && !/^(về|v\/v)/iu.test(next.text) || next.text.length < 8) add('format', 'appraisal.format.summaryMissing', typeLine, {}, 'appraisal.fix.summary')
  }

  // (7) signing authority, by the body that issues (DOMAIN.md §2 "Signing authority"; shared/documents/authority.ts)
  const recipientsAt = lines.findIndex((l) => /^nơi nhận/iu.test(l.text) || folded(l).startsWith('noi nhan'))
  const issuing = issuerLine ? issuingBody(issuerLine.text, star >= 2 ? head[star - 2].text : undefined, ctx.units) : undefined
  const authority = lines.find((l) => /^(T\/M|K\/T|T\/L|TM\.|KT\.|TL\.)\s*\S/u.test(l.text))
  const after = lines.indexOf(dateLine ?? head.at(-1) ?? first(lines))
  const titleLine = authority ? lines[lines.indexOf(authority) + 1] : lines.find((l, i) => i > after && isTitle(l.text))
  const issuerName = issuerLine?.text ?? ''
  if (!authority && (issuing ? BODY_TITLES[issuing].collective : collective)) {
    add('format', 'appraisal.format.authorityMissing', titleLine ?? lines[recipientsAt] ?? lines.at(-1) ?? first(lines), {}, 'appraisal.fix.write', { text: `T/M ${issuing ? BODY_TITLES[issuing].collective : 'BAN THƯỜNG VỤ'}` })
  } else if (authority && /^(TM\.|KT\.|TL\.)/u.test(authority.text) && issuing !== 'front' && issuing !== 'youth') {
    const a = authority.text
    add('format', 'appraisal.format.authorityStateStyle', authority, { text: a }, 'appraisal.fix.write', { text: a.replace(/^TM\.\s*/u, 'T/M ').replace(/^KT\.\s*/u, 'K/T ').replace(/^TL\.\s*/u, 'T/L ') })
  } else if (issuing) {
    const wrong = authorityDefect(issuing, authority?.text, titleLine && isTitle(titleLine.text) ? titleLine.text : undefined)
    if (wrong) {
      const at = wrong.onTitle && titleLine ? titleLine : authority ?? titleLine!
      add('format', wrong.code, at, { text: at.text, issuer: issuerName, head: BODY_TITLES[issuing].head, deputy: BODY_TITLES[issuing].deputy }, 'appraisal.fix.write', { text: wrong.fix })
    }
  } else if (authority && collective && /^K\/T\b/u.test(authority.text)) {
    add('format', 'appraisal.format.authorityKtOnCommittee', authority, { text: authority.text, issuer: issuerName }, 'appraisal.fix.write', { text: 'T/M BAN THƯỜNG VỤ' })
  }

  // (9) recipients
  if (recipientsAt < 0) add('format', 'appraisal.format.recipientsMissing', lines.at(-1) ?? first(lines), {}, 'appraisal.fix.recipients')

  // Citations against the register
  const body = lines.filter((l) => l !== numberLine)
  for (const l of body) {
    for (const mention of symbolsIn(l.text)) findings.push(...checkCitation(mention, l, ctx, documentDate))
  }

  // Consistency: deadlines
  const cal = ctx.calendar ?? CALENDAR
  for (const l of body) {
    if (l === dateLine) continue
    const f = fold(l.text)
    for (const d of datesIn(l.text)) {
      const before = fold(l.text.slice(Math.max(0, d.index - 40), d.index))
      const isDeadline = /(truoc|cham nhat|han|hoan thanh|xong|den)\s*(ngay)?\s*$/.test(before.trim()) || /\b(truoc|cham nhat|thoi han)\b/.test(before)
      const cited = symbolsIn(l.text).some((s) => Math.abs(s.index - d.index) < 60 && s.index < d.index)
      if (!isDeadline || cited) continue
      if (!cal.isWorkingDay(d.iso)) add('consistency', 'appraisal.consistency.nonWorkingDay', l, { date: viDate(d.iso) }, 'appraisal.fix.workingDay', { date: viDate(cal.nextWorkingDay(d.iso)) }, 'warning')
      if (documentDate && d.iso < documentDate) add('consistency', 'appraisal.consistency.deadlineBeforeDate', l, { date: viDate(d.iso), documentDate: viDate(documentDate) }, 'appraisal.fix.deadline')
      void f
    }
  }

  // Consistency: recipients that no longer exist
  if (recipientsAt >= 0) {
    for (const l of lines.slice(recipientsAt + 1)) {
      const name = fold(l.text.replace(/^[-–•+]\s*/, '').replace(/[,;.]+$/, ''))
      if (!name || /^(nhu tren|luu)/.test(name)) continue
      const unit = ctx.units.find((u) => name.includes(fold(u.name)) && fold(u.name).length >= 6)
      if (unit?.validTo && unit.validTo < ctx.today && !ctx.units.some((u) => !u.validTo && fold(u.name) === fold(unit.name))) {
        add('consistency', 'appraisal.consistency.recipientEnded', l, { name: unit.name, date: viDate(unit.validTo) }, unit.successorNames.length ? 'appraisal.fix.successor' : 'appraisal.fix.removeRecipient', { name: unit.successorNames.join(', ') })
      } else if (!unit && /^(quan uy|huyen uy|thi uy)\b/.test(name)) {
        add('consistency', 'appraisal.consistency.recipientLevelEnded', l, { name: l.text.replace(/^[-–•+]\s*/, '').replace(/[,;.]+$/, '') }, 'appraisal.fix.removeRecipient', {})
      }
    }
  }

  // Consistency: units the text names that had ended by its date (DOMAIN.md §1, §5: the district level ended on 30/06/2025;
  // old names stay readable, so this is a warning naming the successor — a historic mention may be meant).
  const asOf = documentDate ?? ctx.today
  const mentioned = new Set<string>()
  for (const l of lines.slice(0, recipientsAt >= 0 ? recipientsAt : lines.length)) {
    if (l === numberLine || l === dateLine) continue
    for (const m of endedUnitsIn(l.text, ctx.units, asOf)) {
      if (mentioned.has(fold(m.name))) continue
      mentioned.add(fold(m.name))
      if (m.unit) add('consistency', 'appraisal.consistency.unitEnded', l, { name: m.name, date: viDate(m.unit.validTo!) }, m.unit.successorNames.length ? 'appraisal.fix.successorMention' : 'appraisal.fix.endedMention', { name: m.unit.successorNames.join(', ') }, 'warning')
      else add('consistency', 'appraisal.consistency.levelEndedMention', l, { name: m.name }, 'appraisal.fix.endedMention', {}, 'warning')
    }
  }

  // Consistency: one abbreviation for two things
  const defs = new Map<string, { meaning: string; line: DraftLine }>()
  for (const l of body) {
    for (const m of l.text.matchAll(/([\p{L}\s,-]{4,80}?)\s*\((?:sau đây )?(?:gọi tắt là|viết tắt là|sau đây gọi là)\s*:?\s*["“]?([^)"”]{1,30})["”]?\)/giu)) {
      const term = fold(m[2].trim())
      const meaning = m[1].trim().split(/\s+/).slice(-6).join(' ')
      const prior = defs.get(term)
      if (prior && fold(prior.meaning) !== fold(meaning)) add('consistency', 'appraisal.consistency.termTwoMeanings', l, { term: m[2].trim(), first: prior.meaning, second: meaning, line: String(prior.line.line) }, 'appraisal.fix.term', { term: m[2].trim() }, 'warning')
      else if (!prior) defs.set(term, { meaning, line: l })
    }
  }
  return findings
}

/** The body the issuing-body line names: its unit's kind when the unit is known (the line alone, or with its superior: "BAN TỔ CHỨC" under "THÀNH ỦY HÀ NỘI"), else the name's own words. */
function issuingBody(issuer: string, superior: string | undefined, units: readonly UnitName[]): Body | undefined {
  const i = fold(issuer)
  const full = superior ? `${i} ${fold(superior)}` : i
  const unit = units.find((u) => { const n = fold(u.name); return !!u.kind && (n === i || n.startsWith(`${i} `) && full.startsWith(n)) })
  return unit?.kind ? bodyOf(unit.kind, unit.name) : bodyOfName(issuer)
}

const FOLDED_TITLES = ALL_TITLES.map(fold)
const isTitle = (text: string) => FOLDED_TITLES.includes(fold(text)) && isCaps(text)
const same = (a: string, b: string) => fold(a) === fold(b)

/**
 * What is wrong with a signature block (authority line, title line) for a
 * body, with the lines to write instead; undefined when it is one of the
 * body's correct forms. T/L (delegation) is accepted as written [R].
 */
function authorityDefect(body: Body, authority: string | undefined, title: string | undefined): { code: string; fix: string; onTitle?: boolean } | undefined {
  const t = BODY_TITLES[body]
  const deputy = !!title && fold(title).startsWith('pho ')
  const form = (d: boolean) => authorityLines(body, d ? 'deputy' : 'head').join(' / ')
  const m = authority ? /^(T\/M|K\/T|T\/L|TM\.|KT\.|TL\.)\s*(.*)$/u.exec(authority) : null
  const kind = m ? m[1].replace('.', '').replace(/^(T|K)(M|T|L)$/, '$1/$2') : undefined
  const rest = m?.[2] ?? ''
  const titled = !!title && !(same(title, t.head) || same(title, t.deputy))
  if (kind === 'T/L') return undefined
  if (kind === 'T/M') {
    // The Front's standing board signs on behalf of its committee [R]; boards and the Office are not collective bodies.
    if (!t.collective && body !== 'front') return { code: 'appraisal.format.authorityOnBehalfOfAgency', fix: form(deputy) }
    if (titled) return { code: 'appraisal.format.authorityTitle', fix: t.collective ? `T/M ${t.collective} / ${deputy ? t.deputy : t.head}` : form(deputy), onTitle: true }
    return undefined
  }
  if (kind === 'K/T') {
    if (t.collective && !t.deputyKt) return { code: 'appraisal.format.authorityKtOnCommittee', fix: `T/M ${t.collective}` }
    if (!same(rest, t.head)) return { code: 'appraisal.format.authorityKtHead', fix: form(true) }
    if (title && !same(title, t.deputy)) return { code: 'appraisal.format.authorityTitle', fix: form(true), onTitle: true }
    return undefined
  }
  if (!title) return undefined
  if (titled) return { code: 'appraisal.format.authorityTitle', fix: form(deputy), onTitle: true }
  if (same(title, t.deputy)) return { code: 'appraisal.format.authorityDeputyKt', fix: form(true), onTitle: true }
  return undefined
}

const DISTRICT_END = '2025-06-30'
const wordAt = (text: string, word: string) => new RegExp(`(?<![a-z0-9])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`).test(text)

/**
 * The units a line names that no longer existed on `asOf`: known units that
 * ended (unless a unit living then has the same name, or a longer living
 * name covers the mention), and district-level committees ("Quận ủy Hoàn
 * Kiếm") the tree does not know, once the district level has ended.
 */
export function endedUnitsIn(text: string, units: readonly UnitName[], asOf: string): { name: string; unit?: UnitName }[] {
  const f = fold(text)
  const living = units.filter((u) => !u.validTo || u.validTo >= asOf).map((u) => fold(u.name))
  const out: { name: string; unit?: UnitName }[] = []
  for (const u of units) {
    const n = fold(u.name)
    if (!u.validTo || u.validTo >= asOf || n.length < 6 || !wordAt(f, n)) continue
    if (living.some((x) => x === n || x.includes(n) && wordAt(f, x))) continue
    if (!out.some((o) => fold(o.name) === n)) out.push({ name: u.name, unit: u })
  }
  if (asOf > DISTRICT_END) {
    for (const m of text.matchAll(/\b(?:Quận|QUẬN|Huyện|HUYỆN|Thị|THỊ)\s+(?:ủy|uỷ|ỦY|UỶ)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*/gu)) {
      const n = fold(m[0])
      if (!out.some((o) => fold(o.name) === n) && !units.some((u) => fold(u.name) === n)) out.push({ name: m[0] })
    }
  }
  return out
}

function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length > 1 && letters === letters.toUpperCase()
}

function checkCitation(m: SymbolMention, l: DraftLine, ctx: AppraisalContext, draftDate: string | undefined): Finding[] {
  const out: Finding[] = []
  const add = (code: string, params: Record<string, string>, fix: string, fixParams: Record<string, string> = {}, severity: Finding['severity'] = 'error') =>
    out.push({ category: 'citation', code, severity, location: loc(l), params: { symbol: m.text, ...params }, fix: { code: fix, params: fixParams } })
  // The date written after the symbol ("57-NQ/TW ngày 22/12/2024").
  const after = l.text.slice(m.index + m.text.length, m.index + m.text.length + 60)
  const dateAfter = /^\s*,?\s*(ngày|ban hành ngày|dated)?\s*/iu.test(after) ? datesIn(after).find((d) => d.index < 30) : undefined
  if (!findIssuer(m.symbol.issuer) && m.symbol.style === 'party') add('appraisal.citation.unknownIssuer', { issuer: m.symbol.issuer }, 'appraisal.fix.checkSymbol')
  const written = m.text.replace(/^số\s*:?\s*/iu, '')
  if (written.replace(/\s/g, '') !== m.canonical) add('appraisal.citation.symbolForm', {}, 'appraisal.fix.write', { text: m.canonical }, 'warning')
  const exact = ctx.register.filter((e) => e.symbolKey === m.key)
  if (exact.length === 0) {
    const near = nearMisses(m.symbol, ctx.register)
    if (near) add('appraisal.citation.notFoundNear', { canonical: m.canonical }, 'appraisal.fix.didYouMean', { symbol: near.symbol, date: near.documentDate ? viDate(near.documentDate) : '' })
    else add('appraisal.citation.notFound', { canonical: m.canonical }, 'appraisal.fix.checkSymbol')
    return out
  }
  const match = dateAfter ? exact.find((e) => e.documentDate === dateAfter.iso) : exact[0]
  if (dateAfter && !match) {
    const e = exact[0]
    add('appraisal.citation.dateMismatch', { written: viDate(dateAfter.iso), actual: e.documentDate ? viDate(e.documentDate) : '?' }, 'appraisal.fix.write', { text: `${e.symbol} ngày ${e.documentDate ? viDate(e.documentDate) : ''}` })
  }
  const e = match ?? exact[0]
  if (!e.inForce) add('appraisal.citation.notInForce', { canonical: e.symbol }, e.replacedBy ? 'appraisal.fix.replacedBy' : 'appraisal.fix.checkSymbol', { symbol: e.replacedBy ?? '' })
  if (draftDate && e.documentDate && e.documentDate > draftDate) add('appraisal.citation.afterDraft', { canonical: e.symbol, date: viDate(e.documentDate) }, 'appraisal.fix.checkSymbol', {}, 'warning')
  return out
}

/**
 * The register entry a mistyped symbol most likely meant: the same number and
 * type under another issuer ("57-NQ/TU" for 57-NQ/TW), or the same type and
 * issuer with the number one edit away — one digit wrong, missing or extra, or
 * two digits swapped ("75-NQ/TW" for 57-NQ/TW: Damerau–Levenshtein, optimal
 * string alignment, on the number written with at least two digits). Swapped
 * digits come first, then documents in force, then the newest.
 */
export function nearMisses(s: DocumentSymbol, register: readonly RegisterEntry[]): RegisterEntry | undefined {
  const own = numberText(s.number)
  const ranked: { e: RegisterEntry; rank: number }[] = []
  for (const e of register) {
    const p = parseSymbol(e.symbol)
    if (!p.ok || p.symbol.type !== s.type || (p.symbol.year ?? 0) !== (s.year ?? 0)) continue
    if (p.symbol.number === s.number && p.symbol.issuer !== s.issuer) ranked.push({ e, rank: 1 })
    else if (p.symbol.issuer === s.issuer && p.symbol.number !== s.number && osaDistance(own, numberText(p.symbol.number)) === 1) {
      ranked.push({ e, rank: sameDigits(own, numberText(p.symbol.number)) ? 0 : 1 })
    }
  }
  ranked.sort((x, y) => x.rank - y.rank || Number(y.e.inForce) - Number(x.e.inForce) || (y.e.documentDate ?? '').localeCompare(x.e.documentDate ?? ''))
  return ranked[0]?.e
}

const numberText = (n: number) => String(n).padStart(2, '0')
const sameDigits = (a: string, b: string) => [...a].sort().join('') === [...b].sort().join('')

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1. */
export function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/**
 * Keys of the symbols one edit away from `s` in its number (same type,
 * issuer and year), for the register look-up of near misses.
 */
export function nearKeys(s: DocumentSymbol): string[] {
  const own = numberText(s.number)
  const out = new Set<string>()
  const digits = '0123456789'
  const variants: string[] = []
  for (let i = 0; i < own.length; i++) {
    for (const c of digits) variants.push(own.slice(0, i) + c + own.slice(i + 1))
    variants.push(own.slice(0, i) + own.slice(i + 1))
    if (i + 1 < own.length) variants.push(own.slice(0, i) + own[i + 1] + own[i] + own.slice(i + 2))
  }
  for (let i = 0; i <= own.length; i++) for (const c of digits) variants.push(own.slice(0, i) + c + own.slice(i))
  for (const v of variants) {
    const n = Number(v)
    if (!v || !Number.isInteger(n) || n <= 0 || n === s.number || osaDistance(own, numberText(n)) !== 1) continue
    out.add(symbolKey({ ...s, number: n }))
  }
  return [...out]
}

/** The cited symbols of a draft (for the register look-up): keys and (number, type) pairs. */
export function citedSymbols(pages: readonly string[]): SymbolMention[] {
  return draftLines(pages).flatMap((l) => symbolsIn(l.text))
}
