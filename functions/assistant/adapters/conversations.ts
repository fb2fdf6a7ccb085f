/** Conversations in the single table, under their user (keys from shared/table/keys). */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../../lib/clients.js'
import { env } from '../../lib/env.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import type { Conversation } from '../../../shared/assistant/contracts.js'

const KEY_ATTRS = ['pk', 'sk', 'entity', 'schemaVersion']
const strip = (item: Record<string, unknown>): Conversation => Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.includes(k))) as unknown as Conversation

export const conversationItem = (c: Conversation) => ({ ...keys.conversation(c.userId, c.conversationId), entity: ENTITY.conversation, schemaVersion: SCHEMA_VERSION, ...c })

export const conversationStore = {
  async get(userId: string, conversationId: string): Promise<Conversation | undefined> {
    const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: keys.conversation(userId, conversationId), ConsistentRead: true }))
    return res.Item ? strip(res.Item) : undefined
  },
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
