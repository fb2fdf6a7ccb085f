import { describe, expect, it } from 'vitest'
import { describeEnvironment, useEnvironment } from './environment-suite.js'
import { acknowledgements, resourcesOf } from './synth.js'

const env = useEnvironment('staging')
describeEnvironment('staging', env)

describe('staging: production-shaped', () => {
  it('requires MFA and turns on Cognito threat protection (Plus plan)', () => {
    const [pool] = Object.values(resourcesOf(env().templates.stateful, 'AWS::Cognito::UserPool'))
    expect(pool.Properties).toMatchObject({ MfaConfiguration: 'ON', UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } })
  })

  it('keeps the table and snapshots the database on deletion, both deletion-protected', () => {
    const { templates } = env()
    const [table] = Object.values(resourcesOf(templates.stateful, 'AWS::DynamoDB::Table'))
    expect(table.DeletionPolicy).toBe('RetainExceptOnCreate')
    expect(table.Properties!.DeletionProtectionEnabled).toBe(true)
    const [cluster] = Object.values(resourcesOf(templates.stateful, 'AWS::RDS::DBCluster'))
    expect(cluster.DeletionPolicy).toBe('Snapshot')
    expect(cluster.Properties!.DeletionProtection).toBe(true)
  })

  it('carries none of the dev-only acknowledgements (optional MFA, Essentials plan, no RDS deletion protection)', () => {
    const ids = acknowledgements(env().built.app).map((a) => a.id)
    for (const devOnly of ['AwsSolutions-COG2', 'AwsSolutions-COG8', 'AwsSolutions-RDS10']) expect(ids).not.toContain(devOnly)
  })
})
