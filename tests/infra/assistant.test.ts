import { describe, expect, it } from 'vitest'
import { synthesize, type Resource } from './synth.js'
import { loadConfig } from '../../infra/config/index.js'

const byType = (resources: Record<string, Resource>, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type)

describe('assistant on AWS (dev)', () => {
  const { templates } = synthesize('dev')
  const functions = (key: 'api' | 'ops') => byType(templates[key].toJSON().Resources as Record<string, Resource>, 'AWS::Lambda::Function')
  const envOf = (key: 'api' | 'ops', id: string) => functions(key).find(([, r]) => String(r.Properties?.Description ?? '').startsWith(id))?.[1].Properties?.Environment?.Variables

  it('runs the assistant and the projector with the environment\'s Bedrock engine and models', () => {
    const assistant = envOf('api', 'Assistant')
    expect(assistant).toMatchObject({ ASSISTANT_ENGINE: 'bedrock', BEDROCK_MODEL_ID: 'apac.anthropic.claude-sonnet-4-20250514-v1:0', BEDROCK_EMBEDDING_MODEL_ID: 'cohere.embed-multilingual-v3', READ_MODEL: 'data-api' })
    expect(envOf('ops', 'Projects the table stream')).toMatchObject({ ASSISTANT_ENGINE: 'bedrock', UPLOADS_BUCKET: expect.anything() })
  })

  it('lets the assistant invoke only the configured models', () => {
    const policies = byType(templates.api.toJSON().Resources as Record<string, Resource>, 'AWS::IAM::Policy')
    const statements = policies.flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
    const bedrock = statements.filter((s) => [s.Action].flat().includes('bedrock:InvokeModel'))
    expect(bedrock.length).toBeGreaterThan(0)
    const resources = JSON.stringify(bedrock.map((s) => s.Resource))
    expect(resources).toContain('foundation-model/anthropic.claude-sonnet-4-20250514-v1:0')
    expect(resources).toContain('foundation-model/cohere.embed-multilingual-v3')
    expect(resources).not.toMatch(/foundation-model\/\*"/)
  })

  it('serves the streamed answers from a function URL in RESPONSE_STREAM mode that only CloudFront may call, verifying the token itself', () => {
    const api = templates.api.toJSON().Resources as Record<string, Resource>
    const urls = byType(api, 'AWS::Lambda::Url')
    expect(urls).toHaveLength(1)
    const [, url] = urls[0]
    expect(url.Properties).toMatchObject({ AuthType: 'AWS_IAM', InvokeMode: 'RESPONSE_STREAM' })
    const target = api[url.Properties!.TargetFunctionArn['Fn::GetAtt'][0]]
    expect(target.Properties!.FunctionName).toBe('do-dev-assistant-stream')
    expect(target.Properties!.Environment.Variables).toMatchObject({
      JWT_ISSUER: { 'Fn::Join': ['', expect.arrayContaining([expect.stringContaining('https://cognito-idp.')])] },
      JWT_AUDIENCE: expect.anything(), IDENTITY: 'cognito', ASSISTANT_ENGINE: 'bedrock',
    })
    // Not a route of the HTTP API, which would buffer it.
    const routes = byType(api, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties!.RouteKey)
    expect(routes).toContain('POST /api/assistant/ask')
    expect(routes.some((k: string) => k.includes('/api/assistant/stream'))).toBe(false)

    const web = templates.web.toJSON().Resources as Record<string, Resource>
    const [, distribution] = byType(web, 'AWS::CloudFront::Distribution')[0]
    const config = distribution.Properties!.DistributionConfig
    const patterns = config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)
    expect(patterns.indexOf('/api/assistant/stream*')).toBeGreaterThanOrEqual(0)
    expect(patterns.indexOf('/api/assistant/stream*')).toBeLessThan(patterns.indexOf('/api/*'))
    const behavior = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/assistant/stream*')
    expect(behavior).toMatchObject({ ViewerProtocolPolicy: 'https-only', Compress: false, AllowedMethods: expect.arrayContaining(['POST']) })
    const origin = config.Origins.find((o: { Id: string }) => o.Id === behavior.TargetOriginId)
    expect(origin.OriginAccessControlId).toBeDefined()
    const [, oac] = byType(web, 'AWS::CloudFront::OriginAccessControl').find(([, r]) => r.Properties!.OriginAccessControlConfig.OriginAccessControlOriginType === 'lambda')!
    expect(oac.Properties!.OriginAccessControlConfig).toMatchObject({ SigningBehavior: 'always', SigningProtocol: 'sigv4' })
    const permissions = byType(web, 'AWS::Lambda::Permission').map(([, r]) => r.Properties!)
    expect(permissions).toEqual(expect.arrayContaining([expect.objectContaining({ Action: 'lambda:InvokeFunctionUrl', Principal: 'cloudfront.amazonaws.com' })]))
  })

  it('creates the environment\'s guardrail and a published version, and answers under that version only', () => {
    const api = templates.api.toJSON().Resources as Record<string, Resource>
    const [[guardrailId, guardrail]] = byType(api, 'AWS::Bedrock::Guardrail')
    const p = guardrail.Properties!
    expect(p.Name).toBe('do-dev-assistant')
    expect(p.BlockedInputMessaging).toMatch(/^Câu hỏi này không được trợ lý xử lý/)
    expect(p.BlockedOutputsMessaging).toMatch(/^Trợ lý không đưa ra câu trả lời này/)
    expect(p.ContentPolicyConfig.FiltersConfig).toEqual(expect.arrayContaining([
      { Type: 'PROMPT_ATTACK', InputStrength: 'HIGH', OutputStrength: 'NONE' },
      { Type: 'MISCONDUCT', InputStrength: 'HIGH', OutputStrength: 'HIGH' },
    ]))
    expect(p.TopicPolicyConfig.TopicsConfig[0]).toMatchObject({ Name: 'ClassifiedInformation', Type: 'DENY' })
    expect(p.SensitiveInformationPolicyConfig.PiiEntitiesConfig).toEqual(expect.arrayContaining([{ Type: 'PASSWORD', Action: 'BLOCK' }, { Type: 'EMAIL', Action: 'ANONYMIZE' }]))
    expect(p.SensitiveInformationPolicyConfig.RegexesConfig[0]).toMatchObject({ Name: 'CitizenIdentityNumber', Action: 'ANONYMIZE' })
    expect(p.SensitiveInformationPolicyConfig.RegexesConfig[1]).toMatchObject({ Name: 'SecretLookingToken', Action: 'ANONYMIZE' })
    expect(new RegExp(p.SensitiveInformationPolicyConfig.RegexesConfig[1].Pattern).test('sk-live-7Qz93PfXw2')).toBe(true)
    expect(p.TopicPolicyConfig.TopicsConfig[1]).toMatchObject({ Name: 'Credentials', Type: 'DENY' })
    expect(p.ContextualGroundingPolicyConfig.FiltersConfig).toEqual(expect.arrayContaining([{ Type: 'GROUNDING', Threshold: 0.75 }]))

    const [[versionId, version]] = byType(api, 'AWS::Bedrock::GuardrailVersion')
    expect(version.Properties!.GuardrailIdentifier).toEqual({ 'Fn::GetAtt': [guardrailId, 'GuardrailId'] })
    for (const name of ['do-dev-assistant', 'do-dev-assistant-stream']) {
      const [, fn] = functions('api').find(([, r]) => r.Properties!.FunctionName === name)!
      expect(fn.Properties!.Environment.Variables).toMatchObject({
        BEDROCK_GUARDRAIL_ID: { 'Fn::GetAtt': [guardrailId, 'GuardrailId'] },
        BEDROCK_GUARDRAIL_VERSION: { 'Fn::GetAtt': [versionId, 'Version'] },
      })
    }
    const statements = byType(api, 'AWS::IAM::Policy').flatMap(([, r]) => r.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
    const apply = statements.filter((s) => [s.Action].flat().includes('bedrock:ApplyGuardrail'))
    expect(apply).toHaveLength(2)
    // The guardrail, and the guardrail profile its Standard tier routes through.
    for (const s of apply) expect(s.Resource).toEqual([{ 'Fn::GetAtt': [guardrailId, 'GuardrailArn'] }, expect.objectContaining({ 'Fn::Join': expect.anything() })])
  })

  it('takes the answer and embedding models from the environment\'s configuration', () => {
    const { built } = synthesize('dev')
    for (const name of ['do-dev-assistant', 'do-dev-assistant-stream']) {
      const [, fn] = functions('api').find(([, r]) => r.Properties!.FunctionName === name)!
      expect(fn.Properties!.Environment.Variables).toMatchObject({ BEDROCK_MODEL_ID: built.config.bedrockModelId, BEDROCK_EMBEDDING_MODEL_ID: built.config.assistant.embeddingModelId })
    }
    for (const env of ['dev', 'staging', 'prod']) {
      const c = loadConfig(env)
      expect(c.bedrockModelId, env).toMatch(/\S/)
      expect(c.assistant, env).toMatchObject({ engine: expect.stringMatching(/^(bedrock|embedded)$/), embeddingModelId: expect.stringMatching(/\S/) })
    }
  })
})
