/**
 * Lambda entry of the read model's migrations, run at deploy by a CDK Trigger before the HTTP API's stage
 * is deployed (infra/stacks/api-stack.ts): a failure fails the deployment, which rolls back. The embedded
 * runtime runs the same `runMigrations` at start-up.
 */
import { sql } from '../lib/adapters/sql.js'
import { loggerFor } from '../lib/log.js'
import { runMigrations } from './schema.js'

const logger = loggerFor('migrations')

export const handler = async () => {
  const result = await runMigrations(sql())
  logger.info('read model migrated', { applied: result.applied, version: result.version })
  return result
}
