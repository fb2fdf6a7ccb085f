/**
 * The assistant's configuration per environment (CDK sets these on AWS):
 * which engine answers (`embedded`: the deterministic engine; `bedrock`:
 * Converse with hybrid retrieval and guardrails), and the Bedrock models.
 */
import { z } from 'zod'

const Config = z.object({
  ASSISTANT_ENGINE: z.enum(['embedded', 'bedrock']).default('embedded'),
  BEDROCK_MODEL_ID: z.string().default('anthropic.claude-3-haiku-20240307-v1:0'),
  /** Multilingual (Vietnamese) embeddings. */
  BEDROCK_EMBEDDING_MODEL_ID: z.string().default('cohere.embed-multilingual-v3'),
  BEDROCK_GUARDRAIL_ID: z.string().optional(),
  BEDROCK_GUARDRAIL_VERSION: z.string().default('DRAFT'),
})
export type AssistantConfig = z.infer<typeof Config>

let cached: AssistantConfig | undefined
export const assistantConfig = (): AssistantConfig => (cached ??= Config.parse(process.env))
