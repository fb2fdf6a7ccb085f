import { Aws, CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib'
import { Secret } from 'aws-cdk-lib/aws-secretsmanager'
import type { Table } from 'aws-cdk-lib/aws-dynamodb'
import type { Vpc } from 'aws-cdk-lib/aws-ec2'
import type { RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { DatabaseCluster } from 'aws-cdk-lib/aws-rds'
import type { Construct } from 'constructs'
import type { AppConfig } from '../config/index.js'
import { portalSecretName, removalPolicyOf } from '../constructs/app-function.js'
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
      auditCheckpointsBucketName: auditCheckpointsBucketNameOf(config), auditCheckpointLock: config.auditCheckpoints,
    })
    const identity = new PlatformIdentity(this, 'Identity', {
      prefix, envName, mfa: config.auth.mfa, featurePlan: config.auth.featurePlan, deletionProtection, removalPolicy, oidc: config.auth.oidc,
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
    // The national portal's address and the HMAC secret agreed with it (README "The national portal"): made with a
    // random secret and no URL (the route then verifies against a value nobody knows, status updates only log)
    // until the operator puts the agreed values. Kept if a first create fails over it, kept when the stack goes.
    const portal = new Secret(this, 'PortalSecret', {
      secretName: portalSecretName(config),
      description: 'Digital Office: the national public service portal (url, sharedSecret); set by the operator, see README',
      generateSecretString: { secretStringTemplate: JSON.stringify({ url: '' }), generateStringKey: 'sharedSecret', excludePunctuation: true, passwordLength: 48 },
      encryptionKey: keys.dataKey,
      removalPolicy: config.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    })
    Validations.of(portal).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'The value is agreed with the national portal, which cannot take part in a Secrets Manager rotation; the operator rotates it with the portal (README runbook).',
    })
    new CfnOutput(this, 'UserPoolId', { description: 'Cognito user pool (the first administrator: npm run admin:create)', value: identity.userPool.userPoolId })
    new CfnOutput(this, 'UserPoolClientId', { description: 'The SPA\'s public client of the user pool', value: identity.userPoolClient.userPoolClientId })
    // What `npm run admin:create` writes to besides the pool: the table (the person's records) and the audit chain's MAC key.
    new CfnOutput(this, 'TableName', { description: 'The single table (npm run admin:create writes the first administrator\'s records)', value: this.table.tableName })
    new CfnOutput(this, 'AuditKeyArn', { description: 'The audit chain\'s KMS HMAC key (npm run admin:create audits what it writes)', value: keys.auditKey.keyArn })
    this.vpc = readModel.vpc
    this.database = readModel.database

    this.resources = {
      table: this.table,
      dataKey: keys.dataKey,
      auditKey: keys.auditKey,
      uploadsBucket: buckets.uploads,
      uploadsBucketName,
      auditCheckpointsBucketName: auditCheckpointsBucketNameOf(config),
      userPool: identity.userPool,
      userPoolClient: identity.userPoolClient,
      readModel: { clusterArn: this.database.clusterArn, secret: readModel.secret, databaseName: READ_MODEL_DATABASE },
    }
  }
}

/** The audit checkpoints' bucket name, fixed like the uploads bucket's. */
export function auditCheckpointsBucketNameOf(config: AppConfig): string {
  return `do-${config.envName}-audit-checkpoints-${config.account ?? Aws.ACCOUNT_ID}-${config.region}`
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
