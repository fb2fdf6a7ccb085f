/**
 * KPI reports of a unit (weekly, monthly, or any period on demand): the
 * figures at the period's end with their trend and the units below, as a PDF
 * in the Party form sealed by the unit (signing port) and an XLSX; numbered
 * in the unit's own "BC" series (per type and term, gapless: the documents
 * module's counter, in the same transaction as the report's record and its
 * audit entry). The scheduled ones are mailed to the unit's leaders
 * (holders of `dashboard.report` there) with a link to the stored report —
 * not as attachments.
 */
import { randomBytes, createHash } from 'node:crypto'
import { DomainError } from '../../../shared/errors/index.js'
import { addDays } from '../../../shared/calendar/working-days.js'
import { ancestorsOn, existsOn, nameOn, parentOn, type UnitIndex } from '../../../shared/org/tree.js'
import { counterScope, issuedSymbol, placeOf } from '../../../shared/documents/numbering.js'
import { canonical } from '../../../shared/documents/symbols.js'
import { dashboardPolicy } from '../../../shared/dashboards/policy.js'
import { evaluateAll, lastPeriod, rank, trend } from '../../../shared/dashboards/compute.js'
import { KPIS } from '../../../shared/dashboards/targets.js'
import type { KpiReport, ReportBody } from '../../../shared/dashboards/contracts.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { Transaction, type AuditActor } from '../../lib/adapters/transaction.js'
import { files } from '../../lib/adapters/blobs.js'
import { mail } from '../../lib/adapters/mail.js'
import { commitNumbered } from '../../documents/usecases/commit-numbered.js'
import { holderEmails, holdersOf } from '../../org/usecases/holders.js'
import { dashboardStore } from '../adapters/store.js'
import { renderReportPdf, renderReportXlsx, dmy } from '../adapters/report-files.js'
import { authorizeUnit, unitFigures, type DashboardContext } from './dashboard.js'

const newReportId = (unitId: string, now: Date) => `${unitId}.r${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`

