/**
 * The embedded platform a module's bench runs against (its own process data
 * directory and free ports, no schedules), and a signed-in caller of its API.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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
