import { describe, expect, it } from 'vitest'
import { AppConfigSchema, ENV_NAMES, loadConfig } from '../../infra/config/index.js'

describe('per-environment config', () => {
  it('loads every environment with the Singapore region and the environment name it was asked for', () => {
    for (const name of ENV_NAMES) {
      const config = loadConfig(name)
      expect(config.envName).toBe(name)
      expect(config.region).toBe('ap-southeast-1')
    }
  })

  it('refuses an unknown environment with a message naming the valid ones', () => {
    expect(() => loadConfig('qa')).toThrow('Unknown environment "qa". Use -c env=<dev|staging|prod>.')
  })

  it('retains, protects and backs up data in prod; lets dev be destroyed', () => {
    expect(loadConfig('prod')).toMatchObject({ removalPolicy: 'retain', deletionProtection: true, pointInTimeRecovery: true })
    expect(loadConfig('dev')).toMatchObject({ removalPolicy: 'destroy', deletionProtection: false })
  })

  it('requires MFA outside dev', () => {
    expect(loadConfig('dev').auth.mfa).toBe('optional')
    expect(loadConfig('staging').auth.mfa).toBe('required')
    expect(loadConfig('prod').auth.mfa).toBe('required')
  })

  it('rejects a prod config that would lose data or drop MFA, listing each problem', () => {
    const weakened = { ...loadConfig('prod'), removalPolicy: 'destroy', deletionProtection: false, auth: { mfa: 'optional', featurePlan: 'PLUS' } }
    const result = AppConfigSchema.safeParse(weakened)
    expect(result.success).toBe(false)
    const paths = result.error!.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['removalPolicy', 'deletionProtection', 'auth.mfa']))
  })

  it('rejects inconsistent values: capacity range, domain without certificate, wildcard CORS origin, odd log retention', () => {
    const base = loadConfig('dev')
    const bad = [
      { ...base, database: { ...base.database, minAcu: 8, maxAcu: 2 } },
      { ...base, web: { ...base.web, domainName: 'vanphongso.example.vn' } },
      { ...base, web: { ...base.web, corsOrigins: ['https://*.example.vn'] } },
      { ...base, logRetentionDays: 10 },
      { ...base, alarmEmail: 'not-an-address' },
    ]
    for (const config of bad) expect(AppConfigSchema.safeParse(config).success, JSON.stringify(config).slice(0, 80)).toBe(false)
  })
})
