/**
 * `npm run admin:create`: the first administrator of an environment (first-admin.ts).
 *
 *   npm run admin:create -- --env staging --username quantri --email quantri@example.vn --full-name "Nguyễn Văn Quản" \
 *     [--unit-name "Thành ủy Hà Nội" --unit-code TU [--level city] [--kind party-committee]]   (only when the tree is empty)
 *     [--unit-id <id>] [--clearance secret] [--print-password] [--user-pool-id <id>] [--table <name>] [--audit-key <arn>]
 *
 * On AWS (`--env dev|staging|prod`): the user pool, table and audit key come
 * from the stateful stack's outputs (CloudFormation DescribeStacks with the
 * operator's credentials, in the environment's region), each overridable by
 * its flag. Cognito mails the temporary password unless `--print-password`.
 *
 * Against the embedded runtime (`--local [--data-dir .data] [--dynamo-endpoint http://127.0.0.1:8000]`,
 * while `npm start` runs): the embedded issuer's account; the temporary password is printed.
 *
 * Exit codes: 0 done (or already there), 2 refused (the message says why).
 */
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { loadConfig } from '../config/index.js'
import { OperatorError, stackName, stackOutputs } from './environment.js'
import type { AdminAccounts, FirstAdminResult } from './first-admin.js'

const { values } = parseArgs({
  options: {
    env: { type: 'string' }, local: { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, 'dynamo-endpoint': { type: 'string' },
    username: { type: 'string' }, email: { type: 'string' }, 'full-name': { type: 'string' },
    'unit-id': { type: 'string' }, 'unit-name': { type: 'string' }, 'unit-code': { type: 'string' }, level: { type: 'string' }, kind: { type: 'string' }, clearance: { type: 'string' },
    'print-password': { type: 'boolean', default: false }, 'user-pool-id': { type: 'string' }, table: { type: 'string' }, 'audit-key': { type: 'string' },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

/** The functions' settings for this process, set before the adapters read them (env() is read once). */
async function target(): Promise<{ accounts: () => Promise<AdminAccounts>; where: string }> {
  if (values.local) {
    const dataDir = resolve(values['data-dir'] ?? '.data')
    const [{ LOCAL_TABLE_NAME }, { LOCAL_TABLES }, { LOCAL_S3_CREDENTIALS }, { auditKeyFile }] = await Promise.all([
      import('../local/platform.js'), import('../../shared/table/definition.js'), import('../local/s3.js'), import('../local/audit-key.js'),
    ])
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: values['dynamo-endpoint'] ?? 'http://127.0.0.1:8000', AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
      TABLE_NAME: values.table ?? LOCAL_TABLE_NAME, IDENTITY: 'local', LOCAL_IDENTITY_TABLE: LOCAL_TABLES.identity,
      LOCAL_IDENTITY_KEY_FILE: join(dataDir, 'identity', 'signing-key.jwk.json'), AUDIT_MAC: 'local', AUDIT_KEY_FILE: auditKeyFile(dataDir),
    })
    return {
      where: `embedded runtime (${dataDir})`,
      accounts: async () => {
        const [{ portAdminAccounts }, { localIdentity }] = await Promise.all([import('./first-admin.js'), import('../../functions/lib/adapters/identity-local.js')])
        return portAdminAccounts(localIdentity())
      },
    }
  }
  if (!values.env) fail('Thiếu --env <dev|staging|prod> (hoặc --local) / --env is required (or --local)')
  const config = loadConfig(values.env)
  const wanted = ['UserPoolId', 'TableName', 'AuditKeyArn'].filter((k) => !({ UserPoolId: values['user-pool-id'], TableName: values.table, AuditKeyArn: values['audit-key'] } as Record<string, string | undefined>)[k])
  const outputs = wanted.length > 0 ? await stackOutputs(new CloudFormationClient({ region: config.region }), stackName(config.envName, 'stateful'), wanted) : {}
  const userPoolId = values['user-pool-id'] ?? outputs.UserPoolId!
  Object.assign(process.env, {
    AWS_REGION: config.region, TABLE_NAME: values.table ?? outputs.TableName, AUDIT_MAC: 'kms', AUDIT_KMS_KEY_ID: values['audit-key'] ?? outputs.AuditKeyArn,
  })
  return {
    where: `${config.envName} (${config.region}, user pool ${userPoolId})`,
    accounts: async () => {
      const { cognitoAdminAccounts } = await import('./first-admin.js')
      return cognitoAdminAccounts(new CognitoIdentityProviderClient({ region: config.region }), userPoolId)
    },
  }
}

function report(r: FirstAdminResult, username: string, where: string): void {
  console.log(`Môi trường / environment: ${where}`)
  console.log(r.unit.created
    ? `Đã tạo đơn vị gốc / root unit created: ${r.unit.name} (${r.unit.unitId})`
    : `Đơn vị / unit: ${r.unit.name} (${r.unit.unitId})`)
  console.log(r.account.status === 'created'
    ? `Đã tạo tài khoản / account created: ${username}`
    : `Tài khoản đã có, giữ nguyên mật khẩu / the account already exists, its password is unchanged: ${username}`)
  console.log(r.user.created
    ? `Đã tạo người dùng, quản trị hệ thống của ${r.unit.name} / user created, administrator of ${r.unit.name}`
    : `Người dùng đã có / the user already exists (${r.user.roles.join(', ')}); không thay đổi gì / nothing changed`)
  if (r.account.status === 'created') {
    console.log(r.account.temporaryPassword
      ? `Mật khẩu tạm (chỉ in một lần; đổi ở lần đăng nhập đầu) / temporary password (printed once; changed at the first sign-in): ${r.account.temporaryPassword}`
      : 'Cognito đã gửi mật khẩu tạm qua thư / Cognito mailed the temporary password')
    console.log('Lần đăng nhập đầu: đổi mật khẩu, rồi cài ứng dụng xác thực (mã QR) / first sign-in: a new password, then an authenticator app (QR code)')
  }
}

try {
  if (!values.username || !values.email || !values['full-name']) fail('Cần / required: --username, --email, --full-name (xem / see infra/operators/admin-create.ts)')
  const t = await target()
  const { createFirstAdmin } = await import('./first-admin.js')
  const result = await createFirstAdmin(await t.accounts(), {
    username: values.username, email: values.email, fullName: values['full-name'],
    unitId: values['unit-id'], unitName: values['unit-name'], unitCode: values['unit-code'],
    level: values.level, kind: values.kind as never, clearance: values.clearance as never, printPassword: values['print-password'],
  })
  report(result, values.username, t.where)
} catch (err) {
  if (err instanceof OperatorError) fail(err.message)
  throw err
}
