/**
 * `npm start`: the whole platform on this machine. Prints the URL and the
 * demo logins. Ctrl+C stops it; data stays in the data directory.
 */
import { parseArgs } from 'node:util'
import { startPlatform } from './platform.js'
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.js'
import { PortInUseError } from './ports.js'

const HELP = `Digital Office — embedded runtime (every AWS service played locally)

  npm start [-- options]

  --port <n>          web app + API (default 3000, env PORT)
  --dynamo-port <n>   DynamoDB Local (default 8000)
  --s3-port <n>       S3 stand-in (default 4569)
  --sfn-port <n>      Step Functions stand-in (default 8083)
  --portal-port <n>   the national public service portal simulator (default 8090)
  --smtp-port <n>     the SMTP server standing in for SES (default 2525)
  --data-dir <path>   where all data lives (default .data, env DATA_DIR)
  --reset             delete the data directory first (fresh demo data)
  --no-seed           do not load demo data into an empty database
  --no-schedules      do not fire the scheduled jobs (tests run them on demand: POST /local/jobs/<id>)
  -h, --help          this text
`

const { values } = parseArgs({
  options: {
    port: { type: 'string' }, 'dynamo-port': { type: 'string' }, 's3-port': { type: 'string' }, 'sfn-port': { type: 'string' }, 'portal-port': { type: 'string' }, 'smtp-port': { type: 'string' },
    'data-dir': { type: 'string' }, reset: { type: 'boolean' }, 'no-seed': { type: 'boolean' }, 'no-schedules': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  },
})
if (values.help) { console.log(HELP); process.exit(0) }

const num = (v: string | undefined, fallback: number, name: string): number => {
  const n = Number(v ?? fallback)
  if (!Number.isInteger(n) || n < 1 || n > 65535) { console.error(`Invalid ${name}: ${v}`); process.exit(2) }
  return n
}

const started = Date.now()
try {
  const platform = await startPlatform({
    port: num(values.port ?? process.env.PORT, 3000, '--port'),
    dynamoPort: num(values['dynamo-port'], 8000, '--dynamo-port'),
    s3Port: num(values['s3-port'], 4569, '--s3-port'),
    sfnPort: num(values['sfn-port'], 8083, '--sfn-port'),
    portalPort: num(values['portal-port'], 8090, '--portal-port'),
    smtpPort: num(values['smtp-port'], 2525, '--smtp-port'),
    dataDir: values['data-dir'] ?? process.env.DATA_DIR ?? '.data',
    reset: values.reset, seed: !values['no-seed'], schedules: !values['no-schedules'],
    log: (m) => console.log(`  · ${m}`),
  })
  console.log(`
Digital Office is running (${((Date.now() - started) / 1000).toFixed(1)} s)

  Open:      ${platform.url}
  Data:      ${platform.dataDir}  (npm start -- --reset for fresh demo data)
  Mail:      smtp://127.0.0.1:${platform.smtpPort}, Maildir ${platform.maildir}; ${platform.url}/local/mail (an administrator's token: see the README)
  Portal:    ${platform.portalUrl}  (national public service portal simulator)

  Demo logins — password for all / mật khẩu chung: ${DEMO_PASSWORD}
${DEMO_USERS.map((u) => `    ${u.username.padEnd(20)} ${u.fullName.padEnd(18)} ${u.note}`).join('\n')}

Press Ctrl+C to stop.`)
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    console.log('\nStopping …')
    await platform.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (err) {
  if (err instanceof PortInUseError) console.error(`\n${err.message}\n`)
  else console.error(err)
  process.exit(1)
}
