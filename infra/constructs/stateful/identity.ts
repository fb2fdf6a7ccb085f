/** Sign-in: the Cognito user pool (no self sign-up, TOTP MFA) and the SPA's public client. */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import { AccountRecovery, FeaturePlan, Mfa, StandardThreatProtectionMode, UserPool, VerificationEmailStyle, type UserPoolClient } from 'aws-cdk-lib/aws-cognito'
import { Construct } from 'constructs'
import { PASSWORD_POLICY } from '../../../shared/auth/password-policy.js'
import { resetCodeMail } from '../../../shared/auth/reset-mail.js'
import { invitationMail } from '../../../shared/auth/invitation-mail.js'
import type { OidcConfig } from '../../config/types.js'
import { addOidcFederation } from './federation.js'

export interface PlatformIdentityProps {
  /** Prefix of the pool's and client's names, e.g. `do-prod`. */
  readonly prefix: string
  /** Named in the reasons of cdk-nag acknowledgements. */
  readonly envName: string
  /**
   * `required` in staging and prod (the config schema refuses less there).
   * @default 'required'
   */
  readonly mfa?: 'required' | 'optional'
  /**
   * `PLUS` turns on threat protection (billed per user).
   * @default 'PLUS'
   */
  readonly featurePlan?: 'ESSENTIALS' | 'PLUS'
  /** @default true */
  readonly deletionProtection?: boolean
  /** @default RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE */
  readonly removalPolicy?: RemovalPolicy
  /** An OIDC identity provider with the hosted domain and OAuth on the SPA client (federation.ts); none by default. */
  readonly oidc?: OidcConfig
}

/** How long a temporary password (a new account's) works. */
const TEMPORARY_PASSWORD_DAYS = 3

export class PlatformIdentity extends Construct {
  readonly userPool: UserPool
  readonly userPoolClient: UserPoolClient

  constructor(scope: Construct, id: string, props: PlatformIdentityProps) {
    super(scope, id)
    const plus = (props.featurePlan ?? 'PLUS') === 'PLUS'
    const mfaRequired = (props.mfa ?? 'required') === 'required'
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${props.prefix}-users`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      mfa: mfaRequired ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { ...PASSWORD_POLICY, tempPasswordValidity: Duration.days(TEMPORARY_PASSWORD_DAYS) },
      // The temporary password's mail (AdminCreateUser without SUPPRESS, e.g. npm run admin:create), in vi then en.
      userInvitation: { emailSubject: invitationMail('{username}', '{####}', TEMPORARY_PASSWORD_DAYS).subject, emailBody: invitationMail('{username}', '{####}', TEMPORARY_PASSWORD_DAYS).text },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // The forgotten-password code's mail: the embedded issuer's text (shared/auth/reset-mail.ts), Cognito's placeholder.
      userVerification: { emailStyle: VerificationEmailStyle.CODE, emailSubject: resetCodeMail('{####}', 60).subject, emailBody: resetCodeMail('{####}', 60).text },
      featurePlan: plus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: plus ? StandardThreatProtectionMode.FULL_FUNCTION : undefined,
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    })
    if (!mfaRequired) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: `MFA is optional in ${props.envName} only (demo and test accounts); the config schema refuses optional MFA in staging and prod.`,
      })
    }
    if (!plus) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason: `${props.envName} holds synthetic users only; the Plus plan (threat protection) is billed per user and is enabled in staging and prod.`,
      })
    }
    const federation = props.oidc ? addOidcFederation(this, this.userPool, props.oidc) : undefined
    this.userPoolClient = this.userPool.addClient('SpaClient', {
      userPoolClientName: `${props.prefix}-spa`,
      generateSecret: false,
      // USER_PASSWORD_AUTH is what the sign-in Lambda uses; REFRESH_TOKEN_AUTH is always allowed.
      authFlows: { userPassword: true, userSrp: true },
      ...(federation ? { oAuth: federation.oAuth, supportedIdentityProviders: federation.supportedIdentityProviders } : { disableOAuth: true }),
      preventUserExistenceErrors: true,
      // Sign-out is RevokeToken (functions/lib/adapters/identity-cognito.ts).
      enableTokenRevocation: true,
      // Short access tokens (the API Gateway authorizer cannot see a revocation; a token outlives sign-out by at most this).
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.hours(12),
    })
    if (federation) this.userPoolClient.node.addDependency(federation.provider)
  }
}
