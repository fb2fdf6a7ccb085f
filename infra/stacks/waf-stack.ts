import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2'
import type { Construct } from 'constructs'
import type { AppConfig } from '../config/index.js'

export interface WafStackProps extends StackProps {
  readonly config: AppConfig
}

/** Rules of the common rule set switched to count (with the reason). */
const COMMON_RULE_SET_COUNT_ONLY = [
  // The API accepts JSON bodies above 8 KB (reorganisation requests with many
  // units, decisions with notes); the functions enforce their own limit.
  'SizeRestrictions_BODY',
]

/**
 * The WAFv2 web ACL in front of CloudFront (site and `/api/*`). A web ACL of
 * scope CLOUDFRONT can only live in us-east-1, hence this small stack there;
 * the web stack reads its ARN through a cross-region reference.
 *
 * (A REGIONAL web ACL cannot be attached to an HTTP API stage, so the HTTP
 * API is protected by this one through CloudFront.)
 */
export class WafStack extends Stack {
  readonly webAclArn: string

  constructor(scope: Construct, id: string, props: WafStackProps) {
    super(scope, id, props)
    const { config } = props
    const prefix = `do-${config.envName}`
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName,
    })
    const managed = (name: string, priority: number, countOnly: readonly string[] = []): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ruleActionOverrides: countOnly.length ? countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) : undefined,
        },
      },
      visibilityConfig: visibility(`${prefix}-${name}`),
    })

    const webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${prefix}-web`,
      description: 'Digital Office: site and API behind CloudFront',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${prefix}-web`),
      rules: [
        managed('AWSManagedRulesAmazonIpReputationList', 0),
        {
          name: 'RateLimitPerIp',
          priority: 1,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: config.waf.rateLimitPer5Minutes, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility(`${prefix}-rate-limit`),
        },
        managed('AWSManagedRulesCommonRuleSet', 2, COMMON_RULE_SET_COUNT_ONLY),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    })

    // WAF logs must go to a log group named aws-waf-logs-*.
    const logGroupName = `aws-waf-logs-${prefix}`
    const logs = new LogGroup(this, 'WafLogs', {
      logGroupName,
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: config.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    })
    const logging = new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: webAcl.attrArn,
      logDestinationConfigs: [this.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    })
    logging.node.addDependency(logs)

    this.webAclArn = webAcl.attrArn
  }
}
