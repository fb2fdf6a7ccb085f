import { describe, expect, it } from 'vitest'
import { describeEnvironment, useEnvironment } from './environment-suite.js'
import { acknowledgements, resourcesOf } from './synth.js'

const env = useEnvironment('dev')
describeEnvironment('dev', env)

describe('dev: disposable by design', () => {
  it('lets the table, the database and the keys be destroyed with the stack, still with point-in-time recovery', () => {
    const { templates } = env()
    const [table] = Object.values(resourcesOf(templates.stateful, 'AWS::DynamoDB::Table'))
    expect(table.DeletionPolicy).toBe('Delete')
    expect(table.Properties!.DeletionProtectionEnabled).toBe(false)
    expect(table.Properties!.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true })
    const [cluster] = Object.values(resourcesOf(templates.stateful, 'AWS::RDS::DBCluster'))
    expect(cluster.DeletionPolicy).toBe('Delete')
    expect(cluster.Properties!.DeletionProtection).toBe(false)
  })

  it('makes MFA optional (TOTP offered) and says why cdk-nag accepts it, on the user pool only', () => {
    const { templates, built } = env()
    const [pool] = Object.values(resourcesOf(templates.stateful, 'AWS::Cognito::UserPool'))
    expect(pool.Properties!.MfaConfiguration).toBe('OPTIONAL')
    const cog2 = acknowledgements(built.app).filter((a) => a.id === 'AwsSolutions-COG2')
    expect(cog2.map((a) => a.path)).toEqual(['do-dev-stateful/Identity/UserPool'])
  })

  it('lets the database pause when idle (minimum 0 ACU) and runs a single writer', () => {
    const { templates } = env()
    const [cluster] = Object.values(resourcesOf(templates.stateful, 'AWS::RDS::DBCluster'))
    expect(cluster.Properties!.ServerlessV2ScalingConfiguration.MinCapacity).toBe(0)
    templates.stateful.resourceCountIs('AWS::RDS::DBInstance', 1)
  })

  it('allows the local dev servers as CORS origins on the API', () => {
    const api = Object.values(resourcesOf(env().templates.api, 'AWS::ApiGatewayV2::Api')).find((r) => r.Properties!.ProtocolType === 'HTTP')!
    expect(api.Properties!.CorsConfiguration.AllowOrigins).toEqual(['http://localhost:5173', 'http://localhost:3000'])
  })
})
