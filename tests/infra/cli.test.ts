import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The operator's command itself: `npx cdk synth -c env=<env>`, offline, through the CDK CLI. */
describe('cdk synth through the CLI', () => {
  // Asynchronous, so the test worker stays responsive to the runner during a synth of a minute or more.
  it.each(['dev', 'prod'])('synthesises %s offline with no nag findings', async (env) => {
    const out = mkdtempSync(join(tmpdir(), `do-cdk-${env}-`))
    try {
      const { stdout: log } = await promisify(execFile)('npx', ['cdk', 'synth', '-c', `env=${env}`, '--no-notices', '-q', '-o', out], {
        encoding: 'utf8', env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_CLI_TELEMETRY: 'false' }, maxBuffer: 64 * 1024 * 1024,
      })
      expect(log).not.toMatch(/AwsSolutions-/)
      const templates = readdirSync(out).filter((f) => f.endsWith('.template.json'))
      expect(templates.sort()).toEqual([`do-${env}-api`, `do-${env}-ops`, `do-${env}-stateful`, `do-${env}-waf`, `do-${env}-web`, `do-${env}-workflow`].map((s) => `${s}.template.json`))
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 300_000)
})

