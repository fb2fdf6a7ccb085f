/**
 * The embedded runtime's audit key (the stand-in for the KMS HMAC key):
 * 32 random bytes made on first start, kept in the data directory with
 * owner-only permissions. Functions only get its path (AUDIT_KEY_FILE).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export const auditKeyFile = (dataDir: string): string => join(dataDir, 'audit', 'hmac.key')

export function ensureAuditKey(dataDir: string): string {
  const file = auditKeyFile(dataDir)
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
  }
  return file
}
