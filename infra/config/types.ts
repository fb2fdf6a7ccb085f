/**
 * The per-environment configuration of the CDK app, checked with zod so a
 * typo in `infra/config/<env>.ts` fails `cdk synth` with a clear message
 * instead of deploying something unintended.
 *
 * Nothing here imports CDK: the values are plain data, the stacks translate
 * them (e.g. `removalPolicy: 'retain'` → `RemovalPolicy.RETAIN`).
 */
import { z } from 'zod'

/** The OCR model when an environment names none. */
export { DEFAULT_OCR_MODEL_ID } from '../../functions/lib/env.js'
import { DEFAULT_OCR_MODEL_ID } from '../../functions/lib/env.js'

export const ENV_NAMES = ['dev', 'staging', 'prod'] as const
export const EnvNameSchema = z.enum(ENV_NAMES)
export type EnvName = z.infer<typeof EnvNameSchema>

/** Retention periods CloudWatch Logs accepts (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const

const origin = z.string().url().refine((s) => !s.endsWith('/') && !s.includes('*'), 'an origin is scheme://host[:port] without path or wildcard')

/** An OIDC identity provider of the user pool, with the hosted sign-in domain and the SPA's callback. */
export const OidcConfigSchema = z.strictObject({
  /** The provider's name in Cognito (and the `identity_provider` of the hosted UI's authorize URL). */
  name: z.string().regex(/^[\w.-]{3,32}$/),
  issuerUrl: z.string().url().startsWith('https://'),
  clientId: z.string().min(1),
  /** The Secrets Manager secret holding `{ "clientSecret": "…" }`. */
  clientSecretName: z.string().min(1),
  scopes: z.array(z.string().min(1)).min(1).default(['openid', 'email', 'profile']),
  /** The provider's claim for each user pool attribute. */
  attributeMapping: z.strictObject({ email: z.string().min(1), fullname: z.string().min(1).optional() }).default({ email: 'email', fullname: 'name' }),
  /** The hosted UI's domain: https://<domainPrefix>.auth.<region>.amazoncognito.com */
  domainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
  callbackUrls: z.array(z.string().url().startsWith('https://')).min(1),
  logoutUrls: z.array(z.string().url().startsWith('https://')).min(1),
})
export type OidcConfig = z.infer<typeof OidcConfigSchema>

