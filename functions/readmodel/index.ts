/**
 * Lambda entry of the read-model projector: DynamoDB stream records →
 * PostgreSQL rows. Upserts keep the newest version, so replays and
 * out-of-order deliveries converge.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { sql } from '../lib/adapters/sql.js'
import { ENTITY } from '../../shared/table/keys.js'
import { migrate } from './schema.js'
import { projectItem } from './projections.js'
import { loggerFor } from '../lib/log.js'

const log = loggerFor('readmodel')

/**
 * A record that fails is reported (with the Lambda's `ReportBatchItemFailures`) instead of failing the batch:
 * Lambda retries from that record — those before it stay projected, no bisecting — and after the retries the
 * failure queue holds it. Records after the first failure are not tried (each item's order is kept).
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<{ projected: number; batchItemFailures: { itemIdentifier: string }[] }> => {
  const db = sql()
  const first = event.Records[0]?.dynamodb?.SequenceNumber
  try {
    await migrate(db)
  } catch (err) {
    log.error('read model not reachable', { error: String(err) })
    return { projected: 0, batchItemFailures: first ? [{ itemIdentifier: first }] : [] }
  }
  let projected = 0
  for (const record of event.Records) {
    try {
      const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage
      if (!image) continue
      const item = unmarshall(image as Record<string, AttributeValue>)
      if (!Object.values(ENTITY).includes(item.entity)) continue
      projected += await projectItem(db, item, record.eventName === 'REMOVE')
    } catch (err) {
      log.error('record not projected', { error: String(err), sequenceNumber: record.dynamodb?.SequenceNumber, eventId: record.eventID })
      return { projected, batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' }] }
    }
  }
  return { projected, batchItemFailures: [] }
}
