/**
 * The engines the embedded runtime starts: none outlives the platform's
 * process (a kill -9 takes DynamoDB Local's JVM with it, and the next start
 * on the same ports works).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, isListening } from '../../../infra/local/ports.js'

const dataDir = mkdtempSync(join(tmpdir(), 'do-engines-'))
const running: ChildProcess[] = []
afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

interface Ports { port: number; dynamoPort: number; s3Port: number; sfnPort: number; portalPort: number }

/** `npm start` in its own process, as a developer runs it; resolves once it says it is running. */
async function startMain(ports: Ports): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts', '--data-dir', dataDir, '--port', String(ports.port),
    '--dynamo-port', String(ports.dynamoPort), '--s3-port', String(ports.s3Port), '--sfn-port', String(ports.sfnPort), '--portal-port', String(ports.portalPort),
    '--no-schedules', '--no-seed'], { env: { ...process.env, LOG_REQUESTS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(child)
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => { output += String(d); if (output.includes('Digital Office is running')) resolve() })
    child.stderr!.on('data', (d: Buffer) => { output += String(d) })
    child.once('exit', (code, signal) => reject(new Error(`the platform exited (${code ?? signal}) while starting:\n${output.slice(-3000)}`)))
  })
  return child
}

/** A process that runs (a zombie waiting for its parent to reap it has ended). */
function alive(pid: number): boolean {
  if (!existsSync(`/proc/${pid}/stat`)) return false
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch { return false }
}

/** The DynamoDB Local processes that run on this test's data directory. */
function engines(): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const cmdline = readFileSync(`/proc/${d}/cmdline`, 'utf8')
      return cmdline.includes('DynamoDBLocal') && cmdline.includes(dataDir) && alive(Number(d)) ? [Number(d)] : []
    } catch { return [] }
  })
}

describe('the engines of the embedded runtime', () => {
  it('a kill -9 of the platform takes DynamoDB Local with it, and the next start on the same ports works', async () => {
    const ports: Ports = { port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort(), portalPort: await freePort() }
    const first = await startMain(ports)
    expect(engines()).toHaveLength(1)

    const killed = new Promise((r) => first.once('exit', r))
    first.kill('SIGKILL')
    await killed
    // Waits (it is not a measure) for the JVM to notice and end.
    await expect.poll(engines, { timeout: 30_000 }).toEqual([])
    expect(await isListening(ports.dynamoPort)).toBe(false)

    const second = await startMain(ports)
    const health = await fetch(`http://127.0.0.1:${ports.port}/api/health`)
    expect(health.status).toBe(200)
    expect(engines()).toHaveLength(1)
    const stopped = new Promise((r) => second.once('exit', r))
    second.kill('SIGTERM')
    await stopped
    await expect.poll(engines, { timeout: 30_000 }).toEqual([])
  }, 600_000) // two full starts (a JVM, initdb) on a 2-core machine
})
