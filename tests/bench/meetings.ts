/**
 * Benchmark of the meetings' live updates (called by tests/bench/run.ts):
 * 500 participants of one meeting, each with a real `ws` client connected to
 * the embedded gateway's WebSocket server and following the meeting; the
 * chair acts (opens, moves through the agenda) and the time from the chair's
 * request to each client's update is taken, p50/p95 over every client and
 * action. People are made through the API; their tokens are signed with the
 * embedded issuer's key (500 sign-ins would measure scrypt, not this).
 * It measures, never asserts.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { importJWK, SignJWT, type JWK } from 'jose'
import { WebSocket } from 'ws'
import { LiveMirror } from '../../shared/meetings/live.js'

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN }

export interface MeetingsBench { participants: number; connectSeconds: number; actions: number; p50: number; p95: number; max: number; requestP50: number }

export async function meetingsBench(log: (m: string) => void = console.log, participants = Number(process.env.BENCH_PARTICIPANTS ?? 500)): Promise<MeetingsBench> {
  const { startPlatform } = await import('../../infra/local/platform.js')
  const { freePort } = await import('../../infra/local/ports.js')
  const { loadIssuerKey, LOCAL_AUDIENCE, LOCAL_ISSUER } = await import('../../infra/local/identity.js')
  const dataDir = mkdtempSync(join(tmpdir(), 'do-bench-meetings-'))
  process.env.LOG_REQUESTS = 'false'
  const platform = await startPlatform({ dataDir, port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort(), schedules: false })
  const sockets: WebSocket[] = []
  try {
    const call = async (token: string | undefined, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${platform.url}${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
      return { status: res.status, body: await res.json() as any }
    }
    const admin = (await call(undefined, 'POST', '/api/auth/login', { username: 'admin', password: 'DigitalOffice@2026' })).body.token as string
    const { privateKeyFile } = await loadIssuerKey(join(dataDir, 'identity'))
    const key = await importJWK(JSON.parse(readFileSync(privateKeyFile, 'utf8')) as JWK, 'RS256')
    const tokenOf = (username: string) => new SignJWT({ username }).setProtectedHeader({ alg: 'RS256' }).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setIssuedAt().setExpirationTime('1h').sign(key)

    const ward = `p-bench-${Date.now().toString(36)}`
    const made = await call(admin, 'POST', '/api/units', { unitId: ward, code: 'ĐU', name: 'Đảng bộ phường Hội Nghị Lớn', level: 'commune', kind: 'party-committee', parentId: 'hn-tu', validFrom: '2025-07-01' })
    if (made.status !== 201) throw new Error(JSON.stringify(made.body))
    const people: { userId: string; username: string }[] = []
    for (let i = 0; i < participants; i += 10) {
      await Promise.all(Array.from({ length: Math.min(10, participants - i) }, async (_, j) => {
        const username = `daibieu.${ward}.${i + j}`
        const res = await call(admin, 'POST', '/api/users', { username, fullName: `Đại biểu ${i + j + 1}`, clearance: 'internal', password: 'Thu-nghiem#2026', assignments: [{ unitId: ward, role: i + j === 0 ? 'secretary' : 'specialist' }] })
        if (res.status !== 201) throw new Error(JSON.stringify(res.body))
        people[i + j] = { userId: res.body.user.userId, username }
      }))
    }
    const chairToken = await tokenOf(people[0]!.username)
    const created = await call(chairToken, 'POST', '/api/meetings', {
      unitId: ward, title: 'Hội nghị đại biểu', kind: 'conference', startsAt: new Date(Date.now() + 60_000).toISOString(), place: 'Hội trường lớn',
      chairUserId: people[0]!.userId, secretaryUserId: people[1]!.userId, members: [{ unitId: ward }], invitees: [],
      agenda: Array.from({ length: 6 }, (_, i) => ({ title: `Nội dung ${i + 1}`, minutes: 10 })),
    })
    if (created.status !== 201) throw new Error(JSON.stringify(created.body))
    const meetingId = created.body.meetingId as string
    log(`  ${participants} participants made; connecting…`)

    // Each client: connected, following, with its first state in hand; then it notes when each version arrives.
    const arrivals: Map<number, number>[] = []
    const mirrors: LiveMirror[] = []
    let resyncs = 0
    const t0 = performance.now()
    for (let i = 0; i < participants; i += 50) {
      await Promise.all(people.slice(i, i + 50).map(async (p, j) => {
        const seen = new Map<number, number>()
        arrivals[i + j] = seen
        const ws = new WebSocket(`${platform.url.replace(/^http/, 'ws')}/ws`, ['digital-office.live', await tokenOf(p.username)])
        sockets.push(ws)
        await new Promise<void>((resolve, reject) => {
          ws.once('error', reject)
          const mirror = new LiveMirror()
          mirrors[i + j] = mirror
          ws.on('message', (data) => {
            const m = JSON.parse(String(data))
            if (m.type === 'refused') return reject(new Error(JSON.stringify(m)))
            if (mirror.receive(m) === 'resync') { resyncs++; ws.send(JSON.stringify({ action: 'subscribe', meetingId })) }
            if (!mirror.meeting) return
            if (!seen.size) resolve()
            if (!seen.has(mirror.meeting.version)) seen.set(mirror.meeting.version, performance.now())
          })
          ws.once('open', () => ws.send(JSON.stringify({ action: 'subscribe', meetingId })))
        })
      }))
    }
    const connectSeconds = (performance.now() - t0) / 1000

    const latencies: number[] = []
    const requests: number[] = []
    const actions: [string, unknown][] = [['open', {}], ...[2, 3, 4, 5, 6].map((n) => ['agenda', { itemId: `i${n}` }] as [string, unknown])]
    for (const [path, body] of actions) {
      const started = performance.now()
      const res = await call(chairToken, 'POST', `/api/meetings/${meetingId}/${path}`, body)
      requests.push(performance.now() - started)
      const version = res.body.version as number
      while (arrivals.some((a) => !a.has(version))) await new Promise((r) => setTimeout(r, 5))
      for (const a of arrivals) latencies.push(a.get(version)! - started)
    }
    return { participants, connectSeconds: round(connectSeconds), actions: actions.length, p50: round(pct(latencies, 50)), p95: round(pct(latencies, 95)), max: round(Math.max(...latencies)), requestP50: round(pct(requests, 50)) }
  } finally {
    for (const ws of sockets) ws.terminate()
    await platform.stop()
  }
}

export function meetingsMarkdown(b: MeetingsBench): string[] {
  return [
    `| ${b.participants} participants connected (ws clients, embedded gateway) | ${b.connectSeconds} s to connect and follow |`,
    `| chair's action → every client's update (${b.actions} actions × ${b.participants}) | p50 ${b.p50} ms, p95 ${b.p95} ms, max ${b.max} ms |`,
    `| the chair's request itself (it waits for the broadcast) | p50 ${b.requestP50} ms |`,
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(meetingsMarkdown(await meetingsBench()).join('\n'))
