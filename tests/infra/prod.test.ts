import { describe, expect, it } from 'vitest'
import { describeEnvironment, useEnvironment } from './environment-suite.js'
import { acknowledgements, findFunction, resourcesOf } from './synth.js'
import { MODULES } from '../../infra/definitions/modules.js'
import { ROUTES } from '../../infra/definitions/routes.js'

const env = useEnvironment('prod')
describeEnvironment('prod', env)

describe('prod: data is never lost by a deployment', () => {
  it('retains the table, with point-in-time recovery and deletion protection', () => {
    const [table] = Object.values(resourcesOf(env().templates.stateful, 'AWS::DynamoDB::Table'))
    expect(table.DeletionPolicy).toBe('RetainExceptOnCreate')
    expect(table.UpdateReplacePolicy).toBe('Retain')
    expect(table.Properties).toMatchObject({
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    })
  })

  it('retains the database, deletion-protected, with 35 days of backups and a reader for fail-over', () => {
    const { templates } = env()
    const [cluster] = Object.values(resourcesOf(templates.stateful, 'AWS::RDS::DBCluster'))
    expect(cluster.DeletionPolicy).toBe('RetainExceptOnCreate')
    expect(cluster.Properties).toMatchObject({ DeletionProtection: true, BackupRetentionPeriod: 35 })
    templates.stateful.resourceCountIs('AWS::RDS::DBInstance', 2)
  })

  it('retains the buckets and the keys', () => {
    const { templates } = env()
    for (const type of ['AWS::S3::Bucket', 'AWS::KMS::Key']) {
      for (const [id, resource] of Object.entries(resourcesOf(templates.stateful, type))) expect(resource.DeletionPolicy, id).toBe('RetainExceptOnCreate')
    }
  })

  it('requires MFA, enforces threat protection and protects the user pool from deletion', () => {
    const [pool] = Object.values(resourcesOf(env().templates.stateful, 'AWS::Cognito::UserPool'))
    expect(pool.DeletionPolicy).toBe('RetainExceptOnCreate')
    expect(pool.Properties).toMatchObject({
      MfaConfiguration: 'ON', UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' }, DeletionProtection: 'ACTIVE',
    })
  })

  it('turns on termination protection for the stateful stack', () => {
    expect(env().built.stacks.stateful.terminationProtection).toBe(true)
  })

  it('carries none of the dev-only acknowledgements (optional MFA, Essentials plan, no RDS deletion protection)', () => {
    const ids = acknowledgements(env().built.app).map((a) => a.id)
    for (const devOnly of ['AwsSolutions-COG2', 'AwsSolutions-COG8', 'AwsSolutions-RDS10']) expect(ids).not.toContain(devOnly)
  })
})

