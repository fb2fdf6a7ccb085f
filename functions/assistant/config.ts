/**
 * The assistant's configuration per environment (CDK sets these on AWS):
 * which engine answers (`embedded`: the deterministic engine; `bedrock`:
 * Converse with hybrid retrieval and guardrails), and the Bedrock models.
 */
import { envNow, type FunctionEnv } from '../lib/env.js'

export type AssistantConfig = Pick<FunctionEnv, 'ASSISTANT_ENGINE' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_API_KEY' | 'OPENAI_TIMEOUT_MS' | 'OPENAI_EMBEDDING_MODEL' | 'BEDROCK_MODEL_ID' | 'BEDROCK_EMBEDDING_MODEL_ID' | 'BEDROCK_GUARDRAIL_ID' | 'BEDROCK_GUARDRAIL_VERSION'>

let cached: AssistantConfig | undefined
export const assistantConfig = (): AssistantConfig => (cached ??= envNow())
