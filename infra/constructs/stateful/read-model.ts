/**
 * The read model: Aurora PostgreSQL Serverless v2 behind the Data API, in
 * isolated subnets only. Lambda reaches it through the Data API (HTTPS, IAM),
 * never through the VPC, so there is no NAT and no route out; the secret's
 * rotation function reaches Secrets Manager through an interface endpoint
 * that only it may use.
 */
import { Duration, RemovalPolicy, Validations, type Resource } from 'aws-cdk-lib'
import { FlowLogDestination, FlowLogTrafficType, InterfaceVpcEndpointAwsService, Port, SecurityGroup, SubnetType, Vpc } from 'aws-cdk-lib/aws-ec2'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { AuroraPostgresEngineVersion, ClusterInstance, Credentials, DatabaseCluster, DatabaseClusterEngine } from 'aws-cdk-lib/aws-rds'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'

/** Database name of the read model (functions/lib/env.ts defaults to the same). */
export const READ_MODEL_DATABASE = 'digital_office'
/** Not 5432: the Data API does not care, and a non-default port is one less thing scanners find. */
export const READ_MODEL_PORT = 5433

export interface ReadModelClusterProps {
  /** Prefix of the cluster's and secret's names, e.g. `do-prod`. */
  readonly prefix: string
  /** Named in the reasons of cdk-nag acknowledgements. */
  readonly envName: string
  readonly availabilityZones: readonly string[]
  /** Encrypts the cluster's storage. */
  readonly storageEncryptionKey: IKey
  /** @default 0.5 */
  readonly minAcu?: number
  /** @default 4 */
  readonly maxAcu?: number
  /**
   * A reader in a second zone that scales with the writer.
   * @default false
   */
  readonly multiAz?: boolean
  /** @default 7 */
  readonly backupRetentionDays?: number
  /** Retention of the VPC flow logs and the PostgreSQL logs. */
  readonly logRetentionDays: RetentionDays
  /** @default true */
  readonly deletionProtection?: boolean
  /** Of the logs. @default RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE */
  readonly removalPolicy?: RemovalPolicy
  /** Of the cluster (RDS can snapshot on delete). @default RemovalPolicy.SNAPSHOT */
  readonly databaseRemovalPolicy?: RemovalPolicy
}

export class ReadModelCluster extends Construct {
  readonly vpc: Vpc
  readonly database: DatabaseCluster
  /** The credentials the Data API signs in with (rotated every 30 days). */
  readonly secret: ISecret

  constructor(scope: Construct, id: string, props: ReadModelClusterProps) {
    super(scope, id)
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE
    const deletionProtection = props.deletionProtection ?? true
    this.vpc = new Vpc(this, 'Vpc', {
      availabilityZones: [...props.availabilityZones],
      natGateways: 0,
      subnetConfiguration: [{ name: 'isolated', subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      restrictDefaultSecurityGroup: false,
    })
    const flowLogs = new LogGroup(this, 'VpcFlowLogs', { retention: props.logRetentionDays, removalPolicy })
    this.vpc.addFlowLog('FlowLog', { destination: FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: FlowLogTrafficType.REJECT })

    const rotationSecurityGroup = new SecurityGroup(this, 'RotationSecurityGroup', { vpc: this.vpc, description: 'Read-model credentials rotation function' })
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

    const clusterIdentifier = `${props.prefix}-read-model`
    // Created up front so its retention is ours (no log-retention custom resource).
    const postgresLogs = new LogGroup(this, 'ReadModelLogs', {
      logGroupName: `/aws/rds/cluster/${clusterIdentifier}/postgresql`,
      retention: props.logRetentionDays,
      removalPolicy,
    })
    this.database = new DatabaseCluster(this, 'ReadModel', {
      clusterIdentifier,
      engine: DatabaseClusterEngine.auroraPostgres({ version: AuroraPostgresEngineVersion.VER_17_7 }),
      writer: ClusterInstance.serverlessV2('writer', { autoMinorVersionUpgrade: true }),
      readers: props.multiAz ? [ClusterInstance.serverlessV2('reader', { scaleWithWriter: true, autoMinorVersionUpgrade: true })] : [],
      serverlessV2MinCapacity: props.minAcu ?? 0.5,
      serverlessV2MaxCapacity: props.maxAcu ?? 4,
      vpc: this.vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
      port: READ_MODEL_PORT,
      credentials: Credentials.fromGeneratedSecret('do_admin', { secretName: `${props.prefix}/read-model/admin` }),
      defaultDatabaseName: READ_MODEL_DATABASE,
      enableDataApi: true,
      iamAuthentication: true,
      storageEncrypted: true,
      storageEncryptionKey: props.storageEncryptionKey,
      parameters: { 'rds.force_ssl': '1' },
      cloudwatchLogsExports: ['postgresql'],
      backup: { retention: Duration.days(props.backupRetentionDays ?? 7), preferredWindow: '18:00-19:00' },
      preferredMaintenanceWindow: 'sun:19:00-sun:20:00',
      copyTagsToSnapshot: true,
      deletionProtection,
      removalPolicy: props.databaseRemovalPolicy ?? RemovalPolicy.SNAPSHOT,
    })
    this.database.node.addDependency(postgresLogs)
    this.database.addRotationSingleUser({
      automaticallyAfter: Duration.days(30),
      endpoint: secretsEndpoint,
      securityGroup: rotationSecurityGroup,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
    })
    if (!deletionProtection) {
      Validations.of(this.database).acknowledge({
        id: 'AwsSolutions-RDS10',
        reason: `${props.envName} is disposable (removalPolicy destroy); staging and prod enable deletion protection.`,
      })
    }
    const secret = this.database.secret
    if (!secret) throw new Error('the read-model cluster has no credentials secret')
    // Kept with the cluster (a retained or snapshotted cluster without its credentials cannot be signed into).
    // (`database.secret` is the attachment to the cluster; the generated secret is the cluster's child `Secret`.)
    const generated = this.database.node.tryFindChild('Secret') as Resource | undefined
    if (!generated) throw new Error('the read-model cluster generated no credentials secret')
    generated.applyRemovalPolicy(props.databaseRemovalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
    this.secret = secret
  }
}