export const AppConfigSchema = z
  .object({
    envName: EnvNameSchema,
    /**
     * Target account. Left undefined the stacks are account-agnostic, which is
     * what `cdk synth` needs offline; `cdk deploy` fills it from the CLI profile.
     */
    account: z.string().regex(/^\d{12}$/, 'an AWS account id has 12 digits').optional(),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
    /** Pinned so synth never needs an availability-zone lookup. At least two (Aurora subnet group). */
    availabilityZones: z.array(z.string()).min(2),
    /** What happens to data-bearing resources when their stack or resource is deleted. */
    removalPolicy: z.enum(['retain', 'snapshot', 'destroy']),
    /** Deletion protection on the table, the user pool and the database cluster. */
    deletionProtection: z.boolean(),
    pointInTimeRecovery: z.boolean(),
    web: z.object({
      /** Custom domain of the site, e.g. `vanphongso.example.vn`. Needs `certificateArn` (ACM, us-east-1). */
      domainName: z.string().optional(),
      certificateArn: z.string().startsWith('arn:aws:acm:us-east-1:').optional(),
      /**
       * Exact origins allowed by CORS on the HTTP API and for presigned uploads
       * to the uploads bucket (e.g. a Vite dev server). The site's own origin
       * is added by the stacks.
       */
      corsOrigins: z.array(origin),
      /** ISO 3166-1 alpha-2 countries allowed by CloudFront; empty = no geo restriction. */
      geoAllowlist: z.array(z.string().regex(/^[A-Z]{2}$/)),
    }),
    database: z.object({
      /** Aurora Serverless v2 capacity in ACU (0 = auto-pause when idle). */
      minAcu: z.number().min(0).max(256).multipleOf(0.5),
      maxAcu: z.number().min(1).max(256).multipleOf(0.5),
      /** A reader instance in a second AZ for fail-over. */
      multiAz: z.boolean(),
      backupRetentionDays: z.number().int().min(1).max(35),
    }),
    logRetentionDays: z.number().refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
      message: `log retention must be one of ${LOG_RETENTION_DAYS.join(', ')} days`,
    }),
    /** Receives the CloudWatch alarm notifications (SNS e-mail subscription). */
    alarmEmail: z.string().email(),
    api: z.object({
      /** Steady-state requests per second for the whole HTTP API stage. */
      throttleRateLimit: z.number().int().positive(),
      throttleBurstLimit: z.number().int().positive(),
    }),
    waf: z.object({
      /** Requests per client IP per 5 minutes before the rate-based rule blocks it. */
      rateLimitPer5Minutes: z.number().int().min(10).max(2_000_000_000),
    }),
    auth: z.object({
      mfa: z.enum(['required', 'optional']),
      /** Cognito feature plan; PLUS brings threat protection (compromised credentials, adaptive auth). */
      featurePlan: z.enum(['ESSENTIALS', 'PLUS']),
      /**
       * Federation (issue 13): an OIDC identity provider (the national VNeID-style login), off unless configured.
       * Set in the env file, or for one synth with `-c oidc='{"name":…}'` (infra/app.ts). The client secret is
       * never in the config: it is read at deploy from the Secrets Manager secret `clientSecretName` (JSON field
       * `clientSecret`), which the operator creates first (README runbook).
       */
      oidc: OidcConfigSchema.optional(),
    }),
    mail: z.object({
      /** Sender address; its domain must be a verified SES identity in the region. */
      from: z.string().email(),
      /** Units' official addresses (`<unitId>@<domain>`), received by SES (its MX must point at SES receiving). @default `congvan.` + the sender's domain */
      inboundDomain: z.string().min(3).optional(),
    }),
    /** Bedrock model (or inference profile) id the assistant answers with. */
    bedrockModelId: z.string().min(1),
    /** The assistant (issue 6): which engine answers, the embedding model for hybrid retrieval, an existing guardrail to apply. */
    assistant: z.object({
      engine: z.enum(['bedrock', 'embedded']),
      embeddingModelId: z.string().min(1),
      guardrailId: z.string().min(1).optional(),
      guardrailVersion: z.string().min(1).optional(),
    }).default({ engine: 'bedrock', embeddingModelId: 'cohere.embed-multilingual-v3' }),
    /** Digitisation (issue 5): the Bedrock model (or inference profile) that reads Vietnamese text from page images. */
    archives: z.object({
      ocrModelId: z.string().min(1),
    }).default({ ocrModelId: DEFAULT_OCR_MODEL_ID }),
    /**
     * The audit checkpoints' bucket (S3 Object Lock): the mode and how long each checkpoint is kept unchangeable.
     * COMPLIANCE: nobody, root included, shortens or deletes; GOVERNANCE: a principal with
     * `s3:BypassGovernanceRetention` can (test environments). Periods are configuration [R].
     * @default GOVERNANCE, 30 days
     */
    auditCheckpoints: z.object({
      mode: z.enum(['COMPLIANCE', 'GOVERNANCE']),
      retentionDays: z.number().int().min(1).max(36_500),
    }).default({ mode: 'GOVERNANCE', retentionDays: 30 }),
  })
  .superRefine((c, ctx) => {
    if (c.database.minAcu > c.database.maxAcu) {
      ctx.addIssue({ code: 'custom', path: ['database', 'minAcu'], message: 'minAcu must not exceed maxAcu' })
    }
    if (!!c.web.domainName !== !!c.web.certificateArn) {
      ctx.addIssue({ code: 'custom', path: ['web'], message: 'domainName and certificateArn go together' })
    }
    if (c.envName === 'prod') {
      // Production must never lose data through a config slip.
      if (c.removalPolicy !== 'retain') ctx.addIssue({ code: 'custom', path: ['removalPolicy'], message: 'prod must retain data' })
      if (!c.deletionProtection) ctx.addIssue({ code: 'custom', path: ['deletionProtection'], message: 'prod needs deletion protection' })
      if (!c.pointInTimeRecovery) ctx.addIssue({ code: 'custom', path: ['pointInTimeRecovery'], message: 'prod needs point-in-time recovery' })
      if (c.auditCheckpoints.mode !== 'COMPLIANCE') ctx.addIssue({ code: 'custom', path: ['auditCheckpoints', 'mode'], message: 'prod anchors audit checkpoints in compliance mode' })
    }
    if (c.envName !== 'dev' && c.auth.mfa !== 'required') {
      ctx.addIssue({ code: 'custom', path: ['auth', 'mfa'], message: `MFA is required in ${c.envName}` })
    }
  })

export type AppConfig = z.infer<typeof AppConfigSchema>
/** What an env file writes before validation. */
export type AppConfigInput = z.input<typeof AppConfigSchema>
