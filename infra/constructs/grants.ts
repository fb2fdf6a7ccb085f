/**
 * Least-privilege grants, driven by the `access` of a module in modules.ts:
 * a function gets exactly the actions its module declares, on exactly the
 * resources involved, and nothing else. Statements are written out rather
 * than taken from the L2 `grant*` helpers, whose action sets contain
 * wildcards (`s3:GetObject*`, `kms:GenerateDataKey*`) and which may touch
 * resource policies in the stateful stack.
 */
import { Arn, Aws, Stack, Validations } from 'aws-cdk-lib'
import { PolicyStatement, type IGrantable, type IRole } from 'aws-cdk-lib/aws-iam'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import type { AppConfig } from '../config/index.js'
import type { ModuleDefinition } from '../definitions/modules.js'
import { TABLE } from '../../shared/table/definition.js'
import { wildcardResourceFinding } from './nag.js'
import type { PlatformResources } from './platform-resources.js'

type Access = ModuleDefinition['access']

export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query',
  'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable',
] as const
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const
export const DATA_API_ACTIONS = [
  'rds-data:ExecuteStatement', 'rds-data:BatchExecuteStatement',
  'rds-data:BeginTransaction', 'rds-data:CommitTransaction', 'rds-data:RollbackTransaction',
] as const
/** What user administration and sign-in need from the pool (no `cognito-idp:Admin*`). */
export const COGNITO_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminResetUserPassword', 'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminRemoveUserFromGroup', 'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminInitiateAuth', 'cognito-idp:AdminRespondToAuthChallenge', 'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:ListUsers',
] as const
export const TASK_RESPONSE_ACTIONS = ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'] as const

/** The ARN of every GSI of the table, spelled out (no `index/*`). */
export function indexArns(tableArn: string): string[] {
  return Object.values(TABLE.indexes).map((index) => `${tableArn}/index/${index.name}`)
}

/** The table: read (items + the indexes) or read/write, plus the key that encrypts it. */
export function grantTable(grantee: IGrantable, resources: PlatformResources, mode: 'read' | 'readwrite'): void {
  const { table, dataKey } = resources
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({
    actions: [...TABLE_READ_ACTIONS],
    resources: [table.tableArn, ...indexArns(table.tableArn)],
  }))
  const keyActions = ['kms:Decrypt', 'kms:DescribeKey']
  if (mode === 'readwrite') {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: [...TABLE_WRITE_ACTIONS], resources: [table.tableArn] }))
    keyActions.push('kms:Encrypt', 'kms:GenerateDataKey')
  }
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: keyActions, resources: [dataKey.keyArn] }))
  // Whoever writes the table writes audit entries (and the organisation module verifies them): a MAC with the audit key.
  if (mode === 'readwrite') grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['kms:GenerateMac'], resources: [resources.auditKey.keyArn] }))
}

/**
 * The uploads bucket's objects (presigned PUT/GET are signed with these
 * rights). The ARNs are built from the bucket's fixed name, so the one
 * unavoidable wildcard (`<bucket>/*`) can be acknowledged exactly.
 */
export function grantUploads(grantee: IRole, resources: PlatformResources, mode: 'read' | 'readwrite'): void {
  const { uploadsBucketName, dataKey } = resources
  const bucketArn = `arn:${Aws.PARTITION}:s3:::${uploadsBucketName}`
  const objectsArn = `${bucketArn}/*`
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucketArn] }))
  const objectActions = mode === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload']
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: objectActions, resources: [objectsArn] }))
  Validations.of(grantee).acknowledge({
    id: wildcardResourceFinding(grantee, objectsArn),
    reason: 'Object keys of the uploads bucket are generated per upload (unit/date/uuid); the statement is limited to that one bucket.',
  })
  const keyActions = mode === 'read' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey']
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: keyActions, resources: [dataKey.keyArn] }))
}

/** The read model through the Data API: statements and transactions on the cluster, the secret it signs in with. */
export function grantReadModel(grantee: IGrantable, resources: PlatformResources): void {
  const { readModel } = resources
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: [...DATA_API_ACTIONS], resources: [readModel.clusterArn] }))
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({
    actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
    resources: [readModel.secret.secretArn],
  }))
}

