/**
 * The assertions every environment must pass. Each `<env>.test.ts` runs
 * this suite against its own synthesised app (one synth per file, shared by
 * all its tests), plus what is specific to that environment.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../infra/build/bundle.js'
import { MODULES } from '../../infra/definitions/modules.js'
import { ROUTES, routeKey } from '../../infra/definitions/routes.js'
import { SCHEDULES } from '../../infra/definitions/schedules.js'
import { WORKFLOWS } from '../../infra/definitions/workflows.js'
import { aslPlaceholders } from '../../infra/stacks/workflow-stack.js'
import { auditCheckpointsBucketNameOf, uploadsBucketNameOf } from '../../infra/stacks/stateful-stack.js'
import { awsCspOrigins, contentSecurityPolicy, FRAME_OPTIONS, REFERRER_POLICY } from '../../infra/definitions/security-headers.js'
import { TABLE } from '../../shared/table/definition.js'
import {
  acknowledgements, allowedActions, annotationsOf, asArray, cleanup, findFunction, nagFindings, resourcesOf, roleStatements, synthesize,
  type StackKey, type SynthesizedEnv,
} from './synth.js'

/** Managed policy ids CloudFront documents for these two behaviours. */
export const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad'
export const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac'

/** Synthesises `envName` before the file's tests and returns a getter for it. */
export function useEnvironment(envName: string): () => SynthesizedEnv {
  let env: SynthesizedEnv | undefined
  // Synthesis bundles every function: minutes on a busy 2-core machine.
  // Synthesis blocks the worker for a long while: first let vitest's pending messages be answered (a reply left
  // unread through a block longer than its 60 s RPC timeout is reported as "Timeout calling onTaskUpdate").
  beforeAll(async () => { await new Promise((r) => setTimeout(r, 1000)); env = synthesize(envName) }, 600_000)
  afterAll(() => cleanup(envName))
  return () => {
    if (!env) throw new Error('the app is not synthesised yet')
    return env
  }
}

/** A template string value: a literal, or an Fn::Join of literals and pseudo-parameter references. */
const joined = (value: unknown): string => {
  if (typeof value === 'string') return value
  const [sep, parts] = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join']
  return parts.map((p) => {
    if (typeof p === 'string') return p
    const o = p as { Ref?: string, 'Fn::ImportValue'?: string }
    return o['Fn::ImportValue'] !== undefined ? `\${import:${o['Fn::ImportValue']}}` : `\${${o.Ref}}`
  }).join(sep)
}

const single = (template: Template, type: string) => {
  const all = Object.entries(resourcesOf(template, type))
  expect(all, `exactly one ${type}`).toHaveLength(1)
  return { logicalId: all[0][0], resource: all[0][1] }
}

/** The HTTP API's or the WebSocket API's resources of a type (routes, stages, integrations), by the API they belong to. */
const ofApi = (template: Template, protocol: 'HTTP' | 'WEBSOCKET', type: string) => {
  const api = Object.entries(resourcesOf(template, 'AWS::ApiGatewayV2::Api')).find(([, r]) => r.Properties!.ProtocolType === protocol)![0]
  return Object.fromEntries(Object.entries(resourcesOf(template, type)).filter(([, r]) => r.Properties!.ApiId?.Ref === api))
}

/** The one stage of an API, checked for access logs (with `fields` in each line) and the configured throttling; its properties. */
const loggedThrottledStage = (e: SynthesizedEnv, protocol: 'HTTP' | 'WEBSOCKET', fields: Record<string, string>) => {
  const stages = Object.values(ofApi(e.templates.api, protocol, 'AWS::ApiGatewayV2::Stage'))
  expect(stages).toHaveLength(1)
  const stage = stages[0].Properties!
  expect(stage.AccessLogSettings.DestinationArn).toBeDefined()
  expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject(fields)
  expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: e.built.config.api.throttleRateLimit, ThrottlingBurstLimit: e.built.config.api.throttleBurstLimit })
  return stage
}

