import { Duration, RemovalPolicy, SecretValue, Stack, Validations } from 'aws-cdk-lib'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import {
  ApplicationLogLevel, Architecture, Code, Function as LambdaFunction, LoggingFormat, Runtime, SystemLogLevel, Tracing,
} from 'aws-cdk-lib/aws-lambda'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import { Construct } from 'constructs'
import { bundleModule, DEFAULT_OUT_ROOT } from '../build/bundle.js'
import type { AppConfig } from '../config/index.js'
import type { ModuleDefinition } from '../definitions/modules.js'
import { WORKFLOWS } from '../definitions/workflows.js'
import { functionEnvironment, type FunctionEnvName } from '../../functions/lib/env.js'
import { grantModuleAccess, mailConfigurationSetName } from './grants.js'
import { NATIVE_ARCHITECTURE, NativeLayer } from './native-layer.js'
import type { PlatformResources } from './platform-resources.js'

/** Names the Lambda service sets itself; a function must not try to. */
const LAMBDA_RESERVED = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
])
/** Names AppFunction owns: set from the module's access and the config, never by a caller. */
export const HOUSE_ENV_VARS = [
  'APP_ENV', 'NODE_OPTIONS', 'TABLE_NAME', 'UPLOADS_BUCKET', 'READ_MODEL', 'DB_CLUSTER_ARN', 'DB_SECRET_ARN', 'DB_NAME',
  'IDENTITY', 'USER_POOL_ID', 'USER_POOL_CLIENT_ID', 'MAIL', 'MAIL_FROM', 'SES_CONFIGURATION_SET', 'MAIL_INBOUND_DOMAIN', ...WORKFLOWS.map((w) => w.arnEnvVar),
  'AUDIT_MAC', 'AUDIT_KMS_KEY_ID', 'SIGNING', 'SIGNING_KEY_ALIAS_PREFIX', 'SIGNING_CERTS_BUCKET', 'SIGNING_FONT_DIR', 'OCR', 'OCR_BEDROCK_MODEL_ID', 'MARK_OCR', 'AUDIT_CHECKPOINT_BUCKET', 'AUDIT_CHECKPOINT_LOCK_MODE', 'AUDIT_CHECKPOINT_RETENTION_DAYS', 'PORTAL_URL', 'PORTAL_SHARED_SECRET',
  'POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_METRICS_NAMESPACE', 'POWERTOOLS_LOG_LEVEL',
] as const

/** The domain of units' official addresses: the config's, else `congvan.` before the sender's domain. */
export const inboundMailDomain = (config: AppConfig): string => config.mail.inboundDomain ?? `congvan.${config.mail.from.split('@')[1]}`

/** The national portal's secret (JSON: `url`, `sharedSecret`), one per environment. */
export const portalSecretName = (config: AppConfig): string => `do-${config.envName}/portal`

/**
 * Kept when the stack or the resource goes (`retain`, `snapshot`), yet removed when the stack's first create of it
 * fails (RETAIN_ON_UPDATE_OR_DELETE: CloudFormation's RetainExceptOnCreate): a resource whose create failed holds no
 * data, and a named one left behind would make the next deploy fail on its name.
 */
export const removalPolicyOf = (config: AppConfig): RemovalPolicy =>
  config.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE

export interface AppFunctionProps {
  /** The module (modules.ts) this function runs: entry, trigger, access, sizing. */
  readonly module: ModuleDefinition
  readonly config: AppConfig
  /** The stateful resources the module's access refers to. */
  readonly resources: PlatformResources
  /**
   * State machines by workflow id, for the workflows the module's access names.
   * @default - none; a module naming a workflow then fails synth
   */
  readonly workflows?: Readonly<Record<string, IStateMachine>>
  /**
   * Extra environment variables. Reserved names (Lambda's own and those in
   * `HOUSE_ENV_VARS`) are refused.
   * @default - only the variables derived from the module's access
   */
  readonly environment?: Readonly<Partial<Record<FunctionEnvName, string>>>
  /**
   * Memory in MB.
   * @default - the module's `memoryMb`, else 512
   */
  readonly memorySize?: number
  /**
   * Timeout.
   * @default - the module's `timeoutSeconds`, else 10 seconds
   */
  readonly timeout?: Duration
  /**
   * Where the esbuild bundle is written (relative to the repository root).
   * @default '.build/functions'
   */
  readonly bundleOutRoot?: string
}

/**
 * The house Lambda function: one per module of modules.ts.
 *
 * Fixed defaults: Node.js 22 on ARM64 (Graviton; x86_64 for a module with a
 * native `layer`, whose binaries are built for it), the module bundled by
 * esbuild to a single ESM file with source maps enabled at run time, X-Ray
 * tracing active, JSON logs into a dedicated log group whose retention comes
 * from the config, and an execution role holding only inline statements:
 * writing to its own log group, X-Ray, and exactly the module's `access`
 * (see grants.ts). No AWS managed policy is attached.
 */
