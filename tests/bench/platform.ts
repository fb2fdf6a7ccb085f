/**
 * What the API sections of the bench share: the platform in its own process
 * (as `npm start` runs it, so the load generator does not share its event
 * loop with the server it measures), signing in, and a load of 50 clients
 * with p50/p95/p99 from every response; and, for a module's bench, the
 * platform in the bench's own process (`benchPlatform`: its data directory
 * and free ports, no schedules) with a signed-in caller of its API.
 */
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../infra/local/ports.js'

export const CONNECTIONS = 50

export const percentile = (sorted: number[], p: number): number => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN
export const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d

export interface LoadResult { name: string; path: string; requests: number; errors: number; non2xx: number; rps: number; p50: number; p95: number; p99: number; max: number }

/** `opts`: another method, body and headers (the raw DynamoDB Local requests beside the routes). */
export async function load(name: string, url: string, token: string | undefined, durationS: number, opts: { method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> } = {}): Promise<LoadResult> {
  const times: number[] = []
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: durationS, method: opts.method ?? 'GET', body: opts.body,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...opts.headers },
    setupClient: (client) => { client.on('response', (_status: number, _bytes: number, responseTime: number) => { times.push(responseTime) }) },
  } as autocannon.Options)
  times.sort((a, b) => a - b)
  return {
    name, path: new URL(url).pathname + new URL(url).search, requests: result.requests.total, errors: result.errors, non2xx: result.non2xx,
    rps: round(result.requests.average), p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times.at(-1) ?? NaN),
  }
}

export interface Platform { url: string; dynamoEndpoint: string; dataDir: string; signIn(username: string): Promise<string>; stop(): Promise<void> }

export async function startPlatform(): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'do-bench-'))
  const port = await freePort()
  const dynamoPort = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts', '--data-dir', dataDir, '--port', String(port),
    '--dynamo-port', String(dynamoPort), '--s3-port', String(await freePort()), '--sfn-port', String(await freePort()), '--portal-port', String(await freePort())],
  { env: { ...process.env, LOG_REQUESTS: 'false' }, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = `http://localhost:${port}`
  const stop = async () => {
    if (child.exitCode === null) { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)) }
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await new Promise<void>((resolve, reject) => {
      let out = ''
      child.stdout!.on('data', (d) => { out += String(d); if (out.includes('Digital Office is running')) resolve() })
      child.once('exit', (code) => reject(new Error(`platform exited (${code}): ${out.slice(-500)}`)))
    })
  } catch (err) { await stop(); throw err }
  child.stdout!.resume()
  return {
    url, dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`, dataDir, stop,
    async signIn(username) {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'DigitalOffice@2026' }) })
      return ((await res.json()) as { token: string }).token
    },
  }
}

export async function benchPlatform(name: string) {
  const { startPlatform } = await import('../../infra/local/platform.js')
  const { freePort } = await import('../../infra/local/ports.js')
  const dataDir = mkdtempSync(join(tmpdir(), `do-bench-${name}-`))
  process.env.LOG_REQUESTS = 'false'
  const platform = await startPlatform({ dataDir, port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort(), schedules: false })
  const call = async (token: string | undefined, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${platform.url}${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
    return { status: res.status, body: await res.json() as any }
  }
  const token = async (username: string) => (await call(undefined, 'POST', '/api/auth/login', { username, password: 'DigitalOffice@2026' })).body.token as string
  return { platform, call, token }
}
