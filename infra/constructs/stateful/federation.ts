/**
 * Federation by configuration (issue 13): an OIDC identity provider of the
 * user pool (the national VNeID-style login), the hosted UI's Cognito domain,
 * and the SPA client's OAuth settings (authorization code grant, the callback
 * and sign-out URLs). Absent from the template unless `auth.oidc` is set for
 * the environment (or `-c oidc=…`). The provider's client secret is a
 * CloudFormation dynamic reference to Secrets Manager, resolved at deploy: it
 * is never in the template or the config.
 */
import { SecretValue } from 'aws-cdk-lib'
import {
  OAuthScope, OidcAttributeRequestMethod, ProviderAttribute, UserPoolClientIdentityProvider, UserPoolIdentityProviderOidc,
  type OAuthSettings, type UserPool,
} from 'aws-cdk-lib/aws-cognito'
import type { Construct } from 'constructs'
import type { OidcConfig } from '../../config/types.js'

export interface Federation {
  readonly oAuth: OAuthSettings
  readonly supportedIdentityProviders: UserPoolClientIdentityProvider[]
  readonly provider: UserPoolIdentityProviderOidc
}

export function addOidcFederation(scope: Construct, userPool: UserPool, oidc: OidcConfig): Federation {
  const provider = new UserPoolIdentityProviderOidc(scope, 'OidcProvider', {
    userPool,
    name: oidc.name,
    clientId: oidc.clientId,
    clientSecret: SecretValue.secretsManager(oidc.clientSecretName, { jsonField: 'clientSecret' }).unsafeUnwrap(),
    issuerUrl: oidc.issuerUrl,
    scopes: oidc.scopes,
    attributeRequestMethod: OidcAttributeRequestMethod.GET,
    attributeMapping: {
      email: ProviderAttribute.other(oidc.attributeMapping.email),
      ...(oidc.attributeMapping.fullname ? { fullname: ProviderAttribute.other(oidc.attributeMapping.fullname) } : {}),
    },
  })
  userPool.addDomain('HostedDomain', { cognitoDomain: { domainPrefix: oidc.domainPrefix } })
  return {
    provider,
    supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO, UserPoolClientIdentityProvider.custom(oidc.name)],
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: oidc.callbackUrls,
      logoutUrls: oidc.logoutUrls,
    },
  }
}
