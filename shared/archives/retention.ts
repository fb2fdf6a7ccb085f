/**
 * The file plan and retention schedule (danh mục hồ sơ, bảng thời hạn bảo
 * quản): classes of files with their retention period, as data with
 * effective dates. A class is chosen when a file is opened; the period runs
 * from the cut-off, the end of the year the file closes (31 December, Việt
 * Nam's calendar), and a file whose period has ended is proposed for
 * disposition from 1 January of the following year — unless a hold (a case,
 * an inspection) suspends it.
 *
 * Sources. The framework — classes of the Party's records with "permanent"
 * or a number of years — follows Hướng dẫn 35-HD/VPTW (18/10/2010, "Bảng
 * thời hạn bảo quản mẫu những tài liệu chủ yếu hình thành trong hoạt động
 * của các cơ quan, tổ chức đảng ở cấp tỉnh / cấp huyện"), made under Quy
 * định 210-QĐ/TW (2009) on the Party's archival fonds — seen only on a
 * secondary site [S]. The periods of the individual classes below are not
 * taken from an official text we could read: each row is `verified: false`
 * [R] and says so on screen; replace a row by closing it (`validTo`) and
 * adding the official one, never by editing it in place (files opened under
 * the old row keep its period).
 */
import type { Lang } from '../i18n/messages.js'

/** A retention period: kept for ever (transferred to the historical archive) or a number of years. */
export type RetentionPeriod = 'permanent' | number

export interface RetentionClass {
  /** Stable code of the class in the file plan (e.g. "01.01"). */
  readonly code: string
  readonly name: { readonly vi: string; readonly en: string }
  readonly period: RetentionPeriod
  /** Where the period comes from. */
  readonly source: string
  /** Seen in an official text; false = configured, shown as unverified. */
  readonly verified: boolean
  readonly validFrom: string
  readonly validTo?: string
}

const FRAMEWORK = 'Khung theo Hướng dẫn 35-HD/VPTW (2010), thời hạn từng nhóm chưa đối chiếu văn bản chính thức'
const FROM = '2010-10-18'
const c = (code: string, vi: string, en: string, period: RetentionPeriod): RetentionClass => ({ code, name: { vi, en }, period, source: FRAMEWORK, verified: false, validFrom: FROM })

export const RETENTION_SCHEDULE: readonly RetentionClass[] = [
  c('01.01', 'Hồ sơ đại hội, hội nghị cấp ủy (nghị quyết, báo cáo chính trị, biên bản)', 'Congress and committee plenum files (resolutions, political reports, minutes)', 'permanent'),
  c('01.02', 'Nghị quyết, chỉ thị, kết luận, quy định của cấp ủy, ban thường vụ', "The committee's and standing committee's resolutions, directives, conclusions, regulations", 'permanent'),
  c('01.03', 'Chương trình, kế hoạch, báo cáo tổng kết năm, nhiệm kỳ', 'Programmes, plans, yearly and term reviews', 'permanent'),
  c('02.01', 'Hồ sơ tổ chức, cán bộ, đảng viên (bổ nhiệm, khen thưởng, kỷ luật)', 'Organisation, cadre and member files (appointments, awards, discipline)', 70),
  c('02.02', 'Hồ sơ kiểm tra, giám sát, giải quyết khiếu nại, tố cáo', 'Inspection, supervision, complaints and denunciations', 20),
  c('03.01', 'Báo cáo định kỳ tháng, quý, sáu tháng', 'Monthly, quarterly and half-year reports', 10),
  c('03.02', 'Hồ sơ hội nghị chuyên đề, sơ kết công tác', 'Topical conferences and interim reviews', 10),
  c('04.01', 'Công văn trao đổi, giấy mời, thông báo thông thường', 'Routine correspondence, invitations, notices', 5),
  c('04.02', 'Sổ theo dõi, phiếu chuyển, tài liệu hành chính thông thường', 'Logs, routing slips, routine administrative papers', 5),
]

/** The class a file keeps: the one in force on the day the file was opened. */
export function retentionClassOn(code: string, date: string, schedule: readonly RetentionClass[] = RETENTION_SCHEDULE): RetentionClass | undefined {
  return schedule.find((r) => r.code === code && r.validFrom <= date && (!r.validTo || date <= r.validTo))
}

/** Classes offered when a file is opened on a date. */
export const classesInForce = (date: string, schedule: readonly RetentionClass[] = RETENTION_SCHEDULE): RetentionClass[] =>
  schedule.filter((r) => r.validFrom <= date && (!r.validTo || date <= r.validTo))

/** What a file records of its class (kept on the file: a later change of the schedule does not change it). */
export interface FileRetention {
  classCode: string
  className: { vi: string; en: string }
  period: RetentionPeriod
  verified: boolean
}
export const fileRetention = (r: RetentionClass): FileRetention => ({ classCode: r.code, className: { ...r.name }, period: r.period, verified: r.verified })

/**
 * Files written before the file plan carried a flag, permanent or limited.
 * A permanent one takes the permanent class of the committee's
 * resolutions; a limited one the shortest ten-year class (the flag said no
 * more) — both marked unverified so an archivist reviews them.
 */
export function migrateRetention(old: unknown): FileRetention {
  if (old && typeof old === 'object' && 'classCode' in old) return old as FileRetention
  const r = retentionClassOn(old === 'limited' ? '03.01' : '01.02', '2026-01-01')!
  return { ...fileRetention(r), verified: false }
}

/** The cut-off: the last day of the year the file closes. */
export const cutOffDate = (closedYear: number): string => `${closedYear}-12-31`

/**
 * The first day a file may be disposed of: 1 January after its period has
 * run from the cut-off (a 10-year file closed in 2015: 1 January 2026);
 * none for a permanent file.
 */
export function dispositionFrom(period: RetentionPeriod, closedYear: number): string | undefined {
  if (period === 'permanent') return undefined
  return `${closedYear + period + 1}-01-01`
}

/**
 * Permanent files are transferred to the historical archive after this
 * many years in the unit's current archive [R]: the archives law sets ten
 * years for state bodies; the Party's own period is configured here.
 */
export const YEARS_BEFORE_TRANSFER = 10

/** The first day a permanent file is due for transfer to the historical archive. */
export const transferFrom = (closedYear: number): string => `${closedYear + YEARS_BEFORE_TRANSFER + 1}-01-01`

/** The period in words. */
export function periodText(period: RetentionPeriod, lang: Lang): string {
  if (period === 'permanent') return lang === 'vi' ? 'Vĩnh viễn' : 'Permanent'
  return lang === 'vi' ? `${period} năm` : `${period} years`
}
