/** The uploads bucket (documents, scans, imports, letters) and the access-log bucket beside it. */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
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
}

export class PlatformBuckets extends Construct {
  readonly uploads: Bucket
  readonly accessLogs: Bucket

  constructor(scope: Construct, id: string, props: PlatformBucketsProps) {
    super(scope, id)
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      // Server access log delivery supports SSE-S3 only.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
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
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
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
  }
}
