/**
 * Starts one embedded platform (real DynamoDB Local, PGlite, s3rver, Step
 * Functions interpreter, gateway) on free ports with a throw-away data
 * directory for the integration and browser tests.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startPlatform, type Platform } from '../../infra/local/platform.js'
import { freePort } from '../../infra/local/ports.js'

let platform: Platform | undefined
let dataDir: string | undefined

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  dataDir = mkdtempSync(join(tmpdir(), 'do-test-'))
  process.env.LOG_REQUESTS = 'false'
  platform = await startPlatform({
    dataDir, port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort(),
    schedules: false,
  })
  project.provide('baseUrl', platform.url)
  project.provide('dataDir', dataDir)
  project.provide('portalUrl', platform.portalUrl)
  return async () => {
    await platform?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string; dataDir: string; portalUrl: string }
}