export function grantIdentityAdmin(grantee: IGrantable, resources: PlatformResources): void {
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: [...COGNITO_ADMIN_ACTIONS], resources: [resources.userPool.userPoolArn] }))
}

/** The SES configuration set every mail goes out with (its events record bounces and complaints). */
export const mailConfigurationSetName = (config: AppConfig): string => `do-${config.envName}-mail`

/** SES: send only from the configured sender, through its domain identity and the platform's configuration set. */
export function grantMail(grantee: IGrantable, config: AppConfig, scope: Stack): void {
  const domain = config.mail.from.split('@')[1]
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({
    actions: ['ses:SendEmail', 'ses:SendRawEmail'],
    resources: [
      Arn.format({ service: 'ses', resource: 'identity', resourceName: domain }, scope),
      Arn.format({ service: 'ses', resource: 'configuration-set', resourceName: mailConfigurationSetName(config) }, scope),
    ],
    conditions: { StringEquals: { 'ses:FromAddress': config.mail.from } },
  }))
}

/** Start executions of a workflow and answer its task tokens (human approval steps). */
export function grantWorkflow(grantee: IGrantable, stateMachine: IStateMachine): void {
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({
    actions: ['states:StartExecution', ...TASK_RESPONSE_ACTIONS],
    resources: [stateMachine.stateMachineArn],
  }))
}

/**
 * Document signatures: `kms:Sign` on the per-organisation and per-signer keys,
 * restricted by alias (the keys are created per unit, so their ids are not
 * known at synth), and read access to the certificate chains the platform keeps.
 */
export function grantSigning(grantee: IRole, resources: PlatformResources, envName: string): void {
  const prefix = `do-${envName}`
  const keysArn = Arn.format({ service: 'kms', resource: 'key', resourceName: '*' }, Stack.of(grantee))
  grantee.addToPrincipalPolicy(new PolicyStatement({
    actions: ['kms:Sign', 'kms:DescribeKey'],
    resources: [keysArn],
    conditions: { StringLike: { 'kms:RequestAlias': [`alias/${prefix}-org-*`, `alias/${prefix}-person-*`] } },
  }))
  Validations.of(grantee).acknowledge({
    id: wildcardResourceFinding(grantee, keysArn),
    reason: 'Signing keys are created per organisation and signer at run time; the statement is limited to kms:Sign on keys carrying this environment\'s signing aliases.',
  })
  const certsArn = `arn:${Aws.PARTITION}:s3:::${resources.uploadsBucketName}/certs/*`
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [certsArn] }))
  Validations.of(grantee).acknowledge({
    id: wildcardResourceFinding(grantee, certsArn),
    reason: 'Certificate chains are kept one file per organisation or signer under the certs/ prefix; read only.',
  })
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: ['kms:Decrypt'], resources: [resources.dataKey.keyArn] }))
}

/**
 * InvokeModel resources of one model id: the foundation model in this
 * region, or a cross-region inference profile and the model it routes to in
 * any of its regions (acknowledged: that one model, several regions).
 */
function modelResources(grantee: IRole, id: string): string[] {
  const stack = Stack.of(grantee)
  const resources = /^(apac|us|eu|global)\./.test(id)
    ? [Arn.format({ service: 'bedrock', resource: 'inference-profile', resourceName: id }, stack), `arn:${Aws.PARTITION}:bedrock:*::foundation-model/${id.replace(/^[a-z]+\./, '')}`]
    : [`arn:${Aws.PARTITION}:bedrock:${stack.region}::foundation-model/${id}`]
  for (const r of resources.filter((x) => x.includes('*'))) {
    Validations.of(grantee).acknowledge({
      id: wildcardResourceFinding(grantee, r),
      reason: 'A cross-region inference profile routes requests to the same foundation model in any of its regions; the statement names that one model.',
    })
  }
  return resources
}

/**
 * OCR of scans: Textract's synchronous analysis (it has no resource-level
 * permissions, so its resource is `*`) and Converse on the one Bedrock
 * model the environment's archives use.
 */
