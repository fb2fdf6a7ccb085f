/**
 * The WebSocket API of live updates (meetings): API Gateway routes `$connect`,
 * `$disconnect` and the messages (selected by `$request.body.action`) to the
 * `websocket` module's function, on a stage named by the module's path (so
 * `/ws` on CloudFront maps to it as it does on the embedded gateway), with
 * throttling and access logs. Only functions that post get
 * `execute-api:ManageConnections`, on this stage's connections alone.
 */
import { Arn, ArnFormat, Stack, Validations } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import { LogGroupLogDestination, WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2'
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import type { AppConfig } from '../config/index.js'
import { removalPolicyOf } from './app-function.js'
import { wildcardResourceFinding } from './nag.js'

/** One line per connection event: what happened, never a token (the query string is not logged). */
const LIVE_LOG_FORMAT = AccessLogFormat.custom(JSON.stringify({
  requestId: '$context.requestId', connectionId: '$context.connectionId', eventType: '$context.eventType', routeKey: '$context.routeKey',
  ip: '$context.identity.sourceIp', requestTime: '$context.requestTime', status: '$context.status',
  integrationLatency: '$context.integrationLatency', error: '$context.error.message', integrationError: '$context.integrationErrorMessage',
}))

export interface LiveApiProps {
  readonly config: AppConfig
  /** The stage's name: the module's path without its slash (`ws`). */
  readonly stageName: string
}

export class LiveApi extends Construct {
  readonly api: WebSocketApi
  readonly stage: WebSocketStage
  private readonly prefix: string
  private exportedApiId?: string

  constructor(scope: Construct, id: string, props: LiveApiProps) {
    super(scope, id)
    const { config } = props
    const prefix = `do-${config.envName}`
    this.prefix = prefix
    this.api = new WebSocketApi(this, 'Api', {
      apiName: `${prefix}-live`,
      description: 'Digital Office live updates (WebSocket; routes from infra/definitions/modules.ts)',
      routeSelectionExpression: '$request.body.action',
    })
    const logs = new LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${prefix}-live`,
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: removalPolicyOf(config),
    })
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: props.stageName,
      autoDeploy: true,
      throttle: { rateLimit: config.api.throttleRateLimit, burstLimit: config.api.throttleBurstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(logs), format: LIVE_LOG_FORMAT },
    })
  }

  /** The routes, each to `handler`. The token is verified by the function at `$connect`; no other route of a WebSocket API can carry an authorizer. */
  route(handler: IFunction, routes: readonly string[]): void {
    const integration = new WebSocketLambdaIntegration('Integration', handler)
    for (const routeKey of routes) {
      const route = this.api.addRoute(routeKey, { integration })
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: routeKey === '$connect'
          ? '$connect verifies the Cognito token itself (functions/lib/adapters/jwt.ts, the HTTP API authorizer\'s check) and refuses the handshake with 401.'
          : `${routeKey} runs on a connection that passed $connect; API Gateway allows authorizers on $connect only.`,
      })
    }
  }

  /** Posting to this stage's connections (`POST /@connections/{id}`), nothing else. A role of another stack
   *  (the stream-driven broadcast in the ops stack) gets the API's id through a named export, so the ARN (and
   *  the cdk-nag finding it is acknowledged by) resolve inside the role's own stack. */
  grantPost(role: IRole): void {
    const roleStack = Stack.of(role)
    const apiId = roleStack === Stack.of(this) ? this.api.apiId : this.apiIdExport()
    const arn = Arn.format({ service: 'execute-api', resource: apiId, resourceName: `${this.stage.stageName}/POST/@connections/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }, roleStack)
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['execute-api:ManageConnections'], resources: [arn] }))
    Validations.of(role).acknowledge({
      id: wildcardResourceFinding(role, arn),
      reason: 'Connection ids are made by API Gateway per connection; the statement is limited to posting on this one stage.',
    })
  }

  private apiIdExport(): string {
    this.exportedApiId ??= Stack.of(this).exportValue(this.api.apiId, { name: `${this.prefix}-live-api-id` })
    return this.exportedApiId
  }
}
