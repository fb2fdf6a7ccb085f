/**
 * The CDK app: `npx cdk synth -c env=<dev|staging|prod>` (default dev).
 *
 * Stacks, all prefixed with the environment (`do-<env>-…`):
 *   stateful  table, buckets, keys, user pool, read-model database (data lives here)
 *   workflow  Step Functions workflows + their task functions
 *   api       HTTP API + the http functions
 *   ops       stream projector, scheduled jobs, alarms
 *   waf       the CloudFront web ACL (us-east-1, CloudFront-scope ACLs live only there)
 *   web       site bucket + CloudFront (SPA and /api/*)
 *
 * cdk-nag's AwsSolutions pack checks every stack. cdk-nag 3 is a CDK policy
 * validation plugin (`Validations.of(app).addPlugins`) rather than an Aspect;
 * suppressions are `Validations.of(construct).acknowledge({ id, reason })`,
 * scoped to the construct and its children.
 *
 * `npx tsx infra/build/synth.ts [env…]` runs the same synth without the CLI
 * (the installed aws-cdk 3.0.0 CLI cannot read aws-cdk-lib 2.276's assembly).
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { App, Tags, Validations, type AppProps } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { DEFAULT_ENV, loadConfig, type AppConfig } from './config/index.js'
import { ApiStack } from './stacks/api-stack.js'
import { OpsStack } from './stacks/ops-stack.js'
import { StatefulStack } from './stacks/stateful-stack.js'
import { WafStack } from './stacks/waf-stack.js'
import { WebStack } from './stacks/web-stack.js'
import { WorkflowStack } from './stacks/workflow-stack.js'

/** Feature flags this app relies on (cdk.json holds the project-wide ones). */
const FEATURE_FLAGS = {
  // Server access logs delivered under a bucket policy, not the legacy ACL grant.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-cloudfront:defaultSecurityPolicyTLSv1.2_2021': true,
  '@aws-cdk/aws-s3:createDefaultLoggingPolicy': true,
  // Strong (export/import) references: CloudFormation refuses to delete a
  // stateful resource while a stateless stack still uses it.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
}

export interface BuildAppOptions {
  /** Extra App props (e.g. `outdir`); their `context` is merged over the feature flags. */
  readonly appProps?: AppProps
  /** @default '<repo>/web/dist' */
  readonly siteDir?: string
  /** @default '.build/functions' */
  readonly bundleOutRoot?: string
}

export interface DigitalOfficeApp {
  readonly app: App
  readonly config: AppConfig
  readonly stacks: {
    readonly stateful: StatefulStack
    readonly workflow: WorkflowStack
    readonly api: ApiStack
    readonly ops: OpsStack
    readonly waf: WafStack
    readonly web: WebStack
  }
}

/**
 * Builds the app for one environment.
 * @param envName dev, staging or prod; @default the `env` context value (`-c env=…`), else dev
 */
export function buildApp(envName?: string, options: BuildAppOptions = {}): DigitalOfficeApp {
  const app = new App({ ...options.appProps, context: { ...FEATURE_FLAGS, ...options.appProps?.context } })
  const oidcContext = app.node.tryGetContext('oidc') as unknown
  const config = loadConfig(envName ?? (app.node.tryGetContext('env') as string | undefined) ?? DEFAULT_ENV, {
    // From the command line the context is a JSON string; from code (tests) an object.
    oidc: typeof oidcContext === 'string' ? JSON.parse(oidcContext) : oidcContext,
  })
  const prefix = `do-${config.envName}`
  const env = { account: config.account, region: config.region }
  const bundleOutRoot = options.bundleOutRoot

  const stateful = new StatefulStack(app, `${prefix}-stateful`, {
    env, config,
    description: 'Digital Office: data (table, buckets, keys, user pool, read-model database)',
    terminationProtection: config.envName === 'prod',
  })
  const { resources } = stateful
  const workflow = new WorkflowStack(app, `${prefix}-workflow`, {
    env, config, resources, bundleOutRoot,
    description: 'Digital Office: Step Functions workflows and their task functions',
  })
  const api = new ApiStack(app, `${prefix}-api`, {
    env, config, resources, bundleOutRoot, stateMachines: workflow.stateMachines,
    description: 'Digital Office: HTTP API and its functions',
  })
  const ops = new OpsStack(app, `${prefix}-ops`, {
    env, config, resources, bundleOutRoot,
    stateMachines: workflow.stateMachines,
    api: api.api,
    live: api.live,
    monitoredFunctions: [...Object.values(workflow.functions), ...Object.values(api.functions)],
    description: 'Digital Office: stream projection, scheduled jobs, alarms',
  })
  const waf = new WafStack(app, `${prefix}-waf`, {
    env: { account: config.account, region: 'us-east-1' },
    crossRegionReferences: true,
    config,
    description: 'Digital Office: CloudFront web ACL (us-east-1)',
  })
  const web = new WebStack(app, `${prefix}-web`, {
    env, config,
    crossRegionReferences: true,
    apiDomainName: api.apiDomainName,
    functionUrls: api.functionUrls,
    webAclArn: waf.webAclArn,
    uploadsBucketName: resources.uploadsBucketName,
    siteDir: options.siteDir,
    description: 'Digital Office: site bucket and CloudFront distribution',
  })

  Tags.of(app).add('project', 'digital-office')
  Tags.of(app).add('environment', config.envName)
  Tags.of(app).add('managed-by', 'cdk')
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }))

  return { app, config, stacks: { stateful, workflow, api, ops, waf, web } }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href
if (isEntry) {
  buildApp().app.synth()
}
