/** The uploads bucket (documents, scans, imports, letters) and the access-log bucket beside it. */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectLockRetention, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'

export interface PlatformBucketsProps {
  /** A fixed name, so stateless stacks can name the bucket without a cross-stack import. */
  readonly uploadsBucketName: string
  /** Encrypts the uploads (SSE-KMS with a bucket key). */
  readonly encryptionKey: IKey
  /** Origins allowed to PUT presigned uploads (CORS; the presigned signature is the access control). */
  readonly corsOrigins: readonly string[]
  /**
   * Days the server access logs are kept (at least 30).
   * @default 30
   */
  readonly accessLogRetentionDays?: number
  /** @default RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE */
  readonly removalPolicy?: RemovalPolicy
  /** A fixed name for the audit checkpoints' bucket (Object Lock), named by the stateless stacks too. */
  readonly auditCheckpointsBucketName: string
  /** Its Object Lock default retention: the mode and the days each checkpoint stays unchangeable. */
  readonly auditCheckpointLock: { readonly mode: 'COMPLIANCE' | 'GOVERNANCE'; readonly retentionDays: number }
}

/** What every bucket of the platform is: private, TLS 1.2 only, owner-enforced, versioned. */
const PRIVATE_VERSIONED = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
  versioned: true,
} as const

export class PlatformBuckets extends Construct {
  readonly uploads: Bucket
  readonly accessLogs: Bucket
  /** Audit checkpoints (functions/lib/adapters/audit-checkpoints.ts): written once, never rewritten, by Object Lock. */
  readonly auditCheckpoints: Bucket

  constructor(scope: Construct, id: string, props: PlatformBucketsProps) {
    super(scope, id)
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      // Server access log delivery supports SSE-S3 only.
      encryption: BucketEncryption.S3_MANAGED,
      ...PRIVATE_VERSIONED,
      lifecycleRules: [{ expiration: Duration.days(Math.max(props.accessLogRetentionDays ?? 30, 30)), noncurrentVersionExpiration: Duration.days(7) }],
      removalPolicy,
    })
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the server access log destination of the stateful buckets; logging it into itself would loop.',
    })

    this.uploads = new Bucket(this, 'Uploads', {
      bucketName: props.uploadsBucketName,
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      ...PRIVATE_VERSIONED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'uploads/',
      cors: [{
        // Presigned PUT from the SPA; GET/HEAD to preview an attachment.
        allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
        allowedOrigins: [...props.corsOrigins],
        allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
        exposedHeaders: ['ETag'],
        maxAge: 3600,
      }],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1), noncurrentVersionExpiration: Duration.days(90) },
        // Uploads nobody used expire: a document's file is copied under its unit when registered or drafted,
        // an archive scan is read into pages by its batch. What was deleted (refused, classified) keeps no old version past a day.
        { id: 'document-uploads', prefix: 'documents/uploads/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        { id: 'archive-uploads', prefix: 'archives/uploads/', expiration: Duration.days(7), noncurrentVersionExpiration: Duration.days(1) },
      ],
      removalPolicy,
    })

    const retention = Duration.days(props.auditCheckpointLock.retentionDays)
    this.auditCheckpoints = new Bucket(this, 'AuditCheckpoints', {
      bucketName: props.auditCheckpointsBucketName,
      // Counts and MACs, nothing readable about the entries: SSE-S3 keeps the writer's grants to S3 alone.
      encryption: BucketEncryption.S3_MANAGED,
      ...PRIVATE_VERSIONED,
      objectLockEnabled: true,
      objectLockDefaultRetention: props.auditCheckpointLock.mode === 'COMPLIANCE' ? ObjectLockRetention.compliance(retention) : ObjectLockRetention.governance(retention),
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'audit-checkpoints/',
      // Locked objects outlive any stack: the bucket is never deleted with one.
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    })
  }
}
