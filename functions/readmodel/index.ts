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

export const handler = async (event: DynamoDBStreamEvent) => {
  const db = sql()
  await migrate(db)
  let projected = 0
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage
    if (!image) continue
    const item = unmarshall(image as Record<string, AttributeValue>)
    if (!Object.values(ENTITY).includes(item.entity)) continue
    projected += await projectItem(db, item, record.eventName === 'REMOVE')
  }
  return { projected }
}
