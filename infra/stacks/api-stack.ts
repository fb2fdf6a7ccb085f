import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib'
import { Secret } from 'aws-cdk-lib/aws-secretsmanager'
import { Trigger } from 'aws-cdk-lib/triggers'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import {
  CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { FunctionUrlAuthType, InvokeMode, type FunctionUrl } from 'aws-cdk-lib/aws-lambda'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { AssistantGuardrail } from '../constructs/assistant-guardrail.js'
import { LiveApi } from '../constructs/live-api.js'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import type { Construct } from 'constructs'
import type { AppConfig } from '../config/index.js'
import { AppFunction, removalPolicyOf } from '../constructs/app-function.js'
import type { PlatformResources } from '../constructs/platform-resources.js'
import { MODULES } from '../definitions/modules.js'
import { ROUTES, routeKey } from '../definitions/routes.js'

/** The origin-verify secret's name, fixed so the web stack resolves it without a cross-stack reference. */
export const originVerifySecretName = (config: AppConfig): string => `do-${config.envName}/edge/origin-verify`

/** The header CloudFront adds and the functions check. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify'

export interface ApiStackProps extends StackProps {
  readonly config: AppConfig
  readonly resources: PlatformResources
  /** State machines by workflow id (for modules that start or answer workflows). */
  readonly stateMachines: Readonly<Record<string, IStateMachine>>
  /** @default '.build/functions' */
  readonly bundleOutRoot?: string
}

/** HTTP API access log line: what happened, never a token. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
}))

/**
 * The HTTP API: one route per entry of routes.ts (the table the embedded
 * gateway also serves), a Cognito JWT authorizer on `auth: 'jwt'` routes,
 * and one Lambda function per `http` module.
 */