describe('prod: the first deployment works (issue 13)', () => {
  const apiTemplate = () => env().templates.api
  const httpApiId = () => Object.entries(resourcesOf(apiTemplate(), 'AWS::ApiGatewayV2::Api')).find(([, r]) => r.Properties!.ProtocolType === 'HTTP')![0]

  it('gives each function one invoke permission for any route of the HTTP API, not one per route', () => {
    const apiId = httpApiId()
    const fromHttpApi = Object.values(resourcesOf(apiTemplate(), 'AWS::Lambda::Permission'))
      .filter((p) => p.Properties!.Principal === 'apigateway.amazonaws.com' && JSON.stringify(p.Properties!.SourceArn).includes(`"${apiId}"`))
    const perFunction = new Map<string, unknown[]>()
    for (const p of fromHttpApi) perFunction.set(JSON.stringify(p.Properties!.FunctionName), [...(perFunction.get(JSON.stringify(p.Properties!.FunctionName)) ?? []), p.Properties!.SourceArn])

    expect(perFunction.size).toBe(new Set(ROUTES.map((r) => r.module)).size)
    for (const arns of perFunction.values()) {
      expect(arns).toHaveLength(1)
      expect(JSON.stringify(arns[0])).toMatch(/\/\*\/\*\/\*"\]\]\}$/)
    }
  })

  it('lets CloudFront alone reach the functions: it adds the origin-verify secret, which every http function is given to check', () => {
    const secrets = Object.values(resourcesOf(apiTemplate(), 'AWS::SecretsManager::Secret'))
    const originVerify = secrets.find((s) => s.Properties!.Name === 'do-prod/edge/origin-verify')
    expect(originVerify?.Properties!.GenerateSecretString).toEqual(expect.objectContaining({ ExcludePunctuation: true, PasswordLength: 48 }))

    const distribution = Object.values(resourcesOf(env().templates.web, 'AWS::CloudFront::Distribution'))[0].Properties!.DistributionConfig
    const apiOrigin = distribution.Origins.find((o: any) => JSON.stringify(o.DomainName).includes('execute-api'))
    expect(apiOrigin.OriginCustomHeaders).toEqual([{ HeaderName: 'x-origin-verify', HeaderValue: '{{resolve:secretsmanager:do-prod/edge/origin-verify:SecretString:::}}' }])

    for (const module of MODULES.filter((m) => m.trigger === 'http')) {
      const fn = findFunction(env(), module.id).resource
      expect(JSON.stringify(fn.Properties!.Environment.Variables.ORIGIN_VERIFY), module.id).toMatch(/\{\{resolve:secretsmanager:.*:SecretString:::\}\}/)
    }
  })
})

describe('prod: the read-model schema is migrated at deploy (issue 13)', () => {
  it('runs the migrations function from a CDK Trigger before the HTTP API stage and every other API function is deployed', () => {
    const api = env().templates.api
    const triggers = Object.entries(resourcesOf(api, 'Custom::Trigger'))
    expect(triggers).toHaveLength(1)
    const [triggerId, trigger] = triggers[0] as [string, any]
    const migrations = findFunction(env(), 'migrations')
    // The function's current version: a new migration (new code) runs the trigger again.
    expect(trigger.Properties.HandlerArn).toEqual({ Ref: expect.stringMatching(/^FnmigrationsFunctionCurrentVersion/) })
    expect(migrations.resource.Properties!.Environment.Variables).toEqual(expect.objectContaining({ READ_MODEL: 'data-api', DB_NAME: 'digital_office' }))

    const stage = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Stage')).find((s) => s.Properties!.StageName === '$default') as any
    expect(stage.DependsOn).toContain(triggerId)
    for (const module of MODULES.filter((m) => m.trigger === 'http')) {
      expect((findFunction(env(), module.id).resource as any).DependsOn, module.id).toContain(triggerId)
    }
  })

  it('retains the database\'s credentials secret with the cluster', () => {
    const secret = Object.values(resourcesOf(env().templates.stateful, 'AWS::SecretsManager::Secret')).find((s) => s.Properties!.Name === 'do-prod/read-model/admin')
    expect(secret?.DeletionPolicy).toBe('RetainExceptOnCreate')
    expect(secret?.UpdateReplacePolicy).toBe('Retain')
  })
})

describe('prod: the portal secret, the guardrail, failed first creates (issue 13)', () => {
  it('keeps the national portal\'s URL and shared secret in a Secrets Manager secret, resolved at deploy into the members function only', () => {
    const secret = Object.values(resourcesOf(env().templates.stateful, 'AWS::SecretsManager::Secret')).find((s) => s.Properties!.Name === 'do-prod/portal')
    expect(secret?.Properties!.GenerateSecretString).toMatchObject({ SecretStringTemplate: '{"url":""}', GenerateStringKey: 'sharedSecret' })
    expect(secret?.DeletionPolicy).toBe('RetainExceptOnCreate')

    const vars = findFunction(env(), 'members').resource.Properties!.Environment.Variables
    expect(vars.PORTAL_URL).toBe('{{resolve:secretsmanager:do-prod/portal:SecretString:url::}}')
    expect(vars.PORTAL_SHARED_SECRET).toBe('{{resolve:secretsmanager:do-prod/portal:SecretString:sharedSecret::}}')
    for (const module of MODULES.filter((m) => m.id !== 'members')) {
      expect(Object.keys(findFunction(env(), module.id).resource.Properties!.Environment.Variables), module.id).not.toContain('PORTAL_SHARED_SECRET')
    }
  })

  it('filters the assistant with the guardrail\'s Standard tier (Vietnamese) through the region\'s guardrail profile', () => {
    const [guardrail] = Object.values(resourcesOf(env().templates.api, 'AWS::Bedrock::Guardrail')) as any[]
    expect(guardrail.Properties.ContentPolicyConfig.ContentFiltersTierConfig).toEqual({ TierName: 'STANDARD' })
    expect(guardrail.Properties.TopicPolicyConfig.TopicsTierConfig).toEqual({ TierName: 'STANDARD' })
    expect(JSON.stringify(guardrail.Properties.CrossRegionConfig.GuardrailProfileArn)).toContain(':guardrail-profile/apac.guardrail.v1:0')
  })

  it('removes what a failed first create made, and keeps it afterwards: no stateful resource is plainly Retain', () => {
    for (const [stack, template] of Object.entries(env().templates)) {
      const plain = Object.entries(template.toJSON().Resources as Record<string, { DeletionPolicy?: string }>).filter(([, r]) => r.DeletionPolicy === 'Retain').map(([id]) => id)
      expect(plain, stack).toEqual([])
    }
  })
})

describe('prod: operations and the operator (issue 13)', () => {
  const alarms = () => Object.values(resourcesOf(env().templates.ops, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!)

  it('alarms when the read model falls 5 minutes behind the table, when a function is throttled and when Aurora nears its maximum capacity', () => {
    const age = alarms().find((a) => a.MetricName === 'IteratorAge')
    expect(age).toMatchObject({ Threshold: 300_000, Statistic: 'Maximum' })
    const throttled = alarms().filter((a) => a.MetricName === 'Throttles').map((a) => a.AlarmName)
    for (const module of MODULES) expect(throttled, module.id).toContain(`do-prod-lambda-throttles-${module.id}`)
    expect(alarms().find((a) => a.MetricName === 'ACUUtilization')).toMatchObject({ Namespace: 'AWS/RDS', Threshold: 90, Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'do-prod-read-model' }] })
  })

  it('draws one CloudWatch dashboard for the environment', () => {
    const dashboards = Object.values(resourcesOf(env().templates.ops, 'AWS::CloudWatch::Dashboard'))
    expect(dashboards.map((d) => d.Properties!.DashboardName)).toEqual(['do-prod'])
    const body = JSON.stringify(dashboards[0].Properties!.DashboardBody)
    for (const metric of ['IteratorAge', 'Throttles', 'ACUUtilization', '5xx']) expect(body).toContain(metric)
  })

  it('logs no execution data of the workflows in prod (task tokens answer a step)', () => {
    for (const [id, machine] of Object.entries(resourcesOf(env().templates.workflow, 'AWS::StepFunctions::StateMachine'))) {
      expect(machine.Properties!.LoggingConfiguration, id).toMatchObject({ Level: 'ALL', IncludeExecutionData: false })
    }
  })

  it('outputs the site and API URLs, the user pool and its client, and the next commands', () => {
    const outputs = (key: 'web' | 'stateful') => env().templates[key].toJSON().Outputs as Record<string, { Value: unknown }>
    expect(Object.keys(outputs('web'))).toEqual(expect.arrayContaining(['SiteUrl', 'ApiUrl', 'NextSteps']))
    expect(JSON.stringify(outputs('web').NextSteps.Value)).toContain('do-prod/portal')
    expect(Object.keys(outputs('stateful'))).toEqual(expect.arrayContaining(['UserPoolId', 'UserPoolClientId']))
  })
})
