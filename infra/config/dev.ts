import type { AppConfigInput } from './types.js'

/** Development: cheap, disposable, MFA optional so demo users can sign in quickly. */
export const dev: AppConfigInput = {
  envName: 'dev',
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: 'ap-southeast-1',
  availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b'],
  removalPolicy: 'destroy',
  deletionProtection: false,
  pointInTimeRecovery: true,
  web: {
    corsOrigins: ['http://localhost:5173', 'http://localhost:3000'],
    geoAllowlist: [],
  },
  database: { minAcu: 0, maxAcu: 2, multiAz: false, backupRetentionDays: 1 },
  logRetentionDays: 14,
  alarmEmail: 'platform-alerts+dev@digital-office.example.org',
  api: { throttleRateLimit: 50, throttleBurstLimit: 100 },
  waf: { rateLimitPer5Minutes: 2000 },
  auth: { mfa: 'optional', featurePlan: 'ESSENTIALS' },
  mail: { from: 'no-reply@dev.digital-office.example.org' },
  auditCheckpoints: { mode: 'GOVERNANCE', retentionDays: 1 },
  bedrockModelId: 'apac.anthropic.claude-sonnet-4-20250514-v1:0',
}
