/**
 * The single DynamoDB table: its key schema and global secondary indexes.
 * The CDK stateful stack and the embedded runtime both create the table from
 * these constants, so the two can never drift apart.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: {
    /** A collection and its members in order: every unit of a tree, a requester's requests. */
    byCollection: { name: 'byCollection', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Look-ups by a unique natural key: a login name, a request id. */
    byLookup: { name: 'byLookup', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Work waiting for a unit, by status and date: approvals (later: incoming documents). */
    byInbox: { name: 'byInbox', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  },
} as const

export type IndexName = (typeof TABLE.indexes)[keyof typeof TABLE.indexes]['name']

/** Tables that only the embedded runtime needs (they stand in for managed AWS services). */
export const LOCAL_TABLES = {
  /** Step Functions executions, journals and pending task tokens. */
  stepFunctions: 'local-stepfunctions',
  /** Users and password hashes of the local identity issuer (Cognito stand-in). */
  identity: 'local-identity',
} as const
