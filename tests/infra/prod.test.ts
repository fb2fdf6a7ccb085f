import { describe, expect, it } from 'vitest'
import { describeEnvironment, useEnvironment } from './environment-suite.js'
import { acknowledgements, resourcesOf } from './synth.js'

const env = useEnvironment('prod')
describeEnvironment('prod', env)

describe('prod: data is never lost by a deployment', () => {
  it('retains the table, with point-in-time recovery and deletion protection', () => {
    const [table] = Object.values(resourcesOf(env().templates.stateful, 'AWS::DynamoDB::Table'))
    expect(table.DeletionPolicy).toBe('Retain')
    expect(table.UpdateReplacePolicy).toBe('Retain')
    expect(table.Properties).toMatchObject({
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    })
  })

  it('retains the database, deletion-protected, with 35 days of backups and a reader for fail-over', () => {
    const { templates } = env()
    const [cluster] = Object.values(resourcesOf(templates.stateful, 'AWS::RDS::DBCluster'))
    expect(cluster.DeletionPolicy).toBe('Retain')
    expect(cluster.Properties).toMatchObject({ DeletionProtection: true, BackupRetentionPeriod: 35 })
    templates.stateful.resourceCountIs('AWS::RDS::DBInstance', 2)
  })

  it('retains the buckets and the keys', () => {
    const { templates } = env()
    for (const type of ['AWS::S3::Bucket', 'AWS::KMS::Key']) {
      for (const [id, resource] of Object.entries(resourcesOf(templates.stateful, type))) expect(resource.DeletionPolicy, id).toBe('Retain')
    }
  })

  it('requires MFA, enforces threat protection and protects the user pool from deletion', () => {
    const [pool] = Object.values(resourcesOf(env().templates.stateful, 'AWS::Cognito::UserPool'))
    expect(pool.DeletionPolicy).toBe('Retain')
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
