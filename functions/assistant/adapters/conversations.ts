/** Conversations in the single table, under their user (keys from shared/table/keys). */
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../../lib/clients.js'
import { env } from '../../lib/env.js'
import { getRecord } from '../../lib/adapters/items.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import type { Conversation } from '../../../shared/assistant/contracts.js'

export const conversationItem = (c: Conversation) => ({ ...keys.conversation(c.userId, c.conversationId), entity: ENTITY.conversation, schemaVersion: SCHEMA_VERSION, ...c })

export const conversationStore = {
  get: (userId: string, conversationId: string): Promise<Conversation | undefined> => getRecord<Conversation>(keys.conversation(userId, conversationId)),
  /** The user's latest conversations (titles and dates; newest first). */
  async list(userId: string, limit = 30): Promise<Pick<Conversation, 'conversationId' | 'title' | 'createdAt' | 'updatedAt'>[]> {
    const k = keys.conversationsOf(userId)
    const res = await documentClient().send(new QueryCommand({
      TableName: env().TABLE_NAME, KeyConditionExpression: 'pk = :pk and begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix }, ProjectionExpression: 'conversationId, title, createdAt, updatedAt', ScanIndexForward: false, Limit: limit,
    }))
    return (res.Items ?? []) as Pick<Conversation, 'conversationId' | 'title' | 'createdAt' | 'updatedAt'>[]
  },
}
