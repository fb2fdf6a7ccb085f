/**
 * Consolidation at the size of a city: a request sent to 100 wards, each
 * answering its own figures; the consolidated table has one row per ward
 * (by name) and totals equal to the sums computed here from what each ward
 * sent (a percentage averaged). The use cases run in this process against
 * the platform's DynamoDB Local, under a root of their own that no other
 * test sees.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { auditKeyFile } from '../../../infra/local/audit-key.js'
import { uniq } from '../../support/api.js'
import { HOUSEHOLD_FORM } from '../../support/datarequest-form.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import type { Unit } from '../../../shared/org/contracts.js'

const WARDS = 100
const prefix = `drq-${uniq()}`
type Uc = typeof import('../../../functions/datarequests/usecases/requests.js')
let uc: Uc
let ctx: import('../../../functions/org/usecases/context.js').OrgContext

/** A root committee and its wards, written as a bulk load past the API does. */
function units(): Unit[] {
  const now = new Date().toISOString()
  const from = '2025-07-01'
  const unit = (unitId: string, name: string, parentId: string | null, level: string): Unit => ({
    unitId, code: 'ĐU', name, level, kind: 'party-committee', parentId, validFrom: from, parents: parentId ? [{ parentId, from }] : [],
    names: [{ name, code: 'ĐU', from }], predecessors: [], successors: [], version: 1, createdAt: now, updatedAt: now,
  })
  return [unit(prefix, 'Tỉnh ủy Thử nghiệm', null, 'city'), ...Array.from({ length: WARDS }, (_, i) => unit(`${prefix}-p${i + 1}`, `Đảng ủy phường Số ${String(i + 1).padStart(3, '0')}`, prefix, 'commune'))]
}

/** What ward n answers: distinct figures, the total the sum of its parts. */
const figures = (n: number) => ({ '1': 1000 + 2 * n, '1.1': 1000 + n, '1.2': n, '2': (n * 7) % 101, '3': Math.round(n * 1.25 * 100) / 100 })

beforeAll(async () => {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'), TABLE_NAME: 'digital-office-local', AUDIT_KEY_FILE: auditKeyFile(inject('dataDir')), OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'drq-outbox-')),
    AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
  })
  const { documentClient } = await import('../../../functions/lib/clients.js')
  const { writeUnits } = await import('../../support/synthetic-units.js')
  const { appendTreeChange } = await import('../../../functions/lib/adapters/tree-log.js')
  const { orgContext, actorOf } = await import('../../../functions/org/usecases/context.js')
  uc = await import('../../../functions/datarequests/usecases/requests.js')
  await writeUnits(documentClient(), 'digital-office-local', units())
  await appendTreeChange({ unitIds: [], reload: true })
  ctx = orgContext(actorOf({
    userId: `${prefix}-secretary`, username: `${prefix}.secretary`, fullName: 'Lê Thị Tổng Hợp', clearance: 'internal', mfa: false,
    assignments: [{ unitId: prefix, role: 'secretary' }],
  }), '127.0.0.1')
}, 180_000)

describe('consolidation of 100 wards\' answers', () => {
  it('has one row per ward by name and totals equal to the sums of what they sent', async () => {
    // Prepare: sent to every ward; each answers
    const wards = units().slice(1)
    const sent = await uc.createRequest(ctx, {
      title: 'Số liệu hộ gia đình', periodFrom: '2026-01-01', periodTo: '2026-06-30', deadline: CALENDAR.addWorkingDays(vietnamDate(), 2), send: true,
      indicators: HOUSEHOLD_FORM,
      recipientUnitIds: wards.map((w) => w.unitId),
    })
    for (let n = 1; n <= WARDS; n++) await uc.answer(ctx, sent.requestId, `${prefix}-p${n}`, { values: figures(n) })

    // Act
    const table = await uc.consolidated(ctx, sent.requestId)

    // Assess
    const all = Array.from({ length: WARDS }, (_, i) => figures(i + 1))
    const sum = (code: keyof ReturnType<typeof figures>) => all.reduce((a, f) => a + f[code], 0)
    expect(table.rows).toHaveLength(WARDS)
    expect(table.rows[0]).toMatchObject({ unitName: 'Đảng ủy phường Số 001', status: 'answered', onTime: true, values: figures(1) })
    expect(table.rows[99]).toMatchObject({ unitName: 'Đảng ủy phường Số 100', values: figures(100) })
    expect(table.counts).toEqual({ recipients: WARDS, answered: WARDS, onTime: WARDS, late: 0, pending: 0 })
    expect(table.onTimeShare).toBe(1)
    expect(table.totals).toEqual([
      { code: '1', kind: 'sum', value: sum('1'), answered: WARDS },
      { code: '1.1', kind: 'sum', value: sum('1.1'), answered: WARDS },
      { code: '1.2', kind: 'sum', value: sum('1.2'), answered: WARDS },
      { code: '2', kind: 'average', value: Math.round((sum('2') / WARDS) * 1e6) / 1e6, answered: WARDS },
      { code: '3', kind: 'sum', value: Math.round(sum('3') * 1e6) / 1e6, answered: WARDS },
    ])
    expect(table.totals[0].value).toBe(110_100)
  }, 300_000)
})
