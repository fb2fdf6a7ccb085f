/** Poppler's readings of a PDF in tests: the signatures as `pdfsig` reports them, trusting the platform's development CA. */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'

let work: string | undefined
const dir = () => (work ??= mkdtempSync(join(tmpdir(), 'poppler-')))

/** `pdfsig`'s report, one string per signature in the file's order. */
export function pdfsig(pdf: Uint8Array | ArrayBuffer): string[] {
  const db = join(dir(), 'nss')
  if (!existsSync(db)) {
    mkdirSync(db, { recursive: true })
    execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password'])
    execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'digital-office-dev-ca', '-t', 'CT,C,C', '-i', join(inject('dataDir'), 'signing', 'ca-cert.pem')])
  }
  const file = join(dir(), `s-${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, new Uint8Array(pdf))
  return spawnSync('pdfsig', ['-nssdir', `sql:${db}`, file], { encoding: 'utf8' }).stdout.split(/^Signature #\d+:$/m).slice(1)
}