/** Builds, numbers, seals and stores one report; who asked is in the audit entry. */
export async function generateReport(deps: { index: UnitIndex; actor: AuditActor; now: Date; date: string }, req: ReportBody): Promise<KpiReport> {
  const { index, now, date } = deps
  const unit = index.get(req.unitId)!
  const parent = parentOn(unit, date)
  const chain = [unit, ...ancestorsOn(index, unit.unitId, date).map((id) => index.get(id)!)].map((u) => ({ name: nameOn(u, date).name, level: u.level }))
  const { latest, history, children } = await unitFigures(index, req.unitId, addDays(req.to, -366), req.to)
  const kpis = evaluateAll(latest ?? { date: req.to, figures: {} })
  const ranking = Object.fromEntries(KPIS.filter((k) => k.measured).map((k) => [k.id, rank(children.map((c) => ({ ...c, name: index.has(c.unitId) ? nameOn(index.get(c.unitId)!, date).name : c.name })), k.id)]))
  const leaders = await holdersOf(dashboardPolicy, 'dashboard.report', req.unitId)
  const scope = counterScope(unit, 'BC', date)
  const reportId = newReportId(req.unitId, now)
  let report: KpiReport | undefined
  await commitNumbered({ auditActor: deps.actor, now }, { unitId: unit.unitId, scope: scope.key, label: scope.label }, (number) => {
    report = {
      reportId, unitId: req.unitId, unitName: nameOn(unit, date).name, kind: req.kind, from: req.from, to: req.to,
      registerNumber: canonical(issuedSymbol(unit, 'BC', number)), createdAt: now.toISOString(), createdBy: deps.actor.name,
      pdfKey: objectKeys.kpiReport(req.unitId, reportId, 'pdf'), xlsxKey: objectKeys.kpiReport(req.unitId, reportId, 'xlsx'), sha256: '',
    }
    return new Transaction()
      .put({ ...keys.kpiReport(req.unitId, reportId), entity: ENTITY.kpiReport, schemaVersion: SCHEMA_VERSION, ...report }, { expectVersion: 'new' })
      .audit({ unitId: req.unitId, action: 'dashboard.reportGenerated', target: reportId, details: { registerNumber: report.registerNumber, from: req.from, to: req.to, kind: req.kind } })
  })
  const content = {
    registerNumber: report!.registerNumber, place: placeOf(chain), kind: req.kind, from: req.from, to: req.to, snapshotDate: latest?.date ?? null,
    issuer: { unitId: unit.unitId, name: nameOn(unit, date).name, code: nameOn(unit, date).code, parentName: parent && index.has(parent) ? nameOn(index.get(parent)!, date).name : 'Đảng Cộng sản Việt Nam' },
    kpis, months: trend(history, 'month'), weeks: trend(history.filter((s) => s.date >= addDays(req.to, -7 * 13)), 'week'), ranking,
    recipients: leaders.map((l) => `Đồng chí ${l.fullName}`), issuedAt: now,
  }
  const [pdf, xlsx] = await Promise.all([renderReportPdf(content), renderReportXlsx(content)])
  await Promise.all([files.put(report!.pdfKey, pdf, 'application/pdf'), files.put(report!.xlsxKey, xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')])
  const done = { ...report!, sha256: createHash('sha256').update(pdf).digest('hex') }
  await dashboardStore.putReport(done)
  return done
}

/** On demand, from the page: any period, by a reader of the unit's figures. */
export async function requestReport(ctx: DashboardContext, body: ReportBody) {
  const index = await authorizeUnit(ctx, body.unitId)
  if (body.to > ctx.date) throw new DomainError('dashboards.futurePeriod', 422, { date: dmy(ctx.date) })
  const report = await generateReport({ index, actor: ctx.auditActor, now: ctx.now, date: ctx.date }, body)
  return { report: await withLinks(report) }
}

const withLinks = async (r: KpiReport) => ({
  ...r,
  pdf: await files.presignDownload(r.pdfKey, `bao-cao-${r.registerNumber.replace(/\//g, '-')}.pdf`, 'application/pdf'),
  xlsx: await files.presignDownload(r.xlsxKey, `bao-cao-${r.registerNumber.replace(/\//g, '-')}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
})

/** A stored report with fresh download links (the link a leader's mail points at). */
export async function showReport(ctx: DashboardContext, reportId: string) {
  const unitId = reportId.slice(0, reportId.lastIndexOf('.r'))
  const index = await ctx.tree()
  const r = index.has(unitId) ? await dashboardStore.getReport(unitId, reportId) : undefined
  if (!r || !r.sha256 || !dashboardPolicy.can(ctx.actor, 'dashboard.read', unitId, index, ctx.date)) throw new DomainError('notFound.report', 404, { id: reportId })
  return { report: await withLinks(r) }
}

/** Levels whose units get scheduled reports (cells and grassroots read theirs on the page). Configuration. */
export const REPORTED_LEVELS: readonly string[] = ['city', 'commune']

const SYSTEM: AuditActor = { userId: 'system', name: 'Hệ thống Văn phòng số' }

/**
 * The scheduler's run: the last full week or month of every reported unit
 * that has leaders to receive it, each mailed a link to the stored report.
 */
export async function scheduledReports(kind: 'week' | 'month', now: Date, index: UnitIndex, today: string) {
  const period = lastPeriod(kind, today)
  const units = [...index.values()].filter((u) => existsOn(u, today) && REPORTED_LEVELS.includes(u.level))
  let sent = 0
  const reports: string[] = []
  for (const u of units) {
    const to = await holderEmails(dashboardPolicy, 'dashboard.report', u.unitId)
    if (!to.length) continue
    const r = await generateReport({ index, actor: SYSTEM, now, date: today }, { unitId: u.unitId, kind, ...period })
    await mail().send({
      to,
      subject: `[Digital Office] Báo cáo ${r.registerNumber}: chỉ tiêu chuyển đổi số ${kind === 'week' ? 'tuần' : 'tháng'} / KPI report`,
      text: [
        `Báo cáo kết quả thực hiện chỉ tiêu chuyển đổi số của ${r.unitName}, từ ${dmy(period.from)} đến ${dmy(period.to)} (số ${r.registerNumber}), đã ký số.`,
        `Xem và tải bản PDF, XLSX: /dashboards/${u.unitId}?report=${encodeURIComponent(r.reportId)}`,
        '',
        `The ${kind === 'week' ? 'weekly' : 'monthly'} KPI report of ${r.unitName} is ready (signed PDF and XLSX) at the link above.`,
      ].join('\n'),
    })
    sent++
    reports.push(r.registerNumber)
  }
  return { kind, ...period, reports: reports.length, mailed: sent, numbers: reports }
}
