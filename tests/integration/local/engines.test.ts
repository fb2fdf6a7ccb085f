/**
 * The engines the embedded runtime starts: every port the platform (and the
 * JVM it starts) listens on is bound to 127.0.0.1, read from the kernel's
 * socket tables (nothing is sent to another address); none outlives the
 * platform's process (a kill -9 takes DynamoDB Local's JVM with it, and the
 * next start on the same ports works).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, isListening } from '../../../infra/local/ports.js'

const dataDir = mkdtempSync(join(tmpdir(), 'do-engines-'))
const running: ChildProcess[] = []
afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

interface Ports { port: number; dynamoPort: number; s3Port: number; sfnPort: number; portalPort: number; smtpPort: number }

async function pickPorts(): Promise<Ports> {
  return { port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort(), portalPort: await freePort(), smtpPort: await freePort() }
}

/** `npm start` in its own process, as a developer runs it; resolves once it says it is running. */
async function startMain(ports: Ports): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts', '--data-dir', dataDir, '--port', String(ports.port),
    '--dynamo-port', String(ports.dynamoPort), '--s3-port', String(ports.s3Port), '--sfn-port', String(ports.sfnPort), '--portal-port', String(ports.portalPort),
    '--smtp-port', String(ports.smtpPort),
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

/** The listening TCP sockets of these processes, from /proc/<pid>/fd and /proc/net/tcp{,6}. */
function listeners(pids: number[]): { address: string; port: number }[] {
  const inodes = new Set(pids.flatMap((pid) => readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    try { return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]].filter((x): x is string => !!x) } catch { return [] }
  })))
  const hexWords = (hex: string) => hex.match(/.{8}/g)!.map((w) => w.match(/../g)!.reverse().join(''))
  const v4 = (hex8: string) => hex8.match(/../g)!.map((b) => parseInt(b, 16)).join('.')
  const decode = (hex: string): string => {
    if (hex.length === 8) return v4(hexWords(hex)[0])
    const words = hexWords(hex)
    if (words.slice(0, 2).join('') === '0'.repeat(16) && words[2] === '0000ffff') return `::ffff:${v4(words[3])}`
    return words.join('').match(/.{4}/g)!.join(':')
  }
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) => readFileSync(table, 'utf8').trim().split('\n').slice(1).flatMap((line) => {
    const f = line.trim().split(/\s+/)
    const [addr, port] = f[1].split(':')
    return f[3] === '0A' && inodes.has(f[9]) ? [{ address: decode(addr), port: parseInt(port, 16) }] : []
  }))
}

describe('the engines of the embedded runtime', () => {
  let ports: Ports
  let first: ChildProcess
  beforeAll(async () => {
    // A port the OS called free can be taken by another suite before the platform binds it:
    // only then, start again on other ports (any other failure fails the test).
    for (let attempt = 1; ; attempt++) {
      ports = await pickPorts()
      try { first = await startMain(ports); break } catch (e) {
        if (attempt >= 3 || !/EADDRINUSE|already in use/.test(String(e))) throw e
        await expect.poll(engines, { timeout: 30_000 }).toEqual([])
      }
    }
  }, 300_000)

  it('listens on 127.0.0.1 only: the gateway, DynamoDB Local, S3, Step Functions and the portal simulator', () => {
    expect(engines()).toHaveLength(1)
    const open = listeners([first.pid!, ...engines()])
    expect(open.map((l) => l.port)).toEqual(expect.arrayContaining(Object.values(ports)))
    for (const l of open) expect(l.address, `port ${l.port}`).toBe('127.0.0.1')
  })

  it('a kill -9 of the platform takes DynamoDB Local with it, and the next start on the same ports works', async () => {
    expect(engines()).toHaveLength(1)

    const killed = new Promise((r) => first.once('exit', r))
    first.kill('SIGKILL')
    await killed
    // Waits (it is not a measure) for the JVM to notice and end.
    await expect.poll(engines, { timeout: 30_000 }).toEqual([])
    // An ending process loses its command line before its sockets close: wait for the port too.
    await expect.poll(() => isListening(ports.dynamoPort), { timeout: 30_000 }).toBe(false)

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
