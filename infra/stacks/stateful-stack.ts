import { Aws, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib'
import {
  AccountRecovery, FeaturePlan, Mfa, StandardThreatProtectionMode, UserPool, type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito'
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb'
import {
  FlowLogDestination, FlowLogTrafficType, InterfaceVpcEndpointAwsService, Port, SecurityGroup, SubnetType, Vpc,
} from 'aws-cdk-lib/aws-ec2'
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import {
  AuroraPostgresEngineVersion, ClusterInstance, Credentials, DatabaseCluster, DatabaseClusterEngine,
} from 'aws-cdk-lib/aws-rds'
import {
  BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership,
} from 'aws-cdk-lib/aws-s3'
import type { Construct } from 'constructs'
import type { AppConfig } from '../config/index.js'
import { removalPolicyOf } from '../constructs/app-function.js'
import type { PlatformResources } from '../constructs/platform-resources.js'
import { TABLE } from '../../shared/table/definition.js'
import { PASSWORD_POLICY } from '../../shared/auth/password-policy.js'

export interface StatefulStackProps extends StackProps {
  readonly config: AppConfig
}

/** Database name of the read model (functions/lib/env.ts defaults to the same). */
export const READ_MODEL_DATABASE = 'digital_office'
/** Not 5432: the Data API does not care, and a non-default port is one less thing scanners find. */
export const READ_MODEL_PORT = 5433

/**
 * Everything that holds data: the table, the buckets, the keys, the user
 * pool, the read-model database. Stateless stacks receive them as typed
 * props (`resources`), so redeploying those never touches data.
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
    // RDS can snapshot on delete; for the other resources 'snapshot' means keep.
    const databaseRemovalPolicy = config.removalPolicy === 'snapshot' ? RemovalPolicy.SNAPSHOT : removalPolicy

    // ── Keys ────────────────────────────────────────────────────────────────
    const dataKey = new Key(this, 'DataKey', {
      alias: `alias/${prefix}/data`,
      description: 'Digital Office: encryption of the table, its stream, uploads and the read-model storage',
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow: Duration.days(config.removalPolicy === 'destroy' ? 7 : 30),
    })
    // The audit trail's MAC key (HMAC_256): functions may ask KMS for a MAC, never read the key,
    // so whoever can write the table cannot recompute the chain after editing it (shared/audit/chain.ts).
    const auditKey = new Key(this, 'AuditKey', {
      alias: `alias/${prefix}/audit`,
      description: 'Digital Office: the keyed MAC of the audit chain (GenerateMac only)',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy,
      pendingWindow: Duration.days(config.removalPolicy === 'destroy' ? 7 : 30),
    })
    // Signing keys are not resources of the stack: one per organisation and signer, made as units and
    // people appear, by the operators' tool (infra/operators/signing.ts, `npm run signing`).

    // ── The single table ───────────────────────────────────────────────────
    this.table = new Table(this, 'Table', {
      tableName: prefix,
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: dataKey,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TABLE.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: config.pointInTimeRecovery },
      deletionProtection: config.deletionProtection,
      removalPolicy,
    })
    for (const index of Object.values(TABLE.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      })
    }

    // ── Buckets ────────────────────────────────────────────────────────────
    const accessLogs = new Bucket(this, 'AccessLogs', {
      // Server access log delivery supports SSE-S3 only.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(Math.max(config.logRetentionDays, 30)), noncurrentVersionExpiration: Duration.days(7) }],
      removalPolicy,
    })
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the server access log destination of the stateful buckets; logging it into itself would loop.',
    })

    const uploadsBucketName = uploadsBucketNameOf(config)
    const uploads = new Bucket(this, 'Uploads', {
      bucketName: uploadsBucketName,
      encryption: BucketEncryption.KMS,
      encryptionKey: dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'uploads/',
      cors: [{
        // Presigned PUT from the SPA; GET/HEAD to preview an attachment.
        allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
        allowedOrigins: uploadOrigins(config),
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

    // ── Identity ───────────────────────────────────────────────────────────
    const plus = config.auth.featurePlan === 'PLUS'
    const userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${prefix}-users`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      mfa: config.auth.mfa === 'required' ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        ...PASSWORD_POLICY,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: plus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: plus ? StandardThreatProtectionMode.FULL_FUNCTION : undefined,
      deletionProtection: config.deletionProtection,
      removalPolicy,
    })
    if (config.auth.mfa !== 'required') {
      Validations.of(userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: `MFA is optional in ${config.envName} only (demo and test accounts); the config schema refuses optional MFA in staging and prod.`,
      })
    }
    if (!plus) {
      Validations.of(userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason: `${config.envName} holds synthetic users only; the Plus plan (threat protection) is billed per user and is enabled in staging and prod.`,
      })
    }
    const userPoolClient: UserPoolClient = userPool.addClient('SpaClient', {
      userPoolClientName: `${prefix}-spa`,
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    })

    // ── Read model: Aurora PostgreSQL Serverless v2 behind the Data API ────
    // Isolated subnets only: Lambda reaches the database through the Data API
    // (HTTPS, IAM), never through the VPC, so there is no NAT and no route out.
    this.vpc = new Vpc(this, 'Vpc', {
      availabilityZones: config.availabilityZones,
      natGateways: 0,
      subnetConfiguration: [{ name: 'isolated', subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      restrictDefaultSecurityGroup: false,
    })
    const flowLogs = new LogGroup(this, 'VpcFlowLogs', {
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy,
    })
    this.vpc.addFlowLog('FlowLog', {
      destination: FlowLogDestination.toCloudWatchLogs(flowLogs),
      trafficType: FlowLogTrafficType.REJECT,
    })
    // The secret-rotation function runs in the VPC and needs Secrets Manager:
    // an interface endpoint that only the rotation function may reach.
    const rotationSecurityGroup = new SecurityGroup(this, 'RotationSecurityGroup', {
      vpc: this.vpc,
      description: 'Read-model credentials rotation function',
    })
    const endpointSecurityGroup = new SecurityGroup(this, 'SecretsEndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'Secrets Manager interface endpoint (rotation function only)',
      allowAllOutbound: false,
    })
    endpointSecurityGroup.addIngressRule(rotationSecurityGroup, Port.tcp(443), 'HTTPS from the rotation function')
    const secretsEndpoint = this.vpc.addInterfaceEndpoint('SecretsManager', {
      service: InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      subnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
      securityGroups: [endpointSecurityGroup],
      open: false,
    })

    const clusterIdentifier = `${prefix}-read-model`
    // Created up front so its retention is ours (no log-retention custom resource).
    const postgresLogs = new LogGroup(this, 'ReadModelLogs', {
      logGroupName: `/aws/rds/cluster/${clusterIdentifier}/postgresql`,
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy,
    })
    this.database = new DatabaseCluster(this, 'ReadModel', {
      clusterIdentifier,
      engine: DatabaseClusterEngine.auroraPostgres({ version: AuroraPostgresEngineVersion.VER_17_7 }),
      writer: ClusterInstance.serverlessV2('writer', { autoMinorVersionUpgrade: true }),
      readers: config.database.multiAz ? [ClusterInstance.serverlessV2('reader', { scaleWithWriter: true, autoMinorVersionUpgrade: true })] : [],
      serverlessV2MinCapacity: config.database.minAcu,
      serverlessV2MaxCapacity: config.database.maxAcu,
      vpc: this.vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
      port: READ_MODEL_PORT,
      credentials: Credentials.fromGeneratedSecret('do_admin', { secretName: `${prefix}/read-model/admin` }),
      defaultDatabaseName: READ_MODEL_DATABASE,
      enableDataApi: true,
      iamAuthentication: true,
      storageEncrypted: true,
      storageEncryptionKey: dataKey,
      parameters: { 'rds.force_ssl': '1' },
      cloudwatchLogsExports: ['postgresql'],
      backup: { retention: Duration.days(config.database.backupRetentionDays), preferredWindow: '18:00-19:00' },
      preferredMaintenanceWindow: 'sun:19:00-sun:20:00',
      copyTagsToSnapshot: true,
      deletionProtection: config.deletionProtection,
      removalPolicy: databaseRemovalPolicy,
    })
    this.database.node.addDependency(postgresLogs)
    this.database.addRotationSingleUser({
      automaticallyAfter: Duration.days(30),
      endpoint: secretsEndpoint,
      securityGroup: rotationSecurityGroup,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
    })
    if (!config.deletionProtection) {
      Validations.of(this.database).acknowledge({
        id: 'AwsSolutions-RDS10',
        reason: `${config.envName} is disposable (removalPolicy destroy); staging and prod enable deletion protection.`,
      })
    }

    const secret = this.database.secret
    if (!secret) throw new Error('the read-model cluster has no credentials secret')
    this.resources = {
      table: this.table,
      dataKey,
      auditKey,
      uploadsBucket: uploads,
      uploadsBucketName,
      userPool,
      userPoolClient,
      readModel: { clusterArn: this.database.clusterArn, secret, databaseName: READ_MODEL_DATABASE },
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
