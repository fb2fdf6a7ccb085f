import { Aws, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import type { Table } from 'aws-cdk-lib/aws-dynamodb'
import type { Vpc } from 'aws-cdk-lib/aws-ec2'
import type { RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { DatabaseCluster } from 'aws-cdk-lib/aws-rds'
import type { Construct } from 'constructs'
import type { AppConfig } from '../config/index.js'
import { removalPolicyOf } from '../constructs/app-function.js'
import type { PlatformResources } from '../constructs/platform-resources.js'
import { PlatformBuckets } from '../constructs/stateful/buckets.js'
import { PlatformIdentity } from '../constructs/stateful/identity.js'
import { PlatformKeys } from '../constructs/stateful/keys.js'
import { READ_MODEL_DATABASE, ReadModelCluster } from '../constructs/stateful/read-model.js'
import { PlatformTable } from '../constructs/stateful/table.js'

export { READ_MODEL_DATABASE, READ_MODEL_PORT } from '../constructs/stateful/read-model.js'

export interface StatefulStackProps extends StackProps {
  readonly config: AppConfig
}

/**
 * Everything that holds data, one construct per concern (infra/constructs/stateful/):
 * keys, the table, the buckets, the user pool, the read-model database. Stateless
 * stacks receive them as typed props (`resources`), so redeploying those never
 * touches data.
 */
export class StatefulStack extends Stack {
  readonly resources: PlatformResources
  readonly table: Table
  readonly vpc: Vpc
  readonly database: DatabaseCluster

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props)
    const { config } = props
    const prefix = `do-${config.envName}`
    const removalPolicy = removalPolicyOf(config)
    const { deletionProtection, envName } = config

    const keys = new PlatformKeys(this, 'Keys', { prefix, removalPolicy, pendingWindowDays: config.removalPolicy === 'destroy' ? 7 : 30 })
    this.table = new PlatformTable(this, 'Data', {
      tableName: prefix, encryptionKey: keys.dataKey, pointInTimeRecovery: config.pointInTimeRecovery, deletionProtection, removalPolicy,
    }).table
    const uploadsBucketName = uploadsBucketNameOf(config)
    const buckets = new PlatformBuckets(this, 'Files', {
      uploadsBucketName, encryptionKey: keys.dataKey, corsOrigins: uploadOrigins(config), accessLogRetentionDays: config.logRetentionDays, removalPolicy,
    })
    const identity = new PlatformIdentity(this, 'Identity', {
      prefix, envName, mfa: config.auth.mfa, featurePlan: config.auth.featurePlan, deletionProtection, removalPolicy,
    })
    const readModel = new ReadModelCluster(this, 'ReadModel', {
      prefix, envName,
      availabilityZones: config.availabilityZones,
      storageEncryptionKey: keys.dataKey,
      ...config.database,
      logRetentionDays: config.logRetentionDays as RetentionDays,
      deletionProtection,
      removalPolicy,
      // RDS can snapshot on delete; for the other resources 'snapshot' means keep.
      databaseRemovalPolicy: config.removalPolicy === 'snapshot' ? RemovalPolicy.SNAPSHOT : removalPolicy,
    })
    this.vpc = readModel.vpc
    this.database = readModel.database

    this.resources = {
      table: this.table,
      dataKey: keys.dataKey,
      auditKey: keys.auditKey,
      uploadsBucket: buckets.uploads,
      uploadsBucketName,
      userPool: identity.userPool,
      userPoolClient: identity.userPoolClient,
      readModel: { clusterArn: this.database.clusterArn, secret: readModel.secret, databaseName: READ_MODEL_DATABASE },
    }
  }
}

/**
 * The uploads bucket's name, fixed so that the stateless stacks can name it
 * (and its object ARNs) without a cross-stack import: grants and their
 * cdk-nag acknowledgements then read the same in every stack.
 */
export function uploadsBucketNameOf(config: AppConfig): string {
  return `do-${config.envName}-uploads-${config.account ?? Aws.ACCOUNT_ID}-${config.region}`
}

/**
 * Origins allowed to PUT presigned uploads: the configured ones, the custom
 * domain, and — until a custom domain is configured — CloudFront default
 * domains (the distribution's own name is only known after it is created,
 * in a stack that depends on this one). CORS is not the access control here:
 * the presigned signature is.
 */
export function uploadOrigins(config: AppConfig): string[] {
  const origins = [...config.web.corsOrigins]
  origins.push(config.web.domainName ? `https://${config.web.domainName}` : 'https://*.cloudfront.net')
  return origins
}
