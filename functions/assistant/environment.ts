/**
 * The assistant's engines in this environment, created once per process
 * (config.ts): on AWS Bedrock answers (Converse under the guardrail) and
 * embeds (multilingual embeddings); embedded, the deterministic engine and
 * the hashing embedder. Retrieval is hybrid in both: full-text rank and
 * vector similarity, fused.
 */
import { bedrockEmbedder, bedrockEngine, bedrockRuntime } from './adapters/bedrock.js'
import { assistantConfig } from './config.js'
import { embeddedEmbedder, embeddedEngine, sqlRetriever, type AnswerEngine, type Embedder, type Retriever } from './engines.js'

export interface AssistantEngines { retriever: Retriever; engine: AnswerEngine; embedder: Embedder }

let engines: AssistantEngines | undefined
export function assistantEngines(): AssistantEngines {
  if (engines) return engines
  const cfg = assistantConfig()
  if (cfg.ASSISTANT_ENGINE === 'bedrock') {
    const client = bedrockRuntime()
    const embedder = bedrockEmbedder(client, cfg.BEDROCK_EMBEDDING_MODEL_ID)
    const guardrail = cfg.BEDROCK_GUARDRAIL_ID ? { id: cfg.BEDROCK_GUARDRAIL_ID, version: cfg.BEDROCK_GUARDRAIL_VERSION } : undefined
    engines = { retriever: sqlRetriever({ embedder }), engine: bedrockEngine(client, cfg.BEDROCK_MODEL_ID, guardrail), embedder }
  } else engines = { retriever: sqlRetriever({ embedder: embeddedEmbedder }), engine: embeddedEngine, embedder: embeddedEmbedder }
  return engines
}
