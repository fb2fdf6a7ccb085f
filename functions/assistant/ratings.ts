/**
 * Ratings for evaluation: every rated answer becomes a row of the read
 * model (projected from the conversation item by the read-model projector),
 * and an authorised reader exports them as an XLSX workbook — the question,
 * the answer, its citations, the engine, the rating and the comment.
 * Who may export: holders of `audit.read` (administrator, secretaries,
 * inspectors), for the conversations of users of the units in their reach
 * (a conversation belongs to its user's first unit when it was started).
 */
import type { Sql } from '../lib/adapters/sql.js'
import { sql } from '../lib/adapters/sql.js'
import type { Conversation } from '../../shared/assistant/contracts.js'
import { orgPolicy } from '../../shared/auth/policy.js'
import { ForbiddenError } from '../../shared/errors/index.js'
import { pgArray } from '../../shared/documents/projection.js'
import { nameOn } from '../../shared/org/tree.js'
import type { RatingsExport } from '../../shared/assistant/contracts.js'
import type { OrgContext } from '../org/usecases/context.js'

export const RATINGS_DDL = [
  `create table if not exists assistant_ratings (
     conversation_id text not null, turn int not null, user_id text not null, unit_id text, question text not null, answer text not null,
     answered boolean not null, cited text not null, engine text not null, value text not null, comment text, rated_at timestamptz not null,
     primary key (conversation_id, turn))`,
  'create index if not exists assistant_ratings_unit on assistant_ratings (unit_id, rated_at desc)',
]

/** Replaces a conversation's rating rows (the projector calls it for every change of the conversation). */
export async function projectConversation(db: Sql, c: Conversation, removed: boolean): Promise<number> {
  await db.query('delete from assistant_ratings where conversation_id = $1', [c.conversationId])
  if (removed) return 1
  for (const [turn, t] of c.turns.entries()) {
    if (!t.rating) continue
    await db.query(
      `insert into assistant_ratings (conversation_id, turn, user_id, unit_id, question, answer, answered, cited, engine, value, comment, rated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [c.conversationId, turn, c.userId, c.unitId ?? null, t.question, t.answer.text, t.answer.answered,
        t.answer.citations.map((x) => `[${x.n}] ${x.symbol ?? x.title} — ${x.location.label}${x.location.page ? `, trang ${x.location.page}` : ''}`).join('; '),
        t.engine, t.rating.value, t.rating.comment ?? null, t.rating.at])
  }
  return 1
}

export interface RatingRow { conversationId: string; turn: number; userId: string; unitId: string | null; question: string; answer: string; answered: boolean; cited: string; engine: string; value: 'up' | 'down'; comment: string | null; ratedAt: string }

/** The most rows an export holds (newest first). */
export const MAX_EXPORT_ROWS = 20_000

export async function ratingsInReach(ctx: OrgContext): Promise<RatingRow[]> {
  const units = orgPolicy.reach(ctx.actor, 'audit.read', await ctx.tree(), ctx.date)
  if (units.size === 0) throw new ForbiddenError('auth.forbidden')
  const rows = await sql().query<Record<string, unknown>>(
    `select conversation_id, turn, user_id, unit_id, question, answer, answered, cited, engine, value, comment, rated_at
     from assistant_ratings where unit_id = any($1::text[]) order by rated_at desc, conversation_id, turn limit $2`,
    [pgArray([...units]), MAX_EXPORT_ROWS])
  return rows.map((r) => ({
    conversationId: String(r.conversation_id), turn: Number(r.turn), userId: String(r.user_id), unitId: (r.unit_id as string | null) ?? null,
    question: String(r.question), answer: String(r.answer), answered: r.answered === true || r.answered === 't', cited: String(r.cited), engine: String(r.engine),
    value: r.value as 'up' | 'down', comment: (r.comment as string | null) ?? null,
    ratedAt: r.rated_at instanceof Date ? r.rated_at.toISOString() : new Date(String(r.rated_at)).toISOString(),
  }))
}

const HEAD = {
  vi: ['Thời điểm đánh giá', 'Đánh giá', 'Nhận xét', 'Câu hỏi', 'Câu trả lời', 'Có trả lời', 'Trích dẫn', 'Bộ trả lời', 'Đơn vị', 'Người hỏi', 'Hội thoại', 'Lượt'],
  en: ['Rated at', 'Rating', 'Comment', 'Question', 'Answer', 'Answered', 'Citations', 'Engine', 'Unit', 'User', 'Conversation', 'Turn'],
}

/** The workbook: one sheet of ratings, one of totals per engine. */
export async function ratingsWorkbook(rows: readonly RatingRow[], lang: 'vi' | 'en', unitName: (id: string | null) => string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Digital Office'
  const sheet = wb.addWorksheet(lang === 'vi' ? 'Đánh giá' : 'Ratings', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(HEAD[lang]).font = { bold: true }
  const yes = lang === 'vi' ? 'có' : 'yes', no = lang === 'vi' ? 'không' : 'no'
  const value = (v: 'up' | 'down') => (lang === 'vi' ? (v === 'up' ? 'hữu ích' : 'chưa tốt') : v === 'up' ? 'helpful' : 'poor')
  for (const r of rows) sheet.addRow([new Date(r.ratedAt), value(r.value), r.comment ?? '', r.question, r.answer, r.answered ? yes : no, r.cited, r.engine, unitName(r.unitId), r.userId, r.conversationId, r.turn])
  sheet.getColumn(1).numFmt = 'dd/mm/yyyy hh:mm'
  for (const [i, w] of [18, 10, 30, 50, 70, 10, 50, 24, 30, 20, 20, 6].entries()) sheet.getColumn(i + 1).width = w
  for (const c of [4, 5, 7]) sheet.getColumn(c).alignment = { wrapText: true, vertical: 'top' }
  const totals = wb.addWorksheet(lang === 'vi' ? 'Tổng hợp' : 'Totals')
  totals.addRow(lang === 'vi' ? ['Bộ trả lời', 'Hữu ích', 'Chưa tốt', 'Tỷ lệ hữu ích'] : ['Engine', 'Helpful', 'Poor', 'Helpful share']).font = { bold: true }
  const byEngine = new Map<string, { up: number; down: number }>()
  for (const r of rows) { const e = byEngine.get(r.engine) ?? { up: 0, down: 0 }; e[r.value]++; byEngine.set(r.engine, e) }
  for (const [engine, c] of byEngine) totals.addRow([engine, c.up, c.down, c.up / (c.up + c.down)])
  totals.getColumn(4).numFmt = '0.0%'
  totals.getColumn(1).width = 30
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer)
}

/** The export for the caller: their reach's ratings as a workbook. */
export async function exportRatings(ctx: OrgContext, lang: 'vi' | 'en'): Promise<RatingsExport> {
  const rows = await ratingsInReach(ctx)
  const index = await ctx.tree()
  const unitName = (id: string | null) => { const u = id ? index.get(id) : undefined; return u ? nameOn(u, ctx.date).name : id ?? '' }
  const bytes = await ratingsWorkbook(rows, lang, unitName)
  return {
    fileName: `danh-gia-tro-ly-${ctx.date}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: Buffer.from(bytes).toString('base64'), rows: rows.length,
  }
}
