/**
 * Number and symbol of a document (số, ký hiệu), read tolerantly and written
 * canonically. Party style: `57-NQ/TW`, `141-CV/VPTW/nb` (number at least two
 * digits, drafting unit in lower case). State style (Decree 30/2020):
 * `30/2020/NĐ-CP`, `724/HD-TCQT`.
 *
 * Accepted input: "57/NQ-TW", "57 NQ TW", "57NQTW", "Số 09 KH/ĐU", "số: 06-Ctr/TU",
 * "204-QD/TW" (Đ missing), "19-QDi/TU". The style follows the separators,
 * except that "/TYPE-ISSUER" with a known Party issuer (TW, TU, ĐU ...) is a
 * Party symbol written the state way. Rejections carry a message key.
 */
import { fold } from '../text/fold.js'
import { DOCUMENT_TYPES, STATE_ONLY_TYPES, findIssuer, findType } from './types.js'

export type SymbolStyle = 'party' | 'state'
export interface DocumentSymbol {
  style: SymbolStyle
  number: number
  /** Canonical type code (NQ, QĐ, QĐi, CTr ...). */
  type: string
  /** Issuer code, upper case (TW, TU, ĐU, TCQT ...). */
  issuer: string
  /** Drafting unit, lower case (Party style only): "nb" in 141-CV/VPTW/nb. */
  drafter?: string
  /** Year (state style legal documents): 2020 in 30/2020/NĐ-CP. */
  year?: number
}

export type SymbolReason =
  | 'symbol.empty' | 'symbol.noNumber' | 'symbol.badNumber' | 'symbol.noType' | 'symbol.unknownType'
  | 'symbol.noIssuer' | 'symbol.badIssuer' | 'symbol.badYear' | 'symbol.badDrafter' | 'symbol.unparseable'

export type SymbolParse =
  | { ok: true; symbol: DocumentSymbol }
  | { ok: false; reason: SymbolReason; params: Record<string, string> }

export const SYMBOL_REASONS: readonly SymbolReason[] = [
  'symbol.empty', 'symbol.noNumber', 'symbol.badNumber', 'symbol.noType', 'symbol.unknownType',
  'symbol.noIssuer', 'symbol.badIssuer', 'symbol.badYear', 'symbol.badDrafter', 'symbol.unparseable',
]

const fail = (reason: SymbolReason, params: Record<string, string> = {}): SymbolParse => ({ ok: false, reason, params })
const ISSUER_RE = /^[A-ZĐ][A-ZĐ0-9]{0,11}$/u
const DRAFTER_RE = /^[a-zđ][a-zđ0-9]{0,9}$/u
/** Longest first, so "CTr" wins over "CT" when splitting "CTrTU". */
const TYPES_LONGEST_FIRST = [...DOCUMENT_TYPES, ...STATE_ONLY_TYPES].sort((a, b) => b.code.length - a.code.length)

/** Strips "Số", "Số:", "No." and unifies dashes and spaces. */
function clean(input: string): string {
  return input.normalize('NFC').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ').trim()
    .replace(/^(số|so|no\.?)\s*:?\s*/iu, '').trim()
}

/** "NQTW" → ["NQ", "TW"] when the tail is a known issuer. */
function splitJammed(token: string): [string, string] | undefined {
  const f = fold(token)
  for (const t of TYPES_LONGEST_FIRST) {
    const head = fold(t.code)
    if (f.startsWith(head) && f.length > head.length && findIssuer(token.slice(t.code.length))) return [token.slice(0, t.code.length), token.slice(t.code.length)]
  }
  return undefined
}

