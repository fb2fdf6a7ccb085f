import { ExecuteStatementCommand } from '@aws-sdk/client-rds-data'
import { describe, expect, it } from 'vitest'
import { dataApiSql, toDataApi } from '../../../functions/lib/adapters/sql.js'

const CFG = { resourceArn: 'arn:aws:rds:ap-southeast-1:111122223333:cluster:read-model', secretArn: 'arn:aws:secretsmanager:ap-southeast-1:111122223333:secret:db', database: 'digital_office' }

function fakeClient(response: Record<string, unknown>) {
  const sent: unknown[] = []
  return { sent, send: async (command: unknown) => { sent.push(command); return response } }
}
const sqlWith = (client: ReturnType<typeof fakeClient>) => dataApiSql(client as unknown as Parameters<typeof dataApiSql>[0], CFG)

describe('toDataApi', () => {
  it('rewrites $n placeholders to named :pn parameters, including repeated and two-digit ones', () => {
    // Act
    const { sql } = toDataApi('SELECT * FROM units WHERE unit_id = $1 OR parent_id = $1 OR code = $10', [])

    // Assess
    expect(sql).toBe('SELECT * FROM units WHERE unit_id = :p1 OR parent_id = :p1 OR code = :p10')
  })

  it('types each parameter so Aurora receives the right column type', () => {
    // Prepare
    const at = new Date('2026-01-05T08:30:15.250Z')

    // Act
    const { parameters } = toDataApi('', [null, undefined, true, false, 42, 0.5, at, ['a', 'b'], { level: 'commune' }, 'Hà Nội', -7])

    // Assess
    expect(parameters).toEqual([
      { name: 'p1', value: { isNull: true } },
      { name: 'p2', value: { isNull: true } },
      { name: 'p3', value: { booleanValue: true } },
      { name: 'p4', value: { booleanValue: false } },
      { name: 'p5', value: { longValue: 42 } },
      { name: 'p6', value: { doubleValue: 0.5 } },
      { name: 'p7', value: { stringValue: '2026-01-05 08:30:15.250' }, typeHint: 'TIMESTAMP' },
      { name: 'p8', value: { stringValue: '["a","b"]' }, typeHint: 'JSON' },
      { name: 'p9', value: { stringValue: '{"level":"commune"}' }, typeHint: 'JSON' },
      { name: 'p10', value: { stringValue: 'Hà Nội' } },
      { name: 'p11', value: { longValue: -7 } },
    ])
  })
})

describe('dataApiSql.query', () => {
  it('sends one ExecuteStatement with the cluster, secret, database and JSON records', async () => {
    // Prepare
    const client = fakeClient({ formattedRecords: '[]' })

    // Act
    await sqlWith(client).query('SELECT name FROM units WHERE level = $1 AND active = $2', ['commune', true])

    // Assess
    expect(client.sent).toHaveLength(1)
    expect(client.sent[0]).toBeInstanceOf(ExecuteStatementCommand)
    expect((client.sent[0] as ExecuteStatementCommand).input).toEqual({
      ...CFG,
      sql: 'SELECT name FROM units WHERE level = :p1 AND active = :p2',
      parameters: [{ name: 'p1', value: { stringValue: 'commune' } }, { name: 'p2', value: { booleanValue: true } }],
      formatRecordsAs: 'JSON',
    })
  })

  it('returns the rows parsed from formattedRecords', async () => {
    // Prepare
    const client = fakeClient({ formattedRecords: '[{"unit_id":"p-hoankiem","name":"Đảng ủy phường Hoàn Kiếm","members":12}]' })

    // Act
    const rows = await sqlWith(client).query<{ unit_id: string; name: string; members: number }>('SELECT 1')

    // Assess
    expect(rows).toEqual([{ unit_id: 'p-hoankiem', name: 'Đảng ủy phường Hoàn Kiếm', members: 12 }])
  })

  it('returns no rows for a statement without a result set', async () => {
    const client = fakeClient({ numberOfRecordsUpdated: 3 })

    expect(await sqlWith(client).query('UPDATE units SET name = $1', ['x'])).toEqual([])
  })
})
