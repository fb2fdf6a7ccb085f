/**
 * `npm run signing -- <command> --env <dev|staging|prod> ...`: signing keys
 * of an environment on AWS (see signing-keys.ts). Uses the operator's AWS
 * credentials and the environment's region.
 *
 *   create-key   --org <unitId> --name "<organisation>" [--out <file>]   (the seal's subject: CN and O the body itself)
 *   create-key   --person <userId> --name "<full name>" --org-name "<organisation>" [--out <file>]
 *   csr          (same subject flags) [--out <file>]     the request again, for an existing key
 *   import-chain --org <unitId> | --person <userId> --file <chain.pem>
 *   import-roots --file <roots.pem>
 *
 * `--bucket` overrides the uploads bucket name when the environment's config
 * has no account id.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { KMSClient } from '@aws-sdk/client-kms'
import { S3Client } from '@aws-sdk/client-s3'
import { loadConfig } from '../config/index.js'
import { keyAlias } from '../../functions/lib/signing/keys-kms.js'
import { createSigningKey, importChain, importRoots, ProvisionError, requestFor, type Subject } from './signing-keys.js'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    env: { type: 'string' }, org: { type: 'string' }, person: { type: 'string' }, name: { type: 'string' },
    parent: { type: 'string' }, 'org-name': { type: 'string' }, file: { type: 'string' }, out: { type: 'string' }, bucket: { type: 'string' },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const command = positionals[0]
if (!command || !['create-key', 'csr', 'import-chain', 'import-roots'].includes(command)) fail('Lệnh / command: create-key | csr | import-chain | import-roots (xem / see infra/operators/signing.ts)')
if (!values.env) fail('Thiếu --env <dev|staging|prod> / --env is required')
const config = loadConfig(values.env)
const bucket = values.bucket ?? (config.account ? `do-${config.envName}-uploads-${config.account}-${config.region}` : fail('Cấu hình môi trường không có account: thêm --bucket / the config has no account id: pass --bucket'))
const target = { aliasPrefix: `do-${config.envName}`, bucket }
const clients = { kms: new KMSClient({ region: config.region }), s3: new S3Client({ region: config.region }) }

function subject(): Subject {
  if (values.org && values.person) fail('Chọn --org hoặc --person / either --org or --person')
  // A seal's certificate names the issuing body itself (CN and O); its superior (--parent) is not part of the subject.
  if (values.org) return { kind: 'organisation', id: values.org, commonName: values.name ?? fail('Thiếu --name / --name is required'), organisation: values.name! }
  if (values.person) return { kind: 'person', id: values.person, commonName: values.name ?? fail('Thiếu --name / --name is required'), organisation: values['org-name'] ?? fail('Thiếu --org-name / --org-name is required') }
  return fail('Thiếu --org <unitId> hoặc --person <userId> / --org or --person is required')
}

function writeCsr(csr: string, alias: string): void {
  const out = values.out ?? `${alias.replace(/^alias\//, '')}.csr.pem`
  writeFileSync(out, csr)
  console.log(`Yêu cầu cấp chứng thư / certification request: ${out}`)
}

try {
  if (command === 'create-key') {
    const s = subject()
    const created = await createSigningKey(clients, target, s)
    console.log(`Đã tạo khoá / key created: ${created.keyId} (${created.alias})`)
    writeCsr(created.csr, created.alias)
  } else if (command === 'csr') {
    const s = subject()
    const alias = keyAlias(target.aliasPrefix, s)
    writeCsr(await requestFor(clients, alias, s), alias)
  } else if (command === 'import-chain') {
    const s = subject()
    const done = await importChain(clients, target, s, readFileSync(values.file ?? fail('Thiếu --file / --file is required'), 'utf8'))
    console.log(`Đã lưu chuỗi chứng thư / chain saved: s3://${bucket}/${done.key} — ${done.subject}, hết hạn / expires ${done.notAfter}`)
  } else {
    const done = await importRoots(clients, target, readFileSync(values.file ?? fail('Thiếu --file / --file is required'), 'utf8'))
    console.log(`Đã lưu ${done.count} chứng thư gốc / roots saved: s3://${bucket}/${done.key}`)
  }
} catch (err) {
  if (err instanceof ProvisionError) fail(err.message)
  throw err
}
