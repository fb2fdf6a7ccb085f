/** Sign-in: the Cognito user pool (no self sign-up, TOTP MFA) and the SPA's public client. */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import { AccountRecovery, FeaturePlan, Mfa, StandardThreatProtectionMode, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito'
import { Construct } from 'constructs'
import { PASSWORD_POLICY } from '../../../shared/auth/password-policy.js'

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
}

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
      passwordPolicy: { ...PASSWORD_POLICY, tempPasswordValidity: Duration.days(3) },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
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
    this.userPoolClient = this.userPool.addClient('SpaClient', {
      userPoolClientName: `${props.prefix}-spa`,
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    })
  }
}
