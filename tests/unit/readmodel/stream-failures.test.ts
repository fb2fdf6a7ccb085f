/**
 * The projector on the table stream reports the record it could not project (ReportBatchItemFailures) instead of
 * failing the whole batch: Lambda then retries from that record, and the records before it are not projected again.
 */
import { marshall } from '@aws-sdk/util-dynamodb'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registerEmbeddedSql, type Sql } from '../../../functions/lib/adapters/sql.js'
import { resetMigrationFlag } from '../../../functions/readmodel/schema.js'
import { handler } from '../../../functions/readmodel/index.js'

const unit = (unitId: string, seq: string) => ({
  eventID: `ev-${seq}`, eventName: 'MODIFY' as const,
  dynamodb: {
    SequenceNumber: seq,
    NewImage: marshall({ pk: `UNIT#${unitId}`, sk: 'META', entity: 'unit', unitId, code: unitId.toUpperCase(), name: `Đơn vị ${unitId}`, level: 'commune', kind: 'party-committee', validFrom: '2025-01-01', version: 1 }),
  },
})
const event = (...records: ReturnType<typeof unit>[]) => ({ Records: records }) as unknown as DynamoDBStreamEvent

/** A read model that records the units written and refuses those named in `broken` (as a constraint violation would). */
function fakeReadModel(broken: string[] = [], unreachable = false) {
  const written: string[] = []
  const sql: Sql = {
    async query<T>(text: string, params: unknown[] = []) {
      if (unreachable) throw Object.assign(new Error('The Aurora DB instance is resuming'), { name: 'DatabaseResumingException' })
      if (/^\s*insert into units/.test(text)) {
        if (broken.includes(params[0] as string)) throw new Error('null value in column "kind" violates not-null constraint')
        written.push(params[0] as string)
      }
      return [] as T[]
    },
  }
  return { sql, written }
}

describe('stream projector batch item failures', () => {
  beforeEach(() => resetMigrationFlag())
  afterEach(() => resetMigrationFlag())

  it('projects a whole batch and reports no failure', async () => {
    const db = fakeReadModel()
    registerEmbeddedSql(db.sql)

    const result = await handler(event(unit('a', '100'), unit('b', '200')))

    expect(result).toEqual({ projected: 2, batchItemFailures: [] })
    expect(db.written).toEqual(['a', 'b'])
  })

  it('reports the first record it cannot project, keeps those before it, and leaves the rest for the retry', async () => {
    const db = fakeReadModel(['b'])
    registerEmbeddedSql(db.sql)

    const result = await handler(event(unit('a', '100'), unit('b', '200'), unit('c', '300')))

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '200' }])
    expect(db.written).toEqual(['a'])
  })

  it('reports the batch from its first record when the read model cannot be reached', async () => {
    const db = fakeReadModel([], true)
    registerEmbeddedSql(db.sql)

    const result = await handler(event(unit('a', '100'), unit('b', '200')))

    expect(result).toEqual({ projected: 0, batchItemFailures: [{ itemIdentifier: '100' }] })
  })
})
