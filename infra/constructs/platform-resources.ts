import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'

/** The read model database as the functions reach it: through the RDS Data API. */
export interface ReadModelDatabase {
  /** ARN of the Aurora PostgreSQL cluster (Data API target). */
  readonly clusterArn: string
  /** The credentials secret the Data API signs in with. */
  readonly secret: ISecret
  readonly databaseName: string
}

/**
 * What the stateful stack hands to the stateless ones. Passed as typed props:
 * CDK turns the references into CloudFormation exports/imports itself.
 */
export interface PlatformResources {
  /** The single table (system of record), with its stream. */
  readonly table: ITable
  /** Customer-managed key of the table, the uploads bucket and the database storage. */
  readonly dataKey: IKey
  /** The audit chain's HMAC key: functions that write or verify the trail call kms:GenerateMac with it. */
  readonly auditKey: IKey
  readonly uploadsBucket: IBucket
  /**
   * The uploads bucket's name: a literal (or pseudo-parameter) string that
   * resolves in any stack of the environment without a cross-stack import.
   */
  readonly uploadsBucketName: string
  /** The audit checkpoints' bucket (Object Lock), by its fixed name. */
  readonly auditCheckpointsBucketName: string
  readonly userPool: IUserPool
  /** The SPA's public client (no secret). */
  readonly userPoolClient: IUserPoolClient
  readonly readModel: ReadModelDatabase
}
