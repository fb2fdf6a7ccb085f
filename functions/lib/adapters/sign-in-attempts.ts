/**
 * The counters of failed sign-ins, per account and per source address, in
 * the single table: incremented atomically (concurrent wrong passwords all
 * count), expiring by the table's TTL an hour after the last failure.
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../clients.js'
import { env } from '../env.js'
import { getRecord } from './items.js'
import { lockAfterFailure, SIGN_IN_LIMITS, type AttemptScope, type AttemptState } from '../../../shared/auth/sign-in-limits.js'

const key = (scope: AttemptScope, id: string) => ({ pk: `SIGNIN#${scope}#${id}`, sk: 'ATTEMPTS' })
const expiresAt = (now: Date) => Math.floor(now.getTime() / 1000) + 3600
const conditionFailed = (err: unknown) => (err as Error).name === 'ConditionalCheckFailedException'

export const signInAttempts = {
  get: (scope: AttemptScope, id: string) => getRecord<AttemptState>(key(scope, id)),

  /** Counts one failure; `lockedNow` is true for the one failure that set the lock (it is audited once). */
  async recordFailure(scope: AttemptScope, id: string, now: Date): Promise<{ state: AttemptState; lockedNow: boolean }> {
    const TableName = env().TABLE_NAME
    const at = now.toISOString()
    const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000).toISOString()
    let state: AttemptState | undefined
    for (let attempt = 0; !state && attempt < 3; attempt++) {
      try {
        // The window still runs (or a lock still holds): one more failure in it.
        const res = await documentClient().send(new UpdateCommand({
          TableName, Key: key(scope, id),
          UpdateExpression: 'SET lastFailureAt = :at, expiresAt = :exp ADD failures :one',
          ConditionExpression: 'attribute_exists(pk) AND (windowStart > :since OR lockedUntil > :at)',
          ExpressionAttributeValues: { ':at': at, ':exp': expiresAt(now), ':one': 1, ':since': since }, ReturnValues: 'ALL_NEW',
        }))
        state = res.Attributes as AttemptState
      } catch (err) {
        if (!conditionFailed(err)) throw err
        try {
          // No current window: this failure opens one.
          state = { failures: 1, windowStart: at, lastFailureAt: at }
          await documentClient().send(new PutCommand({
            TableName, Item: { ...key(scope, id), ...state, expiresAt: expiresAt(now) },
            ConditionExpression: 'attribute_not_exists(pk) OR (windowStart <= :since AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :at))',
            ExpressionAttributeValues: { ':since': since, ':at': at },
          }))
        } catch (again) {
          if (!conditionFailed(again)) throw again
          state = undefined // another failure opened the window meanwhile: count in it
        }
      }
    }
    if (!state) throw new Error('sign-in attempts: could not count the failure')
    const lock = lockAfterFailure(state.failures, scope, now)
    if (!lock || (state.lockedUntil && state.lockedUntil > at)) return { state, lockedNow: false }
    try {
      await documentClient().send(new UpdateCommand({
        TableName, Key: key(scope, id), UpdateExpression: 'SET lockedUntil = :lock',
        ConditionExpression: 'attribute_not_exists(lockedUntil) OR lockedUntil <= :at',
        ExpressionAttributeValues: { ':lock': lock, ':at': at },
      }))
      return { state: { ...state, lockedUntil: lock }, lockedNow: true }
    } catch (err) {
      if (!conditionFailed(err)) throw err
      return { state: { ...state, lockedUntil: lock }, lockedNow: false }
    }
  },

  /** A successful sign-in, or an administrator lifting the lock: the account starts afresh. */
  async clear(scope: AttemptScope, id: string): Promise<void> {
    await documentClient().send(new DeleteCommand({ TableName: env().TABLE_NAME, Key: key(scope, id) }))
  },
}
