/**
 * Offline synth check, the way `cdk synth -c env=<name>` runs the app:
 * cdk.json context + `env`, an output folder per environment, cdk-nag as a
 * validation plugin (synth fails on any unacknowledged error). Prints each
 * stack's resource count and the time taken.
 *
 *   npx tsx infra/build/synth.ts            # all environments
 *   npx tsx infra/build/synth.ts prod       # one
 *
 * Exists because the installed CDK CLI (aws-cdk 3.0.0) reads cloud-assembly
 * schema ≤ 43 while aws-cdk-lib 2.276 writes schema 55: `cdk synth` runs the
 * app successfully, then refuses to read its output.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from '../app.js'
import { ENV_NAMES } from '../config/index.js'
import { REPO_ROOT } from './bundle.js'

const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> }
const requested = process.argv.slice(2)
const envs = requested.length ? requested : [...ENV_NAMES]

let failed = false
for (const envName of envs) {
  const outdir = join(REPO_ROOT, 'cdk.out', envName)
  rmSync(outdir, { recursive: true, force: true })
  const started = performance.now()
  try {
    const { app } = buildApp(envName, { appProps: { outdir, context: { ...cdkJson.context, env: envName } } })
    const assembly = app.synth()
    const ms = Math.round(performance.now() - started)
    console.log(`✔ ${envName}: ${assembly.stacks.length} stacks in ${ms} ms → ${join('cdk.out', envName)}`)
    for (const stack of assembly.stacks) {
      const resources = Object.keys((stack.template as { Resources?: object }).Resources ?? {}).length
      console.log(`    ${stack.stackName.padEnd(22)} ${stack.environment.region.padEnd(15)} ${resources} resources`)
    }
  } catch (error) {
    failed = true
    console.error(`✘ ${envName}: ${(error as Error).message}`)
  }
}
process.exitCode = failed ? 1 : 0