export function parseSymbol(input: string): SymbolParse {
  const s = clean(input ?? '')
  if (!s) return fail('symbol.empty')
  const m = /^(\d+)\s*([-/. ]*)\s*(.*)$/u.exec(s)
  if (!m) return fail('symbol.noNumber', { input: s })
  const [, digits, sep, restRaw] = m
  const number = Number(digits)
  if (number < 1 || digits.replace(/^0+/, '').length > 6) return fail('symbol.badNumber', { number: digits })
  let rest = restRaw.trim()
  if (!rest) return fail('symbol.noType', { input: s })

  let year: number | undefined
  const withYear = /^(\d{4})\s*\/\s*(.*)$/u.exec(rest)
  if (withYear) {
    year = Number(withYear[1])
    if (year < 1930 || year > 2100) return fail('symbol.badYear', { year: withYear[1] })
    rest = withYear[2]
  } else if (/^\d/.test(rest)) {
    return fail('symbol.unparseable', { input: s })
  }

  let tokens = rest.split(/[-/. ]+/u).filter(Boolean)
  if (tokens.length === 0) return fail('symbol.noType', { input: s })
  if (tokens.some((t) => !/^[\p{L}0-9]+$/u.test(t))) return fail('symbol.unparseable', { input: s })
  if (tokens.length === 1) {
    const jammed = splitJammed(tokens[0])
    if (jammed) tokens = jammed
    else return findType(tokens[0]) ? fail('symbol.noIssuer', { type: findType(tokens[0])!.code }) : fail('symbol.unknownType', { type: tokens[0] })
  }
  const type = findType(tokens[0])
  if (!type) return fail('symbol.unknownType', { type: tokens[0] })
  const issuerToken = tokens[1]
  const known = findIssuer(issuerToken)
  const issuer = known?.code ?? issuerToken.toUpperCase()
  if (!ISSUER_RE.test(issuer)) return fail('symbol.badIssuer', { issuer: issuerToken })

  const stateType = STATE_ONLY_TYPES.some((t) => t.code === type.code)
  const slashFirst = sep.includes('/') && !sep.includes('-')
  const style: SymbolStyle = year !== undefined || stateType || (slashFirst && !known) ? 'state' : 'party'

  const extra = tokens.slice(2)
  if (style === 'state') {
    // State symbols may name the issuing body and its drafting section: 45/BC-BTC-NSNN.
    const parts = [issuer, ...extra.map((e) => e.toUpperCase())]
    if (parts.some((p) => !ISSUER_RE.test(p))) return fail('symbol.badIssuer', { issuer: parts.join('-') })
    return { ok: true, symbol: { style, number, type: type.code, issuer: parts.join('-'), ...(year !== undefined ? { year } : {}) } }
  }
  if (extra.length > 1) return fail('symbol.unparseable', { input: s })
  const drafter = extra[0]?.toLowerCase()
  if (drafter !== undefined && !DRAFTER_RE.test(drafter)) return fail('symbol.badDrafter', { drafter: extra[0] })
  return { ok: true, symbol: { style, number, type: type.code, issuer, ...(drafter ? { drafter } : {}) } }
}

/** Numbers have at least two digits: 1 → "01". */
export const formatNumber = (n: number): string => String(n).padStart(2, '0')

/** `57-NQ/TW`, `141-CV/VPTW/nb`, `30/2020/NĐ-CP`. */
export function canonical(symbol: DocumentSymbol): string {
  if (symbol.style === 'state') return `${formatNumber(symbol.number)}/${symbol.year !== undefined ? `${symbol.year}/` : ''}${symbol.type}-${symbol.issuer}`
  return `${formatNumber(symbol.number)}-${symbol.type}/${symbol.issuer}${symbol.drafter ? `/${symbol.drafter}` : ''}`
}

/** Canonical form of any accepted input, or undefined. */
export function canonicalise(input: string): string | undefined {
  const p = parseSymbol(input)
  return p.ok ? canonical(p.symbol) : undefined
}

/**
 * The search key of a symbol: folded, without punctuation or leading zeros,
 * so every messy form of one symbol has the same key ("57/NQ-TW", "57 NQ TW",
 * "57-NQ/TW" → "57nqtw"; "Số 09 KH/ĐU" → "9khdu").
 */
export function symbolKey(symbol: DocumentSymbol): string {
  return textKey(`${symbol.number} ${symbol.year ?? ''} ${symbol.type} ${symbol.issuer} ${symbol.drafter ?? ''}`)
}

/** The same folding for text that is only part of a symbol ("NQ/TW", "57-NQ"). */
export function textKey(text: string): string {
  return fold(text).replace(/^(so|no)\b\s*:?/, '').replace(/\d+/g, (n) => String(Number(n))).replace(/[^a-z0-9]/g, '')
}
