/**
 * Starts one embedded platform (real DynamoDB Local, PGlite, s3rver, Step
 * Functions interpreter, gateway) on free ports with a throw-away data
 * directory for the integration and browser tests — in its own process, as
 * `npm start` runs it, so a busy platform (signing, a burst of issues) never
 * stalls the test runner's own messages.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { freePort } from '../../infra/local/ports.js'

/** One platform per project that asks for it (the integration tests, the browser tests): its own process, ports and data. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'do-test-'))
  const [port, dynamoPort, s3Port, sfnPort, portalPort, smtpPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort(), await freePort()]
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts', '--data-dir', dataDir, '--port', String(port),
    '--dynamo-port', String(dynamoPort), '--s3-port', String(s3Port), '--sfn-port', String(sfnPort), '--portal-port', String(portalPort), '--smtp-port', String(smtpPort), '--no-schedules'],
  { env: { ...process.env, LOG_REQUESTS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => { output += String(d); if (output.includes('Digital Office is running')) resolve() }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (d: Buffer) => { output += String(d) })
    child.once('exit', (code) => reject(new Error(`the embedded platform exited (${code}) while starting:\n${output.slice(-3000)}`)))
  })
  // Keep reading so the child never blocks on a full pipe; show what it says on stderr (errors).
  child.stdout!.resume()
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(d))
  project.provide('baseUrl', `http://localhost:${port}`)
  project.provide('dataDir', dataDir)
  project.provide('dynamoEndpoint', `http://127.0.0.1:${dynamoPort}`)
  project.provide('portalUrl', `http://127.0.0.1:${portalPort}`)
  project.provide('s3Endpoint', `http://127.0.0.1:${s3Port}`)
  project.provide('smtpPort', smtpPort)
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000).unref())])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string; dataDir: string; dynamoEndpoint: string; portalUrl: string; s3Endpoint: string; smtpPort: number }
}
