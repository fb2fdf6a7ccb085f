/**
 * The SPA's security headers, one source for both hosts: CloudFront's
 * response headers policy (infra/stacks/web-stack.ts) and the embedded
 * gateway serving web/dist (infra/local/gateway.ts). Only the origins the
 * SPA talks to differ: the uploads bucket (presigned PUTs, and the page
 * images and PDFs it shows from presigned GETs) and, on AWS, Cognito.
 */
export interface CspOrigins {
  /** Origin of the uploads bucket's presigned URLs (connect-src and img-src). */
  readonly uploads: string
  /** Further origins the SPA calls with fetch (connect-src). */
  readonly connect?: readonly string[]
}

export function contentSecurityPolicy(origins: CspOrigins): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine injects style tags at run time.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${origins.uploads}`,
    "font-src 'self' data:",
    ['connect-src', "'self'", origins.uploads, ...(origins.connect ?? [])].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ')
}

/** The origins on AWS: the uploads bucket's regional virtual-hosted endpoint and Cognito's. */
export function awsCspOrigins(uploadsBucketName: string, region: string): CspOrigins {
  return { uploads: `https://${uploadsBucketName}.s3.${region}.amazonaws.com`, connect: [`https://cognito-idp.${region}.amazonaws.com`] }
}

/** The headers besides the CSP, as both hosts send them (CloudFront adds HSTS, meaningless over local http). */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin'
export const FRAME_OPTIONS = 'DENY'
