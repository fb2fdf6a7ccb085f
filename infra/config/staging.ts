import type { AppConfigInput } from './types.js'

/** Staging: production-shaped (MFA, threat protection, retained data) at a smaller size. */
export const staging: AppConfigInput = {
  envName: 'staging',
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: 'ap-southeast-1',
  availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b'],
  removalPolicy: 'snapshot',
  deletionProtection: true,
  pointInTimeRecovery: true,
  web: {
    corsOrigins: [],
    geoAllowlist: [],
  },
  database: { minAcu: 0.5, maxAcu: 4, multiAz: false, backupRetentionDays: 7 },
  logRetentionDays: 90,
  alarmEmail: 'platform-alerts+staging@digital-office.example.org',
  api: { throttleRateLimit: 100, throttleBurstLimit: 200 },
  waf: { rateLimitPer5Minutes: 2000 },
  auth: { mfa: 'required', featurePlan: 'PLUS' },
  mail: { from: 'no-reply@staging.digital-office.example.org' },
  auditCheckpoints: { mode: 'GOVERNANCE', retentionDays: 30 },
  bedrockModelId: 'apac.anthropic.claude-sonnet-4-20250514-v1:0',
}
