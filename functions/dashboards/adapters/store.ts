/**
 * Items of the dashboards: each unit's daily snapshot (its figures over its
 * subtree) in the unit's own KPI partition, so a trend is one query and the
 * ranking of the units below a batch get; the generated reports under their
 * unit. Keys from shared/table/keys.ts.
 */
import { getRecord, getRecords, putItem, putItems, queryPrefix, queryRecords } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import type { UnitSnapshot } from '../../../shared/dashboards/compute.js'
import type { KpiReport } from '../../../shared/dashboards/contracts.js'

export const snapshotItem = (s: UnitSnapshot) => ({ ...keys.kpiUnitSnapshot(s.unitId, s.date), entity: ENTITY.kpiUnitSnapshot, schemaVersion: SCHEMA_VERSION, ...s })

export const dashboardStore = {
  putSnapshots: (snapshots: readonly UnitSnapshot[]) => putItems(snapshots.map(snapshotItem)),
  /** A unit's snapshots between two days (inclusive), oldest first. */
  snapshotsOf(unitId: string, from: string, to: string): Promise<UnitSnapshot[]> {
    const k = keys.kpiUnitSnapshotDay(unitId)
    return queryRecords<UnitSnapshot>({
      KeyConditionExpression: 'pk = :pk and sk between :lo and :hi',
      ExpressionAttributeValues: { ':pk': k.pk, ':lo': `${k.skPrefix}${from}`, ':hi': `${k.skPrefix}${to}` },
    })
  },
  /** The latest snapshot of a unit on or before a day. */
  async latestOf(unitId: string, onOrBefore: string): Promise<UnitSnapshot | undefined> {
    const k = keys.kpiUnitSnapshotDay(unitId)
    const [s] = await queryRecords<UnitSnapshot>({
      KeyConditionExpression: 'pk = :pk and sk between :lo and :hi', ScanIndexForward: false, Limit: 1,
      ExpressionAttributeValues: { ':pk': k.pk, ':lo': k.skPrefix, ':hi': `${k.skPrefix}${onOrBefore}` },
    })
    return s
  },
  /** Several units' snapshots of one day (the units below, for the ranking). */
  snapshotsOn: (unitIds: readonly string[], date: string) => getRecords<UnitSnapshot>(unitIds.map((u) => keys.kpiUnitSnapshot(u, date))),
  putReport: (r: KpiReport) => putItem({ ...keys.kpiReport(r.unitId, r.reportId), entity: ENTITY.kpiReport, schemaVersion: SCHEMA_VERSION, ...r }),
  getReport: (unitId: string, reportId: string) => getRecord<KpiReport>(keys.kpiReport(unitId, reportId)),
  reportsOf: (unitId: string) => queryPrefix<KpiReport>(keys.kpiReportsOf(unitId), { ScanIndexForward: false }),
}