export class ApiStack extends Stack {
  readonly api: HttpApi
  readonly stage: HttpStage
  /** The `http` functions, by module id. */
  readonly functions: Readonly<Record<string, AppFunction>>
  /** Host name of the API's default endpoint (the CloudFront `/api/*` origin). */
  readonly apiDomainName: string
  /** Function URLs that stream their response (modules.ts `functionUrl`), for CloudFront to route `path` to. */
  readonly functionUrls: readonly { readonly path: string; readonly url: FunctionUrl }[]
  /** The WebSocket API of live updates (meetings). */
  readonly live: LiveApi
  /** The assistant's guardrail, when this environment answers with Bedrock and names no existing guardrail. */
  readonly guardrail?: AssistantGuardrail
  /** Runs the read-model migrations at deploy, before the stage and the other functions. */
  readonly migrations: Trigger
  /** The value CloudFront sends as `x-origin-verify` (functions refuse a request without it). */
  readonly originVerifySecret: Secret

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props)
    const { config, resources } = props
    const prefix = `do-${config.envName}`

    // CloudFront adds this secret as `x-origin-verify` to every /api/* request and the functions refuse a request
    // without it: the API's own execute-api endpoint (around the WAF) answers 403. No data: deleted with the stack.
    const originVerify = new Secret(this, 'OriginVerify', {
      secretName: originVerifySecretName(config),
      description: 'Digital Office: the header CloudFront adds to /api/* requests (x-origin-verify); rotate with README "Origin verify"',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: RemovalPolicy.DESTROY,
    })
    Validations.of(originVerify).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Not a credential of a service that can rotate it: CloudFront and the functions read it at deploy; rotating is a new value and a deploy of the api and web stacks (README runbook).',
    })
    this.originVerifySecret = originVerify
    const functions: Record<string, AppFunction> = {}
    const functionUrls: { path: string; url: FunctionUrl }[] = []
    const guardrail = config.assistant.engine === 'bedrock' && !config.assistant.guardrailId ? new AssistantGuardrail(this, 'AssistantGuardrail', { config }) : undefined
    this.guardrail = guardrail
    const socketModule = MODULES.find((m) => m.trigger === 'websocket')
    if (!socketModule || !('websocket' in socketModule)) throw new Error('modules.ts has no websocket module')
    this.live = new LiveApi(this, 'Live', { config, stageName: socketModule.websocket.path.slice(1) })
    for (const module of MODULES.filter((m) => m.trigger === 'http' || m.trigger === 'websocket')) {
      const streams = 'functionUrl' in module ? module.functionUrl : undefined
      const posts = 'live' in module.access && module.access.live
      const guarded = guardrail && 'bedrock' in module.access && module.access.bedrock
      functions[module.id] = new AppFunction(this, `Fn-${module.id}`, {
        module, config, resources, workflows: props.stateMachines, bundleOutRoot: props.bundleOutRoot,
        environment: {
          // A function URL and a WebSocket $connect have no JWT authorizer in front: the function verifies the Cognito token itself.
          ...(streams || module.trigger === 'websocket' ? {
            JWT_ISSUER: `https://cognito-idp.${this.region}.amazonaws.com/${resources.userPool.userPoolId}`,
            JWT_AUDIENCE: resources.userPoolClient.userPoolClientId,
          } : {}),
          ...(posts ? { LIVE: 'apigateway', LIVE_CALLBACK_URL: this.live.stage.callbackUrl } : {}),
          ...(module.trigger === 'http' ? { ORIGIN_VERIFY: originVerify.secretValue.unsafeUnwrap() } : {}),
          ...(guarded ? { BEDROCK_GUARDRAIL_ID: guardrail.guardrailId, BEDROCK_GUARDRAIL_VERSION: guardrail.guardrailVersion } : {}),
        },
      })
      if (posts) this.live.grantPost(functions[module.id].role)
      if (guarded) {
        functions[module.id].role.addToPrincipalPolicy(new PolicyStatement({ actions: ['bedrock:ApplyGuardrail'], resources: [guardrail.guardrailArn, guardrail.guardrailProfileArn] }))
      }
      if (streams) {
        // Only CloudFront may call it (origin access control signs with SigV4); the response streams as written.
        const url = functions[module.id].function.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM, invokeMode: InvokeMode.RESPONSE_STREAM })
        functionUrls.push({ path: streams.path, url })
      }
    }
    this.functions = functions
    this.functionUrls = functionUrls
    this.live.route(functions[socketModule.id].function, socketModule.websocket.routes)
    new CfnOutput(this, 'LiveUrl', { description: 'WebSocket URL of live updates (meetings): connect with ?token= or the token as a subprotocol', value: this.live.stage.url })

    const corsOrigins = [...config.web.corsOrigins, ...(config.web.domainName ? [`https://${config.web.domainName}`] : [])]
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `${prefix}-api`,
      description: 'Digital Office HTTP API (routes from infra/definitions/routes.ts)',
      createDefaultStage: false,
      corsPreflight: corsOrigins.length === 0 ? undefined : {
        allowOrigins: corsOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language'],
        maxAge: Duration.hours(1),
      },
    })

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${prefix}-api`,
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: removalPolicyOf(config),
    })
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.api.throttleRateLimit, burstLimit: config.api.throttleBurstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    })

    const jwt = new HttpJwtAuthorizer('CognitoJwt', `https://cognito-idp.${this.region}.amazonaws.com/${resources.userPool.userPoolId}`, {
      authorizerName: `${prefix}-cognito`,
      identitySource: ['$request.header.Authorization'],
      // Cognito access tokens carry client_id, which the JWT authorizer matches against the audience.
      jwtAudience: [resources.userPoolClient.userPoolClientId],
    })
    const integrations = new Map<string, HttpLambdaIntegration>()
    for (const route of ROUTES) {
      const fn = functions[route.module]
      if (!fn || fn.module.trigger !== 'http') throw new Error(`Route ${routeKey(route)} targets "${route.module}", which is not an http module`)
      let integration = integrations.get(route.module)
      if (!integration) {
        // One Lambda permission per function (any route of this API), not one per route: a function's
        // resource policy stays far from its 20 KB limit however many routes it serves.
        integration = new HttpLambdaIntegration(`Integration-${route.module}`, fn.function, { scopePermissionToRoute: false })
        integrations.set(route.module, integration)
      }
      // Construct ids cannot hold '/': `Route GET api.units.{unitId}`.
      const httpRoute = new HttpRoute(this, `Route ${route.method} ${route.path.slice(1).replaceAll('/', '.')}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        authorizer: route.auth === 'jwt' ? jwt : new HttpNoneAuthorizer(),
      })
      if (route.auth === 'none') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey(route)} is public by design (routes.ts auth: 'none'): sign-in and health check run before a user has a token.`,
        })
      }
    }

    // ── Read-model migrations, at every deployment, before the stage (and so the API) goes live ──
    const migrationsModule = MODULES.find((m) => m.trigger === 'deploy')
    if (!migrationsModule) throw new Error('modules.ts has no deploy module (read-model migrations)')
    const migrations = new AppFunction(this, `Fn-${migrationsModule.id}`, { module: migrationsModule, config, resources, bundleOutRoot: props.bundleOutRoot })
    functions[migrationsModule.id] = migrations
    // Re-run whenever the function changes (a new migration is new code); a failure fails the deployment.
    this.migrations = new Trigger(this, 'MigrateReadModel', {
      handler: migrations.function,
      timeout: Duration.minutes(10),
      executeOnHandlerChange: true,
      executeBefore: [this.stage, ...Object.values(functions).filter((f) => f !== migrations).map((f) => f.function)],
    })

    this.apiDomainName = `${this.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`
    // `npm run smoke -- --env <env>` checks that this endpoint refuses requests that did not come through CloudFront.
    new CfnOutput(this, 'ExecuteApiUrl', { description: 'The HTTP API\'s own endpoint (refuses requests without CloudFront\'s origin-verify header; npm run smoke checks it)', value: `https://${this.apiDomainName}` })
  }
}
