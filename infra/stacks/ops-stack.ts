import { Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib'
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import {
  Alarm, ComparisonOperator, Dashboard, GraphWidget, MathExpression, Metric, TreatMissingData, type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Key } from 'aws-cdk-lib/aws-kms'
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource, SnsEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources'
import { ConfigurationSet, EmailSendingEvent, EventDestination, ReceiptRuleSet, SuppressionReasons, TlsPolicy } from 'aws-cdk-lib/aws-ses'
import { Lambda as LambdaAction, LambdaInvocationType, S3 as S3Action } from 'aws-cdk-lib/aws-ses-actions'
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import type { Construct } from 'constructs'
import type { AppConfig } from '../config/index.js'
import { AppFunction, inboundMailDomain, removalPolicyOf } from '../constructs/app-function.js'
import { mailConfigurationSetName } from '../constructs/grants.js'
import { INBOUND_MAIL_PREFIX } from '../../shared/table/objects.js'
import type { PlatformResources } from '../constructs/platform-resources.js'
import type { LiveApi } from '../constructs/live-api.js'
import { MODULES } from '../definitions/modules.js'
import { SCHEDULES } from '../definitions/schedules.js'

export interface OpsStackProps extends StackProps {
  readonly config: AppConfig
  readonly resources: PlatformResources
  readonly stateMachines: Readonly<Record<string, IStateMachine>>
  readonly api: IHttpApi
  /** The WebSocket API the live broadcast (a `stream` module with `live` access) posts to. */
  readonly live: LiveApi
  /** Functions of the other stacks, watched by the error alarms. */
  readonly monitoredFunctions: readonly AppFunction[]
  /** @default '.build/functions' */
  readonly bundleOutRoot?: string
}

const FIVE_MINUTES = Duration.minutes(5)

/**
 * Background work and operations: the stream projector (table → read model),
 * the scheduled jobs (EventBridge Scheduler, one schedule per schedules.ts
 * entry), and the alarms that mail the operators.
 */
export class OpsStack extends Stack {
  /** The `stream` and `schedule` functions, by module id. */
  readonly functions: Readonly<Record<string, AppFunction>>
  readonly alarmTopic: Topic
  readonly schedules: Readonly<Record<string, CfnSchedule>>
  /** One CloudWatch dashboard per environment, named `do-<env>`. */
  readonly dashboard: Dashboard

  constructor(scope: Construct, id: string, props: OpsStackProps) {
    super(scope, id, props)
    const { config, resources } = props
    const prefix = `do-${config.envName}`

    const functions: Record<string, AppFunction> = {}
    for (const module of MODULES.filter((m) => m.trigger === 'stream' || m.trigger === 'schedule' || m.trigger === 'mail')) {
      const posts = 'live' in module.access && module.access.live
      functions[module.id] = new AppFunction(this, `Fn-${module.id}`, {
        module, config, resources, bundleOutRoot: props.bundleOutRoot,
        ...(posts ? { environment: { LIVE: 'apigateway', LIVE_CALLBACK_URL: props.live.stage.callbackUrl } } : {}),
      })
      if (posts) props.live.grantPost(functions[module.id].role)
    }
    this.functions = functions

    // ── Stream → read model ─────────────────────────────────────────────────
    const streamFailures = new Queue(this, 'StreamFailures', {
      queueName: `${prefix}-stream-failures`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    Validations.of(streamFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter (on-failure) destination of the table stream event source mapping.',
    })
    for (const module of MODULES.filter((m) => m.trigger === 'stream')) {
      const fn = functions[module.id]
      fn.function.addEventSource(new DynamoEventSource(resources.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        // The projector returns the record it could not project (batchItemFailures): Lambda retries from it.
        bisectBatchOnError: false,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(streamFailures),
        // The live broadcast sees only meetings and votes being written (the projector sees every item).
        ...(module.id === 'meetings-stream' ? {
          filters: [FilterCriteria.filter({ eventName: FilterRule.or('INSERT', 'MODIFY'), dynamodb: { NewImage: { entity: { S: FilterRule.or('meeting', 'vote') } } } })],
          maxBatchingWindow: Duration.seconds(0),
        } : {}),
      }))
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Besides X-Ray, dynamodb:ListStreams (needed by the stream event source mapping) has no resource-level permissions; the other stream actions are scoped to the table stream ARN.',
      })
    }

    // ── Official mail (SES) ─────────────────────────────────────────────────
    // Sent: every mail with the configuration set, whose bounces and complaints reach the mail function
    // through an encrypted topic (it writes the suppression list the mail port reads before sending).
    const mailKey = new Key(this, 'MailEventsKey', {
      alias: `alias/${prefix}/mail-events`,
      description: 'Digital Office: encryption of the SES event topic (SES must be able to use it)',
      enableKeyRotation: true,
      removalPolicy: removalPolicyOf(config),
    })
    mailKey.grant(new ServicePrincipal('ses.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey')
    const mailEvents = new Topic(this, 'MailEvents', { topicName: `${prefix}-mail-events`, masterKey: mailKey, enforceSSL: true })
    const configurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {
      configurationSetName: mailConfigurationSetName(config),
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    })
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(mailEvents),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    })
    const mailFn = functions.mail
    mailFn.function.addEventSource(new SnsEventSource(mailEvents))
    // Received: units' official addresses; the raw mail into the uploads bucket, then the mail function.
    // A receipt rule set is active only once activated (one per account and region): see the README's runbook.
    resources.dataKey.grant(new ServicePrincipal('ses.amazonaws.com'), 'kms:GenerateDataKey*', 'kms:Encrypt')
    new ReceiptRuleSet(this, 'InboundMail', {
      receiptRuleSetName: `${prefix}-inbound-mail`,
      rules: [{
        recipients: [inboundMailDomain(config)],
        scanEnabled: true,
        tlsPolicy: TlsPolicy.REQUIRE,
        actions: [
          new S3Action({ bucket: resources.uploadsBucket, objectKeyPrefix: INBOUND_MAIL_PREFIX }),
          new LambdaAction({ function: mailFn.function, invocationType: LambdaInvocationType.EVENT }),
        ],
      }],
    })

    // ── Scheduled jobs ──────────────────────────────────────────────────────
    const scheduleFailures = new Queue(this, 'ScheduleFailures', {
      queueName: `${prefix}-schedule-failures`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    Validations.of(scheduleFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the EventBridge Scheduler schedules.',
    })
    const schedules: Record<string, CfnSchedule> = {}
    for (const schedule of SCHEDULES) {
      const fn = functions[schedule.module]
      if (!fn || fn.module.trigger !== 'schedule') throw new Error(`Schedule ${schedule.id} targets "${schedule.module}", which is not a schedule module`)
      const role = new Role(this, `ScheduleRole-${schedule.id}`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
        description: `EventBridge Scheduler: ${schedule.id} may invoke ${fn.module.id} only`,
        inlinePolicies: {
          invoke: new PolicyDocument({
            statements: [
              new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.function.functionArn] }),
              new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [scheduleFailures.queueArn] }),
            ],
          }),
        },
      })
      schedules[schedule.id] = new CfnSchedule(this, `Schedule-${schedule.id}`, {
        name: `${prefix}-${schedule.id}`,
        description: schedule.description,
        scheduleExpression: `cron(${schedule.cron})`,
        scheduleExpressionTimezone: schedule.timezone,
        flexibleTimeWindow: { mode: 'OFF' },
        state: 'ENABLED',
        target: {
          arn: fn.function.functionArn,
          roleArn: role.roleArn,
          input: JSON.stringify(schedule.input),
          deadLetterConfig: { arn: scheduleFailures.queueArn },
          retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 },
        },
      })
    }
    this.schedules = schedules

    // ── Alarms ──────────────────────────────────────────────────────────────
    const alarmKey = new Key(this, 'AlarmTopicKey', {
      alias: `alias/${prefix}/alarms`,
      description: 'Digital Office: encryption of the alarm topic (CloudWatch must be able to use it)',
      enableKeyRotation: true,
      removalPolicy: removalPolicyOf(config),
    })
    alarmKey.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey')
    this.alarmTopic = new Topic(this, 'Alarms', {
      topicName: `${prefix}-alarms`,
      displayName: `Digital Office ${config.envName} alarms`,
      masterKey: alarmKey,
      enforceSSL: true,
    })
    this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail))
    const notify = new SnsAction(this.alarmTopic)

    const alarm = (id: string, description: string, metric: IMetric, threshold = 1): Alarm => {
      const a = new Alarm(this, id, {
        alarmName: `${prefix}-${id}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      })
      a.addAlarmAction(notify)
      return a
    }

    for (const fn of [...props.monitoredFunctions, ...Object.values(functions)]) {
      alarm(`lambda-errors-${fn.module.id}`, `Function ${fn.module.id} reported errors`,
        fn.function.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }))
    }
    for (const [workflowId, stateMachine] of Object.entries(props.stateMachines)) {
      alarm(`workflow-failures-${workflowId}`, `Workflow ${workflowId}: executions failed, timed out or aborted`, new MathExpression({
        expression: 'failed + timedOut + aborted',
        period: FIVE_MINUTES,
        usingMetrics: {
          failed: stateMachine.metricFailed({ statistic: 'Sum' }),
          timedOut: stateMachine.metricTimedOut({ statistic: 'Sum' }),
          aborted: stateMachine.metricAborted({ statistic: 'Sum' }),
        },
      }))
    }
    alarm('api-5xx', 'HTTP API answered 5xx', props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), 5)
    alarm('table-throttles', 'The table throttled reads or writes', new MathExpression({
      expression: 'reads + writes',
      period: FIVE_MINUTES,
      usingMetrics: {
        reads: resources.table.metric('ReadThrottleEvents', { statistic: 'Sum' }),
        writes: resources.table.metric('WriteThrottleEvents', { statistic: 'Sum' }),
      },
    }))
    alarm('stream-failures', 'Stream records the read model could not project (see the stream failure queue)',
      streamFailures.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }))
    alarm('schedule-failures', 'Scheduled job invocations that failed (see the schedule failure queue)',
      scheduleFailures.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }))

    // The read model falling behind the table (lists and search show old data), functions throttled, Aurora at its ceiling.
    const allFunctions = [...props.monitoredFunctions, ...Object.values(functions)]
    const iteratorAges = MODULES.filter((m) => m.trigger === 'stream').map((m) => functions[m.id].function.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' }))
    iteratorAges.forEach((age, i) => alarm(`stream-iterator-age${i ? `-${i}` : ''}`, 'The read model is more than 5 minutes behind the table (stream iterator age)', age, 5 * 60 * 1000))
    for (const fn of allFunctions) {
      alarm(`lambda-throttles-${fn.module.id}`, `Function ${fn.module.id} was throttled (concurrency limit)`, fn.function.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }))
    }
    const clusterIdentifier = `${prefix}-read-model`
    const acuUtilization = new Metric({ namespace: 'AWS/RDS', metricName: 'ACUUtilization', dimensionsMap: { DBClusterIdentifier: clusterIdentifier }, period: FIVE_MINUTES, statistic: 'Average' })
    const capacity = new Metric({ namespace: 'AWS/RDS', metricName: 'ServerlessDatabaseCapacity', dimensionsMap: { DBClusterIdentifier: clusterIdentifier }, period: FIVE_MINUTES, statistic: 'Maximum' })
    alarm('aurora-capacity', `The read model runs at 90% of its maximum capacity (${config.database.maxAcu} ACU): raise database.maxAcu`, acuUtilization, 90)

    // ── Dashboard ───────────────────────────────────────────────────────────
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: prefix,
      widgets: [
        [
          new GraphWidget({ title: 'API: 4xx, 5xx', left: [props.api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }), props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' })], width: 8 }),
          new GraphWidget({ title: 'API: latency p95 (ms)', left: [props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p95' })], width: 8 }),
          new GraphWidget({ title: 'Read model behind the table (ms)', left: iteratorAges, width: 8 }),
        ],
        [
          new GraphWidget({ title: 'Function errors', left: allFunctions.map((f) => f.function.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: f.module.id })), width: 8 }),
          new GraphWidget({ title: 'Function throttles', left: allFunctions.map((f) => f.function.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum', label: f.module.id })), width: 8 }),
          new GraphWidget({ title: 'Aurora capacity (ACU, % of max)', left: [capacity], right: [acuUtilization], width: 8 }),
        ],
        [
          new GraphWidget({ title: 'Failure queues (stream, schedules)', left: [
            streamFailures.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum', label: 'stream' }),
            scheduleFailures.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum', label: 'schedules' }),
          ], width: 12 }),
          new GraphWidget({ title: 'Table throttles', left: [resources.table.metric('ReadThrottleEvents', { statistic: 'Sum', period: FIVE_MINUTES }), resources.table.metric('WriteThrottleEvents', { statistic: 'Sum', period: FIVE_MINUTES })], width: 12 }),
        ],
      ],
    })
  }
}