export function describeEnvironment(envName: string, env: () => SynthesizedEnv): void {
  describe(`${envName}: stacks`, () => {
    it('prefixes every stack with the environment and keeps the WAF in us-east-1', () => {
      const { stacks } = env().built
      expect(Object.values(stacks).map((s) => s.stackName).sort()).toEqual(
        ['api', 'ops', 'stateful', 'waf', 'web', 'workflow'].map((k) => `do-${envName}-${k}`),
      )
      expect(stacks.waf.region).toBe('us-east-1')
      for (const key of ['stateful', 'workflow', 'api', 'ops', 'web'] as const) expect(stacks[key].region).toBe('ap-southeast-1')
    })

    it('has no unacknowledged cdk-nag AwsSolutions error or warning in any stack', () => {
      for (const stack of Object.values(env().built.stacks)) {
        const findings = nagFindings(stack).map((v) => `${v.severity} ${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)
        expect(findings, stack.stackName).toEqual([])
      }
    })

    it('acknowledges cdk-nag rules only on resources inside a stack, each with a specific reason', () => {
      // CDK itself acknowledges some CloudFormation-Validate findings; ours are the AwsSolutions ones.
      const acks = Object.values(env().built.stacks)
        .flatMap((stack) => acknowledgements(stack).map((a) => ({ ...a, stack })))
        .filter((a) => a.id.startsWith('AwsSolutions-'))
      expect(acks.length).toBeGreaterThan(0)
      for (const ack of acks) {
        expect(ack.id, ack.path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/)
        expect(ack.id, `${ack.path}: IAM5 is acknowledged per finding only`).not.toBe('AwsSolutions-IAM5')
        expect(ack.path, `${ack.id} is not stack-wide`).not.toBe(ack.stack.node.path)
        expect(ack.reason.length, `${ack.id} @ ${ack.path} has a reason`).toBeGreaterThan(40)
      }
      expect(acknowledgements(env().built.app).filter((a) => a.path === '' && a.id.startsWith('AwsSolutions-'))).toEqual([])
    })

    it('has no CDK error or warning annotation in any stack', () => {
      for (const stack of Object.values(env().built.stacks)) {
        expect(annotationsOf(env(), stack, 'error'), stack.stackName).toEqual([])
        expect(annotationsOf(env(), stack, 'warning'), stack.stackName).toEqual([])
      }
    })
  })

  describe(`${envName}: data`, () => {
    it('creates the single table from TABLE: keys, every GSI with ALL projection, TTL', () => {
      const { resource } = single(env().templates.stateful, 'AWS::DynamoDB::Table')
      const p = resource.Properties!
      expect(p.KeySchema).toEqual([
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ])
      const expected = Object.values(TABLE.indexes).map((index) => ({
        IndexName: index.name,
        KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }, { AttributeName: index.sortKey, KeyType: 'RANGE' }],
        Projection: { ProjectionType: 'ALL' },
      }))
      expect(p.GlobalSecondaryIndexes).toEqual(expected)
      expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE.ttlAttribute, Enabled: true })
    })

    it('streams new and old images, encrypts with the customer-managed key and keeps point-in-time recovery', () => {
      const { templates } = env()
      const { resource } = single(templates.stateful, 'AWS::DynamoDB::Table')
      const p = resource.Properties!
      expect(p.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' })
      expect(p.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' })
      const keyId = p.SSESpecification.KMSMasterKeyId['Fn::GetAtt'][0]
      expect(resourcesOf(templates.stateful, 'AWS::KMS::Key')[keyId].Properties).toMatchObject({ EnableKeyRotation: true })
      expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true })
    })

    it('anchors audit checkpoints in an Object Lock bucket in the environment\'s mode and retention; only the job writes it, nobody deletes', () => {
      const { templates, built } = env()
      const name = auditCheckpointsBucketNameOf({ ...built.config, account: '${AWS::AccountId}' })
      const buckets = Object.values(resourcesOf(templates.stateful, 'AWS::S3::Bucket')).filter((b) => b.Properties?.ObjectLockEnabled)
      expect(buckets).toHaveLength(1)
      expect(joined(buckets[0].Properties!.BucketName)).toBe(name)
      const p = buckets[0].Properties!
      expect(p.ObjectLockEnabled).toBe(true)
      expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' })
      const { mode, retentionDays } = built.config.auditCheckpoints
      expect(p.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: mode, Days: retentionDays } } })
      if (envName === 'prod') expect(mode).toBe('COMPLIANCE')
      expect(buckets[0].DeletionPolicy).toBe('RetainExceptOnCreate')
      const actionsOf = (id: string) => {
        const fn = findFunction(env(), id)
        return { fn, actions: allowedActions(roleStatements(fn.template, fn.resource.Properties?.Role['Fn::GetAtt'][0])) }
      }
      const ops = actionsOf('ops')
      expect(ops.actions).toEqual(expect.arrayContaining(['s3:PutObject', 's3:GetBucketObjectLockConfiguration']))
      expect(ops.fn.resource.Properties?.Environment?.Variables).toMatchObject({ AUDIT_CHECKPOINT_LOCK_MODE: mode, AUDIT_CHECKPOINT_RETENTION_DAYS: String(retentionDays) })
      const org = actionsOf('org')
      expect(org.fn.resource.Properties?.Environment?.Variables?.AUDIT_CHECKPOINT_BUCKET).toBeDefined()
      // Nobody may shorten a retention, bypass governance or delete a version of a checkpoint.
      for (const m of MODULES) {
        const { fn } = actionsOf(m.id)
        const onCheckpoints = roleStatements(fn.template, fn.resource.Properties?.Role['Fn::GetAtt'][0]).filter((st) => JSON.stringify(st.Resource).includes('audit-checkpoints'))
        expect(onCheckpoints.flatMap((st) => asArray<string>(st.Action)).filter((a) => /Delete|Retention|Bypass|LegalHold/.test(a)), m.id).toEqual([])
        if (m.id !== 'ops') expect(onCheckpoints.flatMap((st) => asArray<string>(st.Action)), m.id).not.toContain('s3:PutObject')
      }
    })

    it('creates no signing key itself: keys are per organisation and signer, provisioned by the operators\' tool', () => {
      for (const template of Object.values(env().templates)) {
        for (const key of Object.values(resourcesOf(template, 'AWS::KMS::Key'))) expect(key.Properties!.KeyUsage ?? 'ENCRYPT_DECRYPT').not.toBe('SIGN_VERIFY')
      }
    })

    it('keys the audit chain with one HMAC key that only writers of the table may use, for GenerateMac alone', () => {
      const macKeys = Object.values(resourcesOf(env().templates.stateful, 'AWS::KMS::Key')).filter((k) => k.Properties!.KeyUsage === 'GENERATE_VERIFY_MAC')
      expect(macKeys).toHaveLength(1)
      expect(macKeys[0].Properties!.KeySpec).toBe('HMAC_256')
    })

    it('blocks public access and enforces TLS on every bucket of every stack', () => {
      let buckets = 0
      for (const template of Object.values(env().templates)) {
        const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'))
        for (const [logicalId, bucket] of Object.entries(resourcesOf(template, 'AWS::S3::Bucket'))) {
          buckets++
          expect(bucket.Properties!.PublicAccessBlockConfiguration, logicalId).toEqual({
            BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
          })
          const policy = policies.find((p) => JSON.stringify(p.Properties!.Bucket) === JSON.stringify({ Ref: logicalId }))
          expect(policy, `${logicalId} has a bucket policy`).toBeDefined()
          const denyInsecure = (policy!.Properties!.PolicyDocument.Statement as Record<string, any>[]).find(
            (s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
          )
          expect(denyInsecure, `${logicalId} denies plain HTTP`).toBeDefined()
        }
      }
      expect(buckets).toBeGreaterThanOrEqual(4)
    })

    it('lets the SPA PUT presigned uploads (CORS) into a KMS-encrypted, versioned uploads bucket', () => {
      const uploads = Object.values(resourcesOf(env().templates.stateful, 'AWS::S3::Bucket')).find((b) => b.Properties!.CorsConfiguration)
      expect(uploads).toBeDefined()
      const p = uploads!.Properties!
      expect(p.CorsConfiguration.CorsRules[0].AllowedMethods).toContain('PUT')
      expect(p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms')
      expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' })
      expect(p.LoggingConfiguration).toBeDefined()
      // Uploads nobody used expire, and a deleted (refused, classified) upload keeps no old version past a day.
      const rules = p.LifecycleConfiguration.Rules as { Prefix?: string; ExpirationInDays?: number; NoncurrentVersionExpiration?: { NoncurrentDays: number } }[]
      for (const prefix of ['documents/uploads/', 'archives/uploads/']) {
        const rule = rules.find((r) => r.Prefix === prefix)
        expect(rule?.ExpirationInDays, prefix).toBeGreaterThan(0)
        expect(rule?.NoncurrentVersionExpiration?.NoncurrentDays, prefix).toBe(1)
      }
    })

    it('runs the read model on Aurora PostgreSQL Serverless v2 with the Data API, encrypted, IAM auth, rotated secret', () => {
      const { templates, built } = env()
      const { resource } = single(templates.stateful, 'AWS::RDS::DBCluster')
      expect(resource.Properties).toMatchObject({
        Engine: 'aurora-postgresql',
        EnableHttpEndpoint: true,
        StorageEncrypted: true,
        EnableIAMDatabaseAuthentication: true,
        ServerlessV2ScalingConfiguration: { MinCapacity: built.config.database.minAcu, MaxCapacity: built.config.database.maxAcu },
        BackupRetentionPeriod: built.config.database.backupRetentionDays,
      })
      expect(JSON.stringify(resource.Properties!.MasterUserPassword)).toContain('{{resolve:secretsmanager:')
      templates.stateful.resourceCountIs('AWS::SecretsManager::RotationSchedule', 1)
      for (const instance of Object.values(resourcesOf(templates.stateful, 'AWS::RDS::DBInstance'))) {
        expect(instance.Properties!.DBInstanceClass).toBe('db.serverless')
      }
    })

    it('puts the database in isolated subnets: no internet gateway, no NAT', () => {
      const { templates } = env()
      templates.stateful.resourceCountIs('AWS::EC2::InternetGateway', 0)
      templates.stateful.resourceCountIs('AWS::EC2::NatGateway', 0)
      for (const subnet of Object.values(resourcesOf(templates.stateful, 'AWS::EC2::Subnet'))) {
        expect(subnet.Properties!.MapPublicIpOnLaunch).toBe(false)
      }
    })

    it('has a user pool without self sign-up, a strong password policy, TOTP, and a public SPA client', () => {
      const { templates } = env()
      const pool = single(templates.stateful, 'AWS::Cognito::UserPool').resource.Properties!
      expect(pool.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true })
      // the invitation (the operator's admin:create and the users page) reads in Vietnamese, then English
      expect(pool.AdminCreateUserConfig.InviteMessageTemplate.EmailMessage).toMatch(/\{username\}[\s\S]*\{####\}/)
      expect(pool.Policies.PasswordPolicy).toMatchObject({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true })
      expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA'])
      const client = single(templates.stateful, 'AWS::Cognito::UserPoolClient').resource.Properties!
      expect(client.GenerateSecret).toBe(false)
      expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']))
    })
  })

  describe(`${envName}: functions`, () => {
    it('creates one Node.js 22 ARM64 function (x86_64 with a native layer) with active tracing per module', () => {
      const e = env()
      const ours = Object.values(e.templates).flatMap((t) => Object.values(resourcesOf(t, 'AWS::Lambda::Function')))
        .filter((f) => String(f.Properties!.FunctionName ?? '').startsWith(`do-${envName}-`))
      expect(ours.map((f) => f.Properties!.FunctionName).sort()).toEqual(MODULES.map((m) => `do-${envName}-${m.id}`).sort())
      for (const module of MODULES) {
        const p = findFunction(e, module.id).resource.Properties!
        const arch = 'layer' in module && module.layer ? 'x86_64' : 'arm64'
        expect(p).toMatchObject({ Runtime: 'nodejs22.x', Architectures: [arch], Handler: 'index.handler', TracingConfig: { Mode: 'Active' } })
        expect(p.Environment.Variables).toMatchObject({ APP_ENV: envName, NODE_OPTIONS: '--enable-source-maps', READ_MODEL: 'data-api', IDENTITY: 'cognito', MAIL: 'ses' })
        expect(p.LoggingConfig).toMatchObject({ LogFormat: 'JSON' })
      }
    })

    it('places each function by trigger: http, websocket and deploy in the API stack, tasks with the workflows, stream, schedule and mail in ops', () => {
      const where: Record<string, StackKey> = { http: 'api', websocket: 'api', 'workflow-task': 'workflow', stream: 'ops', schedule: 'ops', mail: 'ops', deploy: 'api' }
      for (const module of MODULES) expect(findFunction(env(), module.id).stack, module.id).toBe(where[module.trigger])
    })

    it('gives each function the variables of its access, and only those', () => {
      const e = env()
      for (const module of MODULES) {
        const vars = Object.keys(findFunction(e, module.id).resource.Properties!.Environment.Variables)
        const a = module.access as (typeof MODULES)[number]['access'] & Record<string, unknown>
        expect(vars.includes('TABLE_NAME'), `${module.id} TABLE_NAME`).toBe(!!a.table)
        expect(vars.includes('UPLOADS_BUCKET'), `${module.id} UPLOADS_BUCKET`).toBe(!!a.uploads)
        expect(['DB_CLUSTER_ARN', 'DB_SECRET_ARN', 'DB_NAME'].every((v) => vars.includes(v)), `${module.id} DB_*`).toBe(!!a.readModel)
        expect(['USER_POOL_ID', 'USER_POOL_CLIENT_ID'].every((v) => vars.includes(v)), `${module.id} USER_POOL_*`).toBe(!!a.identity)
        expect(vars.includes('MAIL_FROM'), `${module.id} MAIL_FROM`).toBe(!!a.mail)
        expect(vars.includes('SES_CONFIGURATION_SET'), `${module.id} SES_CONFIGURATION_SET`).toBe(!!a.mail)
        expect(vars.includes('AUDIT_KMS_KEY_ID'), `${module.id} AUDIT_KMS_KEY_ID`).toBe(a.table === 'readwrite')
        expect(['PORTAL_URL', 'PORTAL_SHARED_SECRET'].every((v) => vars.includes(v)), `${module.id} PORTAL_*`).toBe(!!a.portal)
        for (const workflow of WORKFLOWS) {
          expect(vars.includes(workflow.arnEnvVar), `${module.id} ${workflow.arnEnvVar}`).toBe(((a.workflows ?? []) as readonly string[]).includes(workflow.id))
        }
      }
    })

    it('grants table writes only to modules with readwrite access, and index reads by exact index ARN', () => {
      const e = env()
      for (const module of MODULES) {
        const fn = findFunction(e, module.id)
        const statements = roleStatements(fn.template, fn.resource.Properties!.Role['Fn::GetAtt'][0])
        const actions = allowedActions(statements)
        const table = (module.access as { table?: string }).table
        expect(actions.includes('dynamodb:PutItem'), module.id).toBe(table === 'readwrite')
        // Writing the table means writing audit entries: a MAC with the audit key, and no other use of it.
        expect(actions.includes('kms:GenerateMac'), `${module.id} kms:GenerateMac`).toBe(table === 'readwrite')
        expect(actions.includes('kms:VerifyMac') || actions.includes('kms:*'), module.id).toBe(false)
        expect(actions.includes('dynamodb:Query'), module.id).toBe(!!table)
        // Request paths use keys and indexes; jobs use the read model: nobody may scan the table.
        expect(actions.some((a) => a === 'dynamodb:Scan' || a === 'dynamodb:*'), module.id).toBe(false)
        const resources = JSON.stringify(statements.flatMap((s) => asArray(s.Resource)))
        expect(resources).not.toContain('/index/*')
        if (table) for (const index of Object.values(TABLE.indexes)) expect(resources).toContain(`/index/${index.name}`)
      }
    })

    it('gives a module without table access no table action at all (only stream reads for the projector)', () => {
      const e = env()
      for (const module of MODULES.filter((m) => !(m.access as { table?: string }).table)) {
        const fn = findFunction(e, module.id)
        const statements = roleStatements(fn.template, fn.resource.Properties!.Role['Fn::GetAtt'][0])
        const dynamo = statements.filter((s) => allowedActions([s]).some((a) => a.startsWith('dynamodb:')))
        const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams']
        for (const s of dynamo) {
          for (const action of asArray<string>(s.Action)) expect(streamActions, `${module.id}: ${action}`).toContain(action)
          const onStream = JSON.stringify(s.Resource).includes('StreamArn') || s.Resource === '*'
          expect(onStream, `${module.id}: ${JSON.stringify(s.Resource)}`).toBe(true)
        }
        if (module.trigger !== 'stream') expect(dynamo).toEqual([])
      }
    })

    it('lets only signing modules sign, with kms:Sign limited to this environment\'s signing aliases, and tells them where the chains are', () => {
      const e = env()
      for (const module of MODULES) {
        const fn = findFunction(e, module.id)
        const statements = roleStatements(fn.template, fn.resource.Properties!.Role['Fn::GetAtt'][0])
        const signs = statements.filter((s) => allowedActions([s]).includes('kms:Sign'))
        const vars = fn.resource.Properties!.Environment.Variables
        if (!(module.access as { signing?: boolean }).signing) {
          expect(signs, module.id).toEqual([])
          expect(vars.SIGNING, module.id).toBeUndefined()
          continue
        }
        expect(signs).toHaveLength(1)
        expect(signs[0].Condition).toEqual({ StringLike: { 'kms:RequestAlias': [`alias/do-${envName}-org-*`, `alias/do-${envName}-person-*`] } })
        expect(vars).toMatchObject({ SIGNING: 'kms', SIGNING_KEY_ALIAS_PREFIX: `do-${envName}`, SIGNING_FONT_DIR: '/var/task/fonts' })
        const certReads = statements.filter((s) => allowedActions([s]).includes('s3:GetObject') && JSON.stringify(s.Resource).includes('/certs/*'))
        expect(certReads, module.id).toHaveLength(1)
      }
    })

    it('attaches no AWS managed policy to any function role', () => {
      const e = env()
      for (const module of MODULES) {
        const fn = findFunction(e, module.id)
        const role = resourcesOf(fn.template, 'AWS::IAM::Role')[fn.resource.Properties!.Role['Fn::GetAtt'][0]]
        expect(role.Properties!.ManagedPolicyArns, module.id).toBeUndefined()
      }
    })
  })

  describe(`${envName}: API`, () => {
    it('creates every route of routes.ts with its authorization type, and no other', () => {
      const { templates } = env()
      const routes = Object.values(ofApi(templates.api, 'HTTP', 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties!)
      expect(routes.map((r) => r.RouteKey).sort()).toEqual(ROUTES.map(routeKey).sort())
      for (const route of ROUTES) {
        const synthesized = routes.find((r) => r.RouteKey === routeKey(route))!
        expect(synthesized.AuthorizationType, routeKey(route)).toBe(route.auth === 'jwt' ? 'JWT' : 'NONE')
        expect(!!synthesized.AuthorizerId, routeKey(route)).toBe(route.auth === 'jwt')
      }
    })

    it('validates JWTs issued by the user pool for the SPA client', () => {
      const { resource } = single(env().templates.api, 'AWS::ApiGatewayV2::Authorizer')
      const p = resource.Properties!
      expect(p.AuthorizerType).toBe('JWT')
      expect(JSON.stringify(p.JwtConfiguration.Issuer)).toContain('https://cognito-idp.ap-southeast-1.amazonaws.com/')
      expect(JSON.stringify(p.JwtConfiguration.Issuer)).toContain('UserPool')
      expect(JSON.stringify(p.JwtConfiguration.Audience)).toContain('UserPoolSpaClient')
    })

    it('integrates each route with the function of its module', () => {
      const { templates } = env()
      const integrations = resourcesOf(templates.api, 'AWS::ApiGatewayV2::Integration')
      for (const route of Object.values(ofApi(templates.api, 'HTTP', 'AWS::ApiGatewayV2::Route'))) {
        const target = route.Properties!.Target['Fn::Join'][1][1].Ref as string
        const uri = JSON.stringify(integrations[target].Properties!.IntegrationUri)
        const moduleId = ROUTES.find((r) => routeKey(r) === route.Properties!.RouteKey)!.module
        expect(uri).toContain(findFunction(env(), moduleId).logicalId)
      }
    })

    it('logs access and throttles the default stage from the config', () => {
      const stage = loggedThrottledStage(env(), 'HTTP', { requestId: '$context.requestId', status: '$context.status' })
      expect(stage.StageName).toBe('$default')
    })
  })

  describe(`${envName}: live updates (WebSocket API)`, () => {
    const socketModule = MODULES.find((m) => m.trigger === 'websocket')!

    it('routes $connect, $disconnect and subscribe (by the body\'s action) to the meetings-live function, and nothing else', () => {
      const { templates } = env()
      const api = Object.values(resourcesOf(templates.api, 'AWS::ApiGatewayV2::Api')).find((r) => r.Properties!.ProtocolType === 'WEBSOCKET')!
      expect(api.Properties!.RouteSelectionExpression).toBe('$request.body.action')
      const routes = Object.values(ofApi(templates.api, 'WEBSOCKET', 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties!)
      expect(routes.map((r) => r.RouteKey).sort()).toEqual(['$connect', '$disconnect', 'subscribe'])
      const integrations = ofApi(templates.api, 'WEBSOCKET', 'AWS::ApiGatewayV2::Integration')
      for (const route of routes) {
        const target = route.Target['Fn::Join'][1][1].Ref as string
        expect(JSON.stringify(integrations[target].Properties!.IntegrationUri), route.RouteKey).toContain(findFunction(env(), socketModule.id).logicalId)
      }
    })

    it('logs access and throttles its stage, named as the embedded gateway\'s path', () => {
      const stage = loggedThrottledStage(env(), 'WEBSOCKET', { connectionId: '$context.connectionId', routeKey: '$context.routeKey', status: '$context.status' })
      expect(stage.StageName).toBe('ws')
      expect(stage.AccessLogSettings.Format).not.toContain('querystring')
    })

    it('grants execute-api:ManageConnections only to the functions that post, on this stage\'s connections only, and tells them the callback URL', () => {
      const e = env()
      for (const module of MODULES) {
        const fn = findFunction(e, module.id)
        const statements = roleStatements(fn.template, fn.resource.Properties!.Role['Fn::GetAtt'][0])
        const posting = statements.filter((s) => allowedActions([s]).some((a) => a.startsWith('execute-api:')))
        const vars = fn.resource.Properties!.Environment.Variables
        if (!(module.access as { live?: boolean }).live) {
          expect(posting, module.id).toEqual([])
          expect(vars.LIVE_CALLBACK_URL, module.id).toBeUndefined()
          continue
        }
        expect(posting.map((s) => s.Action), module.id).toEqual(['execute-api:ManageConnections'])
        // the API stack's own functions name the API; the ops stack's stream broadcast imports its id by name
        expect(joined(posting[0].Resource)).toMatch(new RegExp(`:execute-api:ap-southeast-1:\\$\\{AWS::AccountId\\}:\\$\\{(Live\\w+|import:do-${envName}-live-api-id)\\}/ws/POST/@connections/\\*$`))
        expect(vars.LIVE, module.id).toBe('apigateway')
        expect(JSON.stringify(vars.LIVE_CALLBACK_URL), module.id).toContain('/ws')
      }
      expect(MODULES.filter((m) => (m.access as { live?: boolean }).live).map((m) => m.id).sort()).toEqual(['meetings-live', 'meetings-stream'])
    })

    it('verifies tokens in the $connect function against the user pool and outputs the WebSocket URL', () => {
      const e = env()
      const vars = findFunction(e, socketModule.id).resource.Properties!.Environment.Variables
      expect(JSON.stringify(vars.JWT_ISSUER)).toContain('https://cognito-idp.ap-southeast-1.amazonaws.com/')
      expect(JSON.stringify(vars.JWT_AUDIENCE)).toContain('UserPoolSpaClient')
      const outputs = e.templates.api.toJSON().Outputs as Record<string, { Value: unknown }>
      const url = Object.entries(outputs).find(([k]) => k.startsWith('LiveUrl'))![1]
      expect(JSON.stringify(url.Value)).toMatch(/wss:\/\/.*execute-api.*\/ws/)
    })
  })

  describe(`${envName}: workflows`, () => {
    const machineOf = (e: SynthesizedEnv, workflowId: string) => Object.values(resourcesOf(e.templates.workflow, 'AWS::StepFunctions::StateMachine'))
      .find((m) => m.Properties!.StateMachineName === `do-${envName}-${workflowId}`)!

    it('creates one state machine per workflow and substitutes every ASL placeholder with its task function ARN', () => {
      const e = env()
      expect(Object.keys(resourcesOf(e.templates.workflow, 'AWS::StepFunctions::StateMachine'))).toHaveLength(WORKFLOWS.length)
      for (const workflow of WORKFLOWS) {
        const placeholders = aslPlaceholders(readFileSync(join(REPO_ROOT, workflow.file), 'utf8'))
        const substitutions = workflow.functionSubstitutions as Readonly<Record<string, string>>
        expect(placeholders.sort()).toEqual(Object.keys(substitutions).sort())
        const machine = machineOf(e, workflow.id)
        expect(machine.Properties!.DefinitionSubstitutions).toEqual(
          Object.fromEntries(placeholders.map((p) => {
            const fn = findFunction(e, substitutions[p])
            expect(fn.stack).toBe('workflow')
            return [p, { 'Fn::GetAtt': [fn.logicalId, 'Arn'] }]
          })),
        )
        expect(machine.Properties!.DefinitionS3Location).toBeDefined()
      }
    })

    it('lets each state machine role invoke only the task functions its definition names', () => {
      const e = env()
      for (const workflow of WORKFLOWS) {
        const machine = machineOf(e, workflow.id)
        const statements = roleStatements(e.templates.workflow, machine.Properties!.RoleArn['Fn::GetAtt'][0])
        const lambda = statements.filter((s) => allowedActions([s]).some((a) => a.startsWith('lambda:')))
        const fns = [...new Set(Object.values(workflow.functionSubstitutions as Readonly<Record<string, string>>))].map((id) => findFunction(e, id))
        expect(lambda).toEqual([{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: fns.length === 1 ? { 'Fn::GetAtt': [fns[0].logicalId, 'Arn'] } : fns.map((f) => ({ 'Fn::GetAtt': [f.logicalId, 'Arn'] })) }])
      }
    })

    it('logs ALL events and traces every state machine', () => {
      for (const workflow of WORKFLOWS) {
        const machine = machineOf(env(), workflow.id).Properties!
        expect(machine.LoggingConfiguration).toMatchObject({ Level: 'ALL' })
        expect(machine.TracingConfiguration).toEqual({ Enabled: true })
        expect(machine.StateMachineType).toBe('STANDARD')
      }
    })

    it('lets the modules that start a workflow start it and answer its task tokens', () => {
      const e = env()
      for (const module of MODULES.filter((m) => ((m.access as { workflows?: readonly string[] }).workflows ?? []).length > 0)) {
        const fn = findFunction(e, module.id)
        const actions = allowedActions(roleStatements(fn.template, fn.resource.Properties!.Role['Fn::GetAtt'][0]))
        expect(actions).toEqual(expect.arrayContaining(['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat']))
      }
    })
  })

  describe(`${envName}: operations`, () => {
    it('feeds the read model and the live broadcast from the table stream, reporting the failed record (no bisecting), with retries and an encrypted failure queue', () => {
      const e = env()
      const mappings = Object.values(resourcesOf(e.templates.ops, 'AWS::Lambda::EventSourceMapping')).map((m) => m.Properties!)
      const streamModules = MODULES.filter((m) => m.trigger === 'stream').map((m) => m.id).sort()
      expect(streamModules).toEqual(['meetings-stream', 'readmodel'])
      expect(mappings).toHaveLength(streamModules.length)
      const mappingOf = (moduleId: string) => {
        const fn = findFunction(e, moduleId)
        const found = mappings.filter((m) => JSON.stringify(m.FunctionName).includes(fn.logicalId))
        expect(found, moduleId).toHaveLength(1)
        return found[0]
      }
      for (const moduleId of streamModules) {
        const mapping = mappingOf(moduleId)
        expect(mapping, moduleId).toMatchObject({ BisectBatchOnFunctionError: false, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 5, StartingPosition: 'TRIM_HORIZON' })
        expect(JSON.stringify(mapping.EventSourceArn)).toContain('StreamArn')
        const queueId = mapping.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0]
        expect(resourcesOf(e.templates.ops, 'AWS::SQS::Queue')[queueId].Properties).toMatchObject({ SqsManagedSseEnabled: true })
      }
      // the projector sees every item; the broadcast only meetings and votes being written
      expect(mappingOf('readmodel').FilterCriteria).toBeUndefined()
      const filters = mappingOf('meetings-stream').FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))
      expect(filters).toEqual([{ eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { entity: { S: ['meeting', 'vote'] } } } }])
    })

    it('creates one EventBridge Scheduler schedule per schedules.ts entry, invoking only the ops function', () => {
      const e = env()
      const ops = findFunction(e, 'ops')
      const schedules = Object.values(resourcesOf(e.templates.ops, 'AWS::Scheduler::Schedule')).map((s) => s.Properties!)
      expect(schedules.map((s) => s.Name).sort()).toEqual(SCHEDULES.map((s) => `do-${envName}-${s.id}`).sort())
      for (const schedule of SCHEDULES) {
        const p = schedules.find((s) => s.Name === `do-${envName}-${schedule.id}`)!
        expect(p).toMatchObject({
          ScheduleExpression: `cron(${schedule.cron})`,
          ScheduleExpressionTimezone: schedule.timezone,
          FlexibleTimeWindow: { Mode: 'OFF' },
          Target: { Arn: { 'Fn::GetAtt': [ops.logicalId, 'Arn'] }, Input: JSON.stringify(schedule.input) },
        })
        expect(p.Target.DeadLetterConfig.Arn).toBeDefined()
        const statements = roleStatements(e.templates.ops, p.Target.RoleArn['Fn::GetAtt'][0])
        const invoke = statements.filter((s) => asArray(s.Action).includes('lambda:InvokeFunction'))
        expect(invoke.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [ops.logicalId, 'Arn'] }])
      }
    })

    it('alarms on every function, the workflows, API 5xx and table throttles, to an encrypted topic mailing the operators', () => {
      const { templates, built } = env()
      const alarms = Object.values(resourcesOf(templates.ops, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!.AlarmName as string)
      expect(alarms).toEqual(expect.arrayContaining([
        ...MODULES.map((m) => `do-${envName}-lambda-errors-${m.id}`),
        ...WORKFLOWS.map((w) => `do-${envName}-workflow-failures-${w.id}`),
        `do-${envName}-api-5xx`, `do-${envName}-table-throttles`,
      ]))
      // the alarm topic is the one alarms name (the other is SES's mail events); every topic is encrypted
      const topics = Object.entries(resourcesOf(templates.ops, 'AWS::SNS::Topic'))
      for (const [, t] of topics) expect(t.Properties!.KmsMasterKeyId).toBeDefined()
      const alarmTopics = topics.filter(([id]) => id.startsWith('Alarms'))
      expect(alarmTopics, 'exactly one alarm topic').toHaveLength(1)
      const topic = { logicalId: alarmTopics[0]![0], resource: alarmTopics[0]![1] }
      expect(topic.resource.Properties!.KmsMasterKeyId).toBeDefined()
      templates.ops.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: built.config.alarmEmail })
      for (const alarm of Object.values(resourcesOf(templates.ops, 'AWS::CloudWatch::Alarm'))) {
        expect(alarm.Properties!.AlarmActions).toEqual([{ Ref: topic.logicalId }])
      }
    })
  })

  describe(`${envName}: web`, () => {
    it('serves the SPA through CloudFront with OAC, security headers, logs, the WAF, and /api/* uncached to the HTTP API', () => {
      const { templates } = env()
      const config = single(templates.web, 'AWS::CloudFront::Distribution').resource.Properties!.DistributionConfig
      expect(config.DefaultRootObject).toBe('index.html')
      expect(config.WebACLId).toBeDefined()
      expect(config.Logging).toBeDefined()
      const s3Origin = config.Origins.find((o: Record<string, unknown>) => o.S3OriginConfig)
      expect(s3Origin.OriginAccessControlId).toBeDefined()
      expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined()
      expect(config.DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe('viewer-request')
      const api = config.CacheBehaviors.find((b: Record<string, unknown>) => b.PathPattern === '/api/*')
      expect(api).toMatchObject({ CachePolicyId: CACHING_DISABLED, OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER, ViewerProtocolPolicy: 'https-only' })
      const apiOrigin = config.Origins.find((o: Record<string, unknown>) => o.Id === api.TargetOriginId)
      expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] })
      expect(JSON.stringify(apiOrigin.DomainName)).toContain('execute-api')
    })

    it('sends the SPA the Content-Security-Policy of infra/definitions/security-headers.ts, the one the embedded gateway sends', () => {
      const { templates, built } = env()
      const policy = single(templates.web, 'AWS::CloudFront::ResponseHeadersPolicy').resource.Properties!.ResponseHeadersPolicyConfig
      const headers = policy.SecurityHeadersConfig
      // The bucket name holds the account id: a token in the template (an Fn::Join), written out here as `${AWS::AccountId}`.
      const account = built.config.account ?? '${AWS::AccountId}'
      const bucket = uploadsBucketNameOf({ ...built.config, account })
      expect(headers.ContentSecurityPolicy.Override).toBe(true)
      expect(joined(headers.ContentSecurityPolicy.ContentSecurityPolicy)).toBe(contentSecurityPolicy(awsCspOrigins(bucket, built.config.region)))
      expect(joined(headers.ContentSecurityPolicy.ContentSecurityPolicy)).toContain(`img-src 'self' data: blob: https://${bucket}.s3.${built.config.region}.amazonaws.com`)
      expect(headers.ContentTypeOptions).toEqual({ Override: true })
      expect(headers.FrameOptions.FrameOption).toBe(FRAME_OPTIONS)
      expect(headers.ReferrerPolicy.ReferrerPolicy).toBe(REFERRER_POLICY)
      const config = single(templates.web, 'AWS::CloudFront::Distribution').resource.Properties!.DistributionConfig
      const policyRef = { Ref: single(templates.web, 'AWS::CloudFront::ResponseHeadersPolicy').logicalId }
      expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(policyRef)
      for (const behaviour of config.CacheBehaviors) expect(behaviour.ResponseHeadersPolicyId, behaviour.PathPattern).toEqual(policyRef)
    })

    it('protects CloudFront with a us-east-1 web ACL: AWS managed rule groups and the configured rate limit', () => {
      const { templates, built } = env()
      const acl = single(templates.waf, 'AWS::WAFv2::WebACL').resource.Properties!
      expect(acl.Scope).toBe('CLOUDFRONT')
      const groups = acl.Rules.map((r: Record<string, any>) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean)
      expect(groups).toEqual(expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList']))
      const rate = acl.Rules.find((r: Record<string, any>) => r.Statement.RateBasedStatement)
      expect(rate).toMatchObject({ Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: built.config.waf.rateLimitPer5Minutes, AggregateKeyType: 'IP' } } })
    })
  })
}