export function grantOcr(grantee: IRole, config: AppConfig): void {
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: ['textract:AnalyzeDocument'], resources: ['*'] }))
  Validations.of(grantee).acknowledge({
    id: wildcardResourceFinding(grantee, '*'),
    reason: 'Textract AnalyzeDocument supports no resource-level permissions; the statement grants that one action only.',
  })
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: modelResources(grantee, config.archives.ocrModelId) }))
}

/**
 * The audit checkpoints' bucket: list and read them (verification), and for
 * the anchoring job also write new ones and read the bucket's Object Lock
 * configuration. No delete, no retention change, no governance bypass.
 */
export function grantAuditCheckpoints(grantee: IRole, resources: PlatformResources, mode: 'read' | 'write'): void {
  const bucketArn = `arn:${Aws.PARTITION}:s3:::${resources.auditCheckpointsBucketName}`
  const objectsArn = `${bucketArn}/audit-checkpoints/*`
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: mode === 'write' ? ['s3:ListBucket', 's3:GetBucketObjectLockConfiguration'] : ['s3:ListBucket'], resources: [bucketArn] }))
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: mode === 'write' ? ['s3:GetObject', 's3:PutObject'] : ['s3:GetObject'], resources: [objectsArn] }))
  Validations.of(grantee).acknowledge({
    id: wildcardResourceFinding(grantee, objectsArn),
    reason: 'One object per checkpoint (unit and sequence number in the key); the statement is limited to the checkpoints prefix of that one bucket.',
  })
}

/**
 * The upload's mark check on a scanned first page: Textract's text detection
 * only (no resource-level permissions either, hence `*`).
 */
export function grantMarkOcr(grantee: IRole): void {
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: ['textract:DetectDocumentText'], resources: ['*'] }))
  Validations.of(grantee).acknowledge({
    id: wildcardResourceFinding(grantee, '*'),
    reason: 'Textract DetectDocumentText supports no resource-level permissions; the statement grants that one action only.',
  })
}

/**
 * The assistant's Bedrock calls: Converse (streamed) and InvokeModel on the
 * environment's answer and embedding models — as foundation models or
 * through a cross-region inference profile, whose requests land in several
 * regions — and the guardrail it applies.
 */
export function grantBedrock(grantee: IRole, config: AppConfig): void {
  const stack = Stack.of(grantee)
  const resources = [config.bedrockModelId, config.assistant.embeddingModelId].flatMap((id) => modelResources(grantee, id))
  grantee.addToPrincipalPolicy(new PolicyStatement({ actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], resources }))
  if (config.assistant.guardrailId) {
    grantee.addToPrincipalPolicy(new PolicyStatement({
      actions: ['bedrock:ApplyGuardrail'],
      resources: [Arn.format({ service: 'bedrock', resource: 'guardrail', resourceName: config.assistant.guardrailId }, stack)],
    }))
  }
}

export interface ModuleAccessContext {
  readonly config: AppConfig
  readonly resources: PlatformResources
  /** State machines by workflow id; must hold every workflow the module's access names. */
  readonly workflows: Readonly<Record<string, IStateMachine>>
}

/** Grants exactly `access` (from modules.ts) to `grantee`. */
export function grantModuleAccess(grantee: IRole, access: Access, ctx: ModuleAccessContext, scope: Stack): void {
  if (access.table) grantTable(grantee, ctx.resources, access.table)
  if (access.uploads) grantUploads(grantee, ctx.resources, access.uploads)
  if (access.readModel) grantReadModel(grantee, ctx.resources)
  if (access.identity) grantIdentityAdmin(grantee, ctx.resources)
  if (access.mail) grantMail(grantee, ctx.config, scope)
  if (access.signing) grantSigning(grantee, ctx.resources, ctx.config.envName)
  if (access.ocr) grantOcr(grantee, ctx.config)
  if (access.markOcr) grantMarkOcr(grantee)
  if (access.auditCheckpoints) grantAuditCheckpoints(grantee, ctx.resources, access.auditCheckpoints)
  if (access.bedrock) grantBedrock(grantee, ctx.config)
  for (const id of access.workflows ?? []) {
    const stateMachine = ctx.workflows[id]
    if (!stateMachine) throw new Error(`Workflow "${id}" is not available to this function's stack`)
    grantWorkflow(grantee, stateMachine)
  }
}
