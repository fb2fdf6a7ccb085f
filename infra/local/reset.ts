/**
 * Function code caches its configuration and clients per process (as on
 * Lambda). When the embedded runtime (re)starts in a process — tests start
 * several — those caches must forget the previous endpoints.
 */
import { resetAuditMac } from '../../functions/lib/adapters/audit-mac.js'
import { resetCheckpointStore } from '../../functions/lib/adapters/audit-checkpoints.js'
import { resetEnvCache } from '../../functions/lib/env.js'
import { resetClients } from '../../functions/lib/clients.js'
import { resetIdentity } from '../../functions/lib/adapters/identity.js'
import { registerEmbeddedSql, type Sql } from '../../functions/lib/adapters/sql.js'
import { resetMigrationFlag } from '../../functions/readmodel/schema.js'
import { resetSigningCaches } from '../../functions/lib/signing/index.js'

export function resetRuntimeCaches(sql: Sql): void {
  resetEnvCache()
  resetClients()
  resetIdentity()
  resetAuditMac()
  resetCheckpointStore()
  resetMigrationFlag()
  resetSigningCaches()
  registerEmbeddedSql(sql)
}
