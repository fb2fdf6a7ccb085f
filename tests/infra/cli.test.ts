import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The operator's command itself: `npx cdk synth -c env=<env>`, offline, through the CDK CLI. */
describe('cdk synth through the CLI', () => {
  it.each(['dev', 'prod'])('synthesises %s offline with no nag findings', (env) => {
    const out = mkdtempSync(join(tmpdir(), `do-cdk-${env}-`))
    try {
      const log = execFileSync('npx', ['cdk', 'synth', '-c', `env=${env}`, '--no-notices', '-q', '-o', out], {
        encoding: 'utf8', env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_CLI_TELEMETRY: 'false' }, stdio: ['ignore', 'pipe', 'pipe'],
      })
      expect(log).not.toMatch(/AwsSolutions-/)
      const templates = readdirSync(out).filter((f) => f.endsWith('.template.json'))
      expect(templates.sort()).toEqual([`do-${env}-api`, `do-${env}-ops`, `do-${env}-stateful`, `do-${env}-waf`, `do-${env}-web`, `do-${env}-workflow`].map((s) => `${s}.template.json`))
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 120_000)
})

