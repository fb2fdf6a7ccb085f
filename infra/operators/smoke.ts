/**
 * Post-deploy smoke check (`npm run smoke -- --url <site> --username <u> --password <p> [--api-url <execute-api URL>]`):
 * what an operator runs after `cdk deploy`, against the environment's site URL (the stack output `SiteUrl`):
 *   1. the site loads (the SPA's HTML from CloudFront);
 *   2. the API answers its health check through the site;
 *   3. a test user signs in (a user without a challenge: a smoke-test account, not an administrator with MFA);
 *   4. one read per module: the first GET route of the module without path parameters (from the one route
 *      table) that answers 200, asked plainly or for the user's first unit; a 401/403/5xx fails the check;
 *   5. one write rolled back: the test user's own notification preferences (one choice flipped, read back
 *      through a new request, put back as they were, read back again): the table's write path, its KMS key
 *      and the function's write grant, leaving nothing behind (a failed put-back is said, with what to restore);
 *   6. with `--api-url`: the HTTP API's own endpoint refuses a request that did not come through CloudFront
 *      (no `x-origin-verify`: 403 `auth.notThroughSite`).
 * `--env <name>` reads the site URL (web stack's `SiteUrl`) and the API's own endpoint (api stack's
 * `ExecuteApiUrl`) from the deployed stacks (CloudFormation, the operator's credentials) instead of
 * `--url`/`--api-url`. Prints one line per check and exits 1 if any failed.
 */
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { ROUTES, type RouteDefinition } from '../definitions/routes.js'
import { loadConfig } from '../config/index.js'
import { OperatorError, stackName, stackOutputs } from './environment.js'

export interface SmokeOptions { url: string; username: string; password: string; apiUrl?: string }
export interface SmokeCheck { name: string; ok: boolean; detail: string }

/** The parameterless GET routes of each module (the route table's order), sign-in and public routes aside. */
export function moduleReads(routes: readonly RouteDefinition[] = ROUTES): Map<string, RouteDefinition[]> {
  const out = new Map<string, RouteDefinition[]>()
  for (const r of routes) {
    if (r.method !== 'GET' || r.auth !== 'jwt' || r.path.includes('{')) continue
    out.set(r.module, [...(out.get(r.module) ?? []), r])
  }
  return out
}

async function call(url: string, init: RequestInit = {}): Promise<{ status: number; text: string; json?: any }> {
  const res = await fetch(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(30_000) })
  const text = await res.text()
  let json: unknown
  try { json = JSON.parse(text) } catch { /* not JSON */ }
  return { status: res.status, text, json }
}

export async function smoke(o: SmokeOptions): Promise<SmokeCheck[]> {
  const base = o.url.replace(/\/+$/, '')
  const checks: SmokeCheck[] = []
  const check = async (name: string, run: () => Promise<[boolean, string]>) => {
    try {
      const [ok, detail] = await run()
      checks.push({ name, ok, detail })
    } catch (err) {
      checks.push({ name, ok: false, detail: (err as Error).message })
    }
  }
  await check('site loads', async () => {
    const r = await call(`${base}/`)
    return [r.status === 200 && /<div id="root"/.test(r.text), `GET / → ${r.status}`]
  })
  await check('API health', async () => {
    const r = await call(`${base}/api/health`)
    return [r.status === 200, `GET /api/health → ${r.status}`]
  })
  let token: string | undefined
  await check('sign-in', async () => {
    const r = await call(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: o.username, password: o.password }) })
    token = r.json?.token
    const challenge = r.json?.challenge ? ` (challenge ${r.json.challenge}: use a smoke-test user without one)` : ''
    return [r.status === 200 && !!token, `POST /api/auth/login → ${r.status}${challenge}`]
  })
  // A read is a module's first parameterless GET that answers 200, asked plainly or for the user's own unit.
  let unitId: string | undefined
  if (token) unitId = (await call(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined))?.json?.user?.assignments?.[0]?.unitId
  for (const [module, candidates] of moduleReads()) {
    await check(`read ${module}`, async () => {
      if (!token) return [false, 'not signed in']
      let last = ''
      for (const route of candidates.slice(0, 4)) {
        for (const path of [route.path, ...(unitId ? [`${route.path}?unitId=${encodeURIComponent(unitId)}`] : [])]) {
          const r = await call(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })
          if (r.status === 200) return [true, `GET ${path} → 200`]
          last = `GET ${path} → ${r.status} ${r.json?.error?.code ?? ''}`
          // Anything but a missing parameter is the answer: 401/403/5xx fail the read.
          if (r.status !== 400 && r.status !== 404) return [false, last]
        }
      }
      return [false, last]
    })
  }
  await check('one write rolled back', () => writeRolledBack(base, token))
  if (o.apiUrl) {
    const api = o.apiUrl.replace(/\/+$/, '')
    await check('API refuses requests around CloudFront', async () => {
      const r = await call(`${api}/api/health`)
      return [r.status === 403 && r.json?.error?.code === 'auth.notThroughSite', `GET <api-url>/api/health without x-origin-verify → ${r.status} ${r.json?.error?.code ?? ''}`]
    })
  }
  return checks
}

