import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CfnOutput, Duration, SecretValue, Stack, Validations, type StackProps } from 'aws-cdk-lib'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import {
  AllowedMethods, CachePolicy, Distribution, Function as CloudFrontFunction, FunctionCode, FunctionEventType, FunctionRuntime,
  GeoRestriction, HeadersFrameOption, HeadersReferrerPolicy, HttpVersion, OriginProtocolPolicy, OriginRequestPolicy,
  OriginSslPolicy, PriceClass, ResponseHeadersPolicy, SecurityPolicyProtocol, ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import { FunctionUrlOrigin, HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import type { IFunctionUrl } from 'aws-cdk-lib/aws-lambda'
import type { BehaviorOptions } from 'aws-cdk-lib/aws-cloudfront'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import { Asset } from 'aws-cdk-lib/aws-s3-assets'
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment'
import type { Construct } from 'constructs'
import { REPO_ROOT } from '../build/bundle.js'
import type { AppConfig } from '../config/index.js'
import { removalPolicyOf } from '../constructs/app-function.js'
import { wildcardResourceFinding } from '../constructs/nag.js'
import { awsCspOrigins, contentSecurityPolicy } from '../definitions/security-headers.js'
import { ORIGIN_VERIFY_HEADER, originVerifySecretName } from './api-stack.js'

export interface WebStackProps extends StackProps {
  readonly config: AppConfig
  /** Host name of the HTTP API endpoint, origin of `/api/*`. */
  readonly apiDomainName: string
  /** ARN of the CLOUDFRONT-scope WAF web ACL (us-east-1). */
  readonly webAclArn: string
  /** Name of the uploads bucket: the SPA PUTs presigned uploads to it and shows page images from it (CSP connect-src, img-src). */
  readonly uploadsBucketName: string
  /**
   * The built SPA. Deployed to the site bucket only when the folder exists,
   * so `cdk synth` works before `npm run build:web`.
   * @default '<repository>/web/dist'
   */
  readonly siteDir?: string
  /**
   * Function URLs that stream (the assistant's answers): `path*` goes to the
   * URL through origin access control, ahead of `/api/*`.
   * @default - none
   */
  readonly functionUrls?: readonly { readonly path: string; readonly url: IFunctionUrl }[]
}

/**
 * Client-side routing without an error-page fallback: paths without a file
 * extension are the SPA's own routes and get index.html. (An error-response
 * fallback would also turn the API's 403/404 answers into index.html.)
 */
const SPA_ROUTING = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) { request.uri = '/index.html'; }
  return request;
}`

/**
 * The site: a private bucket holding web/dist behind CloudFront (origin
 * access control), with `/api/*` forwarded uncached to the HTTP API, the
 * WAF web ACL, security headers and access logs.
 */
