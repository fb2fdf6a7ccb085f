import type { AppConfigInput } from './types.js'

/**
 * Production. Data is retained and deletion-protected (the schema refuses
 * anything else for prod). Set `web.domainName` + `web.certificateArn` once
 * the agency's domain and its us-east-1 ACM certificate exist.
 */
export const prod: AppConfigInput = {
  envName: 'prod',
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: 'ap-southeast-1',
  availabilityZones: ['ap-southeast-1a', 'ap-southeast-1b'],
  removalPolicy: 'retain',
  deletionProtection: true,
  pointInTimeRecovery: true,
  web: {
    corsOrigins: [],
    geoAllowlist: [],
  },
  database: { minAcu: 0.5, maxAcu: 16, multiAz: true, backupRetentionDays: 35 },
  logRetentionDays: 365,
  alarmEmail: 'platform-alerts@digital-office.example.org',
  api: { throttleRateLimit: 500, throttleBurstLimit: 1000 },
  waf: { rateLimitPer5Minutes: 1000 },
  auth: { mfa: 'required', featurePlan: 'PLUS' },
  mail: { from: 'no-reply@digital-office.example.org' },
  auditCheckpoints: { mode: 'COMPLIANCE', retentionDays: 3650 },
  bedrockModelId: 'apac.anthropic.claude-sonnet-4-20250514-v1:0',
}