type Prefs = { kinds: Record<string, { inApp: boolean; email: boolean }> }

/**
 * The user's notification preferences: one choice flipped and put, read back, the whole set put back and read back.
 * Harmless (the smoke user's own settings) and undone; a put-back that fails says what to restore by hand.
 */
async function writeRolledBack(base: string, token: string | undefined): Promise<[boolean, string]> {
  if (!token) return [false, 'not signed in']
  const path = '/api/notifications/preferences'
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const before = await call(`${base}${path}`, { headers })
  const original = before.json as Prefs | undefined
  const [kind, choice] = Object.entries(original?.kinds ?? {})[0] ?? []
  if (before.status !== 200 || !kind || !choice) return [false, `GET ${path} → ${before.status}`]
  const flipped = { ...choice, email: !choice.email }
  const put = await call(`${base}${path}`, { method: 'PUT', headers, body: JSON.stringify({ kinds: { [kind]: flipped } }) })
  if (put.status !== 200) return [false, `PUT ${path} → ${put.status} ${put.json?.error?.code ?? ''}`]
  const written = (await call(`${base}${path}`, { headers })).json as Prefs | undefined
  const restore = await call(`${base}${path}`, { method: 'PUT', headers, body: JSON.stringify({ kinds: original!.kinds }) })
  const after = (await call(`${base}${path}`, { headers })).json as Prefs | undefined
  const restored = restore.status === 200 && JSON.stringify(after?.kinds) === JSON.stringify(original!.kinds)
  if (!restored) return [false, `PUT ${path} (put back) → ${restore.status}: NOT rolled back — set "${kind}" e-mail back to ${choice.email} for this user`]
  const seen = written?.kinds?.[kind]?.email === flipped.email
  return [seen, seen ? `PUT ${path} (${kind}.email ${choice.email} → ${flipped.email}) read back, then put back and read back` : `PUT ${path} → 200 but the change was not read back`]
}

/** `--env`: the site and the API's own endpoint from the deployed stacks' outputs. */
export async function urlsOf(envName: string, client: Pick<CloudFormationClient, 'send'> = new CloudFormationClient({ region: loadConfig(envName).region })): Promise<{ url: string; apiUrl: string }> {
  const config = loadConfig(envName)
  const [web, api] = await Promise.all([
    stackOutputs(client, stackName(config.envName, 'web'), ['SiteUrl']),
    stackOutputs(client, stackName(config.envName, 'api'), ['ExecuteApiUrl']),
  ])
  return { url: web.SiteUrl!, apiUrl: api.ExecuteApiUrl! }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { env: { type: 'string' }, url: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' }, 'api-url': { type: 'string' } } })
  const password = values.password ?? process.env.SMOKE_PASSWORD
  if ((!values.url && !values.env) || !values.username || !password) {
    console.error('usage: npm run smoke -- (--env <name> | --url <SiteUrl> [--api-url <ExecuteApiUrl>]) --username <user> --password <password | env SMOKE_PASSWORD>')
    process.exit(2)
  }
  let urls: { url: string; apiUrl?: string }
  try {
    urls = values.env && !values.url ? await urlsOf(values.env) : { url: values.url!, apiUrl: values['api-url'] }
  } catch (err) {
    if (!(err instanceof OperatorError)) throw err
    console.error(err.message)
    process.exit(2)
  }
  console.log(`site: ${urls.url}${urls.apiUrl ? `  API endpoint: ${urls.apiUrl}` : ''}`)
  const checks = await smoke({ url: urls.url, username: values.username, password, apiUrl: urls.apiUrl })
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`)
  process.exit(checks.every((c) => c.ok) ? 0 : 1)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
