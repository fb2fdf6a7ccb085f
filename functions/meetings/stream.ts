/**
 * Lambda entry of the meetings' live broadcast: the table's stream (a
 * DynamoDB event source filtered to meeting and vote items on AWS; the
 * embedded runtime's stream poller locally) → `broadcastChanges`. The
 * chair's request writes the meeting and returns; this function tells every
 * follower, off that request. A change that could not be sent is reported
 * (`batchItemFailures`): the stream retries from it, in order.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import type { Meeting, Vote } from '../../shared/meetings/contracts.js'
import { ENTITY, stripKeys } from '../../shared/table/keys.js'
import { broadcastChanges, type LiveChange } from './usecases/live.js'

const imageOf = <T>(image: unknown): T | undefined => image ? stripKeys<T>(unmarshall(image as Record<string, AttributeValue>)) : undefined

/** A stream record as a meeting's change, or `undefined` for any other item (and for removals: a meeting is never deleted live). */
export function changeOf(record: DynamoDBRecord): LiveChange | undefined {
  if (record.eventName === 'REMOVE' || !record.dynamodb?.NewImage) return undefined
  const entity = record.dynamodb.NewImage.entity?.S
  if (entity === ENTITY.meeting) {
    const after = imageOf<Meeting>(record.dynamodb.NewImage)!
    return { kind: 'meeting', meetingId: after.meetingId, before: imageOf<Meeting>(record.dynamodb.OldImage), after }
  }
  if (entity === ENTITY.vote) {
    const after = imageOf<Vote>(record.dynamodb.NewImage)!
    return { kind: 'vote', meetingId: after.meetingId, before: imageOf<Vote>(record.dynamodb.OldImage), after }
  }
  return undefined
}

export const handler = async (event: DynamoDBStreamEvent): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> => {
  const changes: { change: LiveChange; id: string }[] = []
  for (const record of event.Records) {
    const change = changeOf(record)
    if (change) changes.push({ change, id: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' })
  }
  const failed = await broadcastChanges(changes.map((c) => c.change))
  return { batchItemFailures: failed === undefined ? [] : [{ itemIdentifier: changes[failed].id }] }
}