export class WebStack extends Stack {
  readonly distribution: Distribution
  readonly siteBucket: Bucket
  /** Whether web/dist was found and is deployed by this stack. */
  readonly deploysSite: boolean

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props)
    const { config } = props
    const prefix = `do-${config.envName}`
    const removalPolicy = removalPolicyOf(config)

    const logs = new Bucket(this, 'Logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(Math.max(config.logRetentionDays, 30)), noncurrentVersionExpiration: Duration.days(7) }],
      removalPolicy,
    })
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the access log destination (CloudFront and the site bucket); logging it into itself would loop.',
    })

    this.siteBucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy,
    })

    const region = config.region
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `${prefix}-security-headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(awsCspOrigins(props.uploadsBucketName, region)),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    })

    const spaRouting = new CloudFrontFunction(this, 'SpaRouting', {
      functionName: `${prefix}-spa-routing`,
      comment: 'Serve index.html for client-side routes',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(SPA_ROUTING),
    })

    const { domainName, certificateArn } = config.web
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Digital Office ${config.envName}`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      domainNames: domainName ? [domainName] : undefined,
      certificate: certificateArn ? Certificate.fromCertificateArn(this, 'Certificate', certificateArn) : undefined,
      // Only meaningful with a custom certificate (the default one is fixed by CloudFront).
      minimumProtocolVersion: certificateArn ? SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      geoRestriction: config.web.geoAllowlist.length ? GeoRestriction.allowlist(...config.web.geoAllowlist) : undefined,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        // Listed first: CloudFront takes the first matching pattern.
        ...Object.fromEntries((props.functionUrls ?? []).map(({ path, url }): [string, BehaviorOptions] => [`${path}*`, {
          // OAC signs each request (SigV4): the SPA sends its token in X-Access-Token and the body's SHA-256 in x-amz-content-sha256.
          origin: FunctionUrlOrigin.withOriginAccessControl(url, { readTimeout: Duration.seconds(60) }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          // Compression would buffer the stream.
          compress: false,
        }])),
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            // The functions refuse /api/* requests without it (the execute-api endpoint reached around the WAF).
            customHeaders: { [ORIGIN_VERIFY_HEADER]: SecretValue.secretsManager(originVerifySecretName(config)).unsafeUnwrap() },
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every viewer header (Authorization, Idempotency-Key, ...) except Host,
          // which must be the API's own host name for API Gateway to route.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    })
    // ── What the operator needs after `cdk deploy` (README: first deployment) ──
    const siteUrl = config.web.domainName ? `https://${config.web.domainName}` : `https://${this.distribution.distributionDomainName}`
    new CfnOutput(this, 'SiteUrl', { description: 'The site (SPA and /api/* through CloudFront and the WAF)', value: siteUrl })
    new CfnOutput(this, 'ApiUrl', { description: 'The HTTP API as clients and the national portal reach it (its execute-api endpoint refuses requests without CloudFront\'s origin-verify header)', value: `${siteUrl}/api` })
    new CfnOutput(this, 'NextSteps', {
      description: 'Commands to run after the first deployment',
      value: [
        `npm run admin:create -- --env ${config.envName} --username <u> --email <address> --full-name "<name>" [--unit-name "<root unit>" --unit-code <code>] (the first administrator)`,
        `aws secretsmanager put-secret-value --secret-id do-${config.envName}/portal --secret-string '{"url":"…","sharedSecret":"…"}' && cdk deploy do-${config.envName}-api`,
        `npm run signing -- --env ${config.envName} (signing keys, README)`,
        `curl -fsS ${siteUrl}/api/health`,
      ].join(' ; '),
    })
    if (!domainName) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: `No custom domain is configured for ${config.envName} yet, so the distribution uses the default *.cloudfront.net certificate, which does not let us pin the viewer TLS policy; TLSv1.2_2021 applies as soon as web.domainName/certificateArn are set.`,
      })
    }
    if (!config.web.geoAllowlist.length) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR1',
        reason: 'Staff sign in from abroad (missions, training); access is controlled by Cognito and WAF. Set web.geoAllowlist to restrict countries.',
      })
    }

    const siteDir = props.siteDir ?? join(REPO_ROOT, 'web', 'dist')
    this.deploysSite = existsSync(siteDir)
    if (this.deploysSite) this.deploySite(siteDir, config)
  }

  /** Uploads web/dist and invalidates the distribution. */
  private deploySite(siteDir: string, config: AppConfig): void {
    const logGroup = new LogGroup(this, 'SiteDeploymentLogs', {
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: removalPolicyOf(config),
    })
    const role = new Role(this, 'SiteDeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies web/dist into the site bucket and invalidates CloudFront',
    })
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }))
    // The asset is staged explicitly so its bucket can be named in the acknowledgements below.
    const asset = new Asset(this, 'SiteAsset', { path: siteDir })
    new BucketDeployment(this, 'SiteDeployment', {
      sources: [Source.bucket(asset.bucket, asset.s3ObjectKey)],
      destinationBucket: this.siteBucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 512,
      role,
      logGroup,
    })
    const grants = 'the grants of the CDK BucketDeployment (read the staged web/dist archive, sync it into the site bucket)'
    Validations.of(role).acknowledge(
      ...['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*'].map((finding) => ({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: `Action set of ${grants}; limited to the CDK assets bucket and the site bucket.`,
      })),
      { id: wildcardResourceFinding(role, asset.bucket.arnForObjects('*')), reason: `Objects of the CDK assets bucket: ${grants}.` },
      { id: wildcardResourceFinding(role, this.siteBucket.arnForObjects('*')), reason: `Objects of the site bucket: ${grants}.` },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'cloudfront:CreateInvalidation/GetInvalidation after a deployment; the CDK handler is granted them on "*".' },
    )
    // The deployment's function is a singleton at stack level, not under the deployment construct.
    for (const child of this.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason: 'Runtime of the CDK-provided BucketDeployment handler, chosen and upgraded by aws-cdk-lib.',
        })
      }
    }

  }
}
