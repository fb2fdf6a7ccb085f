import { describe, expect, it } from 'vitest'
import { synthesize, type Resource } from './synth.js'

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
})