export class AppFunction extends Construct {
  readonly module: ModuleDefinition
  readonly function: LambdaFunction
  readonly role: Role
  readonly logGroup: LogGroup

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id)
    const { module, config, resources } = props
    const stack = Stack.of(this)
    const functionName = `do-${config.envName}-${module.id}`
    this.module = module

    for (const name of Object.keys(props.environment ?? {})) {
      if (LAMBDA_RESERVED.has(name) || (HOUSE_ENV_VARS as readonly string[]).includes(name)) {
        throw new Error(`AppFunction ${module.id}: environment variable ${name} is reserved`)
      }
    }

    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: removalPolicyOf(config),
    })

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${functionName} (least privilege from modules.ts)`,
    })
    this.role.addToPrincipalPolicy(new PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [this.logGroup.logGroupArn],
    }))

    this.function = new LambdaFunction(this, 'Function', {
      functionName,
      description: module.description,
      runtime: Runtime.NODEJS_22_X,
      // Native packages come in a layer built for x86_64 (native-layer.ts).
      architecture: module.layer?.length ? NATIVE_ARCHITECTURE : Architecture.ARM_64,
      ...(module.layer?.length ? { layers: [NativeLayer.of(this, { packages: module.layer }).layer] } : {}),
      handler: 'index.handler',
      code: Code.fromAsset(bundleModule(module, props.bundleOutRoot ?? DEFAULT_OUT_ROOT)),
      memorySize: props.memorySize ?? module.memoryMb ?? 512,
      timeout: props.timeout ?? Duration.seconds(module.timeoutSeconds ?? 10),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: functionEnvironment({ ...props.environment, ...moduleEnvironment(props) }),
    })

    grantModuleAccess(this.role, module.access, { config, resources, workflows: props.workflows ?? {} }, stack)

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the house runtime on purpose: it is the esbuild target and the version the embedded runtime and tests run; a runtime upgrade is a deliberate, tested change, not a lint fix.',
    })
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Only xray:PutTraceSegments/PutTelemetryRecords (added by active tracing) use "*": X-Ray has no resource-level permissions.',
    })
  }
}

/** The variables functions/lib/env.ts reads, derived from the module's access. */
function moduleEnvironment({ module, config, resources, workflows = {} }: AppFunctionProps): Partial<Record<FunctionEnvName, string>> {
  const { access } = module
  // The adapter switches are set on every function so none can fall back to
  // an embedded engine on AWS; resource names only where access is granted.
  const env: Partial<Record<FunctionEnvName, string>> = {
    APP_ENV: config.envName,
    NODE_OPTIONS: '--enable-source-maps',
    READ_MODEL: 'data-api',
    IDENTITY: 'cognito',
    MAIL: 'ses',
    // Powertools (functions/lib/observability.ts): logs, metrics (EMF) and traces name the module.
    POWERTOOLS_SERVICE_NAME: module.id,
    POWERTOOLS_METRICS_NAMESPACE: 'DigitalOffice',
    POWERTOOLS_LOG_LEVEL: 'INFO',
  }
  if (access.table) env.TABLE_NAME = resources.table.tableName
  if (access.table === 'readwrite') {
    env.AUDIT_MAC = 'kms'
    env.AUDIT_KMS_KEY_ID = resources.auditKey.keyArn
  }
  if (access.uploads) env.UPLOADS_BUCKET = resources.uploadsBucketName
  if (access.readModel) {
    env.DB_CLUSTER_ARN = resources.readModel.clusterArn
    env.DB_SECRET_ARN = resources.readModel.secret.secretArn
    env.DB_NAME = resources.readModel.databaseName
  }
  if (access.identity) {
    env.USER_POOL_ID = resources.userPool.userPoolId
    env.USER_POOL_CLIENT_ID = resources.userPoolClient.userPoolClientId
  }
  if (access.mail) {
    env.MAIL_FROM = config.mail.from
    env.SES_CONFIGURATION_SET = mailConfigurationSetName(config)
    env.MAIL_INBOUND_DOMAIN = inboundMailDomain(config)
  }
  if (access.signing) {
    env.SIGNING = 'kms'
    env.SIGNING_KEY_ALIAS_PREFIX = `do-${config.envName}`
    env.SIGNING_CERTS_BUCKET = resources.uploadsBucketName
    // infra/build/bundle.ts ships the fonts next to the bundle.
    env.SIGNING_FONT_DIR = '/var/task/fonts'
  }
  if (access.ocr) {
    env.OCR = 'aws'
    env.OCR_BEDROCK_MODEL_ID = config.archives.ocrModelId
  }
  if (access.markOcr) env.MARK_OCR = 'textract'
  if (access.auditCheckpoints) {
    env.AUDIT_CHECKPOINT_BUCKET = resources.auditCheckpointsBucketName
    env.AUDIT_CHECKPOINT_LOCK_MODE = config.auditCheckpoints.mode
    env.AUDIT_CHECKPOINT_RETENTION_DAYS = String(config.auditCheckpoints.retentionDays)
  }
  if (access.bedrock) {
    env.ASSISTANT_ENGINE = config.assistant.engine
    env.BEDROCK_MODEL_ID = config.bedrockModelId
    env.BEDROCK_EMBEDDING_MODEL_ID = config.assistant.embeddingModelId
    if (config.assistant.guardrailId) {
      env.BEDROCK_GUARDRAIL_ID = config.assistant.guardrailId
      env.BEDROCK_GUARDRAIL_VERSION = config.assistant.guardrailVersion ?? 'DRAFT'
    }
  }
  if ('portal' in access && access.portal) {
    // Resolved by CloudFormation at deploy from the environment's secret (infra/stacks/stateful-stack.ts): the
    // function needs no Secrets Manager rights. Rotating is a new value and a deploy of the API stack (README).
    const name = portalSecretName(config)
    env.PORTAL_URL = SecretValue.secretsManager(name, { jsonField: 'url' }).unsafeUnwrap()
    env.PORTAL_SHARED_SECRET = SecretValue.secretsManager(name, { jsonField: 'sharedSecret' }).unsafeUnwrap()
  }
  for (const id of access.workflows ?? []) {
    const workflow = WORKFLOWS.find((w) => w.id === id)
    const stateMachine = workflows[id]
    if (!workflow || !stateMachine) throw new Error(`AppFunction ${module.id}: unknown or unavailable workflow "${id}"`)
    env[workflow.arnEnvVar as FunctionEnvName] = stateMachine.stateMachineArn
  }
  return env
}
