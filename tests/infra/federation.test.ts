/**
 * Federation by configuration (issue 13): an OIDC identity provider, the
 * hosted UI's domain and the SPA client's OAuth settings appear in the user
 * pool's stack only when the environment configures one (here with
 * `-c oidc=…`); without it OAuth stays off and there is no domain. Both
 * synths are cdk-nag clean. Also the sessions' settings of the SPA client:
 * short access tokens, revocation on, the reset code's mail in vi/en.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp } from '../../infra/app.js'
import { loadConfig } from '../../infra/config/index.js'
import { nagFindings, resourcesOf, synthesize } from './synth.js'

const OIDC = {
  name: 'VNeID', issuerUrl: 'https://sso.vneid.example.gov.vn', clientId: 'digital-office-staging', clientSecretName: 'do-staging/oidc',
  domainPrefix: 'do-staging-dangnhap', callbackUrls: ['https://vanphongso.example.vn/login/callback'], logoutUrls: ['https://vanphongso.example.vn/login'],
}

// Each test synthesises a whole app (with cdk-nag): on a busy 2-core machine that takes minutes. A wait, not a measure.
vi.setConfig({ testTimeout: 300_000 })

const outdir = mkdtempSync(join(tmpdir(), 'do-infra-oidc-'))
afterAll(() => rmSync(outdir, { recursive: true, force: true }))
// The synths block the worker: done before the tests, each after a pause that lets vitest's pending messages be answered.
const pause = () => new Promise((r) => setTimeout(r, 1000))
beforeAll(async () => { await pause(); synthesize('dev'); await pause(); synthesize('prod') }, 600_000)

describe('OIDC federation by configuration', () => {
  it('is absent by default: no provider, no domain, OAuth off on the SPA client', () => {
    const { templates } = synthesize('dev')
    templates.stateful.resourceCountIs('AWS::Cognito::UserPoolIdentityProvider', 0)
    templates.stateful.resourceCountIs('AWS::Cognito::UserPoolDomain', 0)
    const [client] = Object.values(resourcesOf(templates.stateful, 'AWS::Cognito::UserPoolClient'))
    expect(client.Properties!.AllowedOAuthFlowsUserPoolClient).toBe(false)
    expect(client.Properties!.CallbackURLs).toBeUndefined()
  })

  it('with -c oidc=…: an OIDC provider with the claims mapped, the hosted domain, the code grant to the callback, the secret by reference; cdk-nag clean', () => {
    const built = buildApp('dev', { appProps: { outdir, context: { oidc: JSON.stringify(OIDC) } }, siteDir: join(outdir, 'no-site') })
    built.app.synth()
    const template = Template.fromStack(built.stacks.stateful)

    const [provider] = Object.values(resourcesOf(template, 'AWS::Cognito::UserPoolIdentityProvider'))
    expect(provider.Properties).toMatchObject({
      ProviderName: 'VNeID', ProviderType: 'OIDC',
      ProviderDetails: { client_id: 'digital-office-staging', oidc_issuer: 'https://sso.vneid.example.gov.vn', authorize_scopes: 'openid email profile', attributes_request_method: 'GET' },
      AttributeMapping: { email: 'email', name: 'name' },
    })
    // Resolved by CloudFormation at deploy from Secrets Manager: not in the template.
    expect(JSON.stringify(provider.Properties!.ProviderDetails.client_secret)).toContain('{{resolve:secretsmanager:do-staging/oidc:SecretString:clientSecret')
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'do-staging-dangnhap' })

    const [[clientId, client]] = Object.entries(resourcesOf(template, 'AWS::Cognito::UserPoolClient'))
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: expect.arrayContaining(['openid', 'email', 'profile']),
      CallbackURLs: OIDC.callbackUrls, LogoutURLs: OIDC.logoutUrls,
      SupportedIdentityProviders: ['COGNITO', 'VNeID'],
    })
    // The client names the provider, so it is created after it.
    const [providerId] = Object.keys(resourcesOf(template, 'AWS::Cognito::UserPoolIdentityProvider'))
    expect((template.toJSON().Resources[clientId].DependsOn ?? [])).toContain(providerId)

    const findings = nagFindings(built.stacks.stateful).map((v) => `${v.severity} ${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)
    expect(findings).toEqual([])
  })

  it('refuses a provider configured over plain HTTP or without a callback', () => {
    expect(() => loadConfig('dev', { oidc: { ...OIDC, issuerUrl: 'http://sso.example.vn' } })).toThrow(/issuerUrl/)
    expect(() => loadConfig('dev', { oidc: { ...OIDC, callbackUrls: [] } })).toThrow(/callbackUrls/)
  })
})

describe('the SPA client\'s sessions', () => {
  it('gives 15-minute access tokens and 12-hour refresh tokens, with revocation on; the reset code mail reads in Vietnamese then English', () => {
    const { templates } = synthesize('prod')
    const [client] = Object.values(resourcesOf(templates.stateful, 'AWS::Cognito::UserPoolClient'))
    expect(client.Properties).toMatchObject({ AccessTokenValidity: 15, IdTokenValidity: 15, RefreshTokenValidity: 720, EnableTokenRevocation: true })
    expect(client.Properties!.ExplicitAuthFlows).toContain('ALLOW_REFRESH_TOKEN_AUTH')
    expect(client.Properties!.TokenValidityUnits).toMatchObject({ AccessToken: 'minutes', RefreshToken: 'minutes' })
    const [pool] = Object.values(resourcesOf(templates.stateful, 'AWS::Cognito::UserPool'))
    const message = pool.Properties!.VerificationMessageTemplate
    expect(message.DefaultEmailOption).toBe('CONFIRM_WITH_CODE')
    expect(message.EmailMessage).toMatch(/^Mã đặt lại mật khẩu của bạn là: \{####\}[\s\S]*Your password reset code is: \{####\}/)
  })

  it('mails a new account its temporary password in Vietnamese then English, and gives admin:create the pool, table and audit key, and smoke the API\'s own endpoint, as outputs', () => {
    const { templates } = synthesize('prod')
    const [pool] = Object.values(resourcesOf(templates.stateful, 'AWS::Cognito::UserPool'))
    const invitation = pool.Properties!.AdminCreateUserConfig.InviteMessageTemplate
    expect(invitation.EmailMessage).toMatch(/^Tên đăng nhập: \{username\}\nMật khẩu tạm: \{####\}[\s\S]*Username: \{username\}\nTemporary password: \{####\}/)
    expect(invitation.EmailSubject).toContain('Digital Office')
    const outputs = templates.stateful.toJSON().Outputs as Record<string, { Value: unknown }>
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['UserPoolId', 'TableName', 'AuditKeyArn']))
    expect(JSON.stringify(outputs.TableName!.Value)).toContain('Ref')
    expect(JSON.stringify(outputs.AuditKeyArn!.Value)).toMatch(/AuditKey.*Arn/)
    const next = JSON.stringify((templates.web.toJSON().Outputs as Record<string, { Value: unknown }>).NextSteps!.Value)
    expect(next).toContain('npm run admin:create -- --env prod')
    // npm run smoke -- --env prod: the API's own endpoint, to check it refuses requests around CloudFront.
    expect(JSON.stringify((templates.api.toJSON().Outputs as Record<string, { Value: unknown }>).ExecuteApiUrl!.Value)).toContain('execute-api')
  })
})
