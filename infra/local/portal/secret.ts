/**
 * The embedded runtime's portal secret (the HMAC key the portal simulator and
 * the platform share): random, made on a data directory's first start and kept
 * in it (owner-only), so each developer's and each test run's platform has its
 * own and nothing in the code signs for every one of them. A deployment sets
 * PORTAL_SHARED_SECRET from its secret store; locally that variable, when set,
 * still wins.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'

export const portalSecretFile = (dataDir: string): string => join(dataDir, 'portal', 'shared-secret')

export function loadPortalSecret(dataDir: string): string {
  const file = portalSecretFile(dataDir)
  if (!existsSync(file)) {
    mkdirSync(join(dataDir, 'portal'), { recursive: true })
    // `wx`: two starts racing on a fresh directory never overwrite each other's secret.
    try { writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' }) } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err }
  }
  return readFileSync(file, 'utf8').trim()
}
