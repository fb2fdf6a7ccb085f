/**
 * The assistant's engines in this environment, created once per process
 * (config.ts): on AWS Bedrock answers (Converse under the guardrail) and
 * embeds (multilingual embeddings); embedded, the deterministic engine and
 * the hashing embedder; `openai`, a deployment's own model behind an
 * OpenAI-compatible endpoint. Every engine runs behind `guarded`. Retrieval is hybrid in both: full-text rank and
 * vector similarity, fused.
 */
import { bedrockEmbedder, bedrockEngine, bedrockRuntime } from './adapters/bedrock.js'
import { assistantConfig } from './config.js'
import { embeddedEmbedder, embeddedEngine, guarded, sqlRetriever, type AnswerEngine, type Embedder, type Retriever } from './engines.js'
import { openAiEmbedder, openAiEngine } from './adapters/openai.js'

export interface AssistantEngines { retriever: Retriever; engine: AnswerEngine; embedder: Embedder }

let engines: AssistantEngines | undefined
export function assistantEngines(): AssistantEngines {
  if (engines) return engines
  const cfg = assistantConfig()
  if (cfg.ASSISTANT_ENGINE === 'bedrock') {
    const client = bedrockRuntime()
    const embedder = bedrockEmbedder(client, cfg.BEDROCK_EMBEDDING_MODEL_ID)
    const guardrail = cfg.BEDROCK_GUARDRAIL_ID ? { id: cfg.BEDROCK_GUARDRAIL_ID, version: cfg.BEDROCK_GUARDRAIL_VERSION } : undefined
    engines = { retriever: sqlRetriever({ embedder }), engine: guarded(bedrockEngine(client, cfg.BEDROCK_MODEL_ID, guardrail)), embedder }
  } else if (cfg.ASSISTANT_ENGINE === 'openai') {
    // The deployment's own model answers; retrieval (and its reach filter) stays in the read model. The vectors are
    // the endpoint's own embeddings when OPENAI_EMBEDDING_MODEL names one, else the embedded ones.
    if (!cfg.OPENAI_BASE_URL) throw new Error('ASSISTANT_ENGINE=openai needs OPENAI_BASE_URL')
    const endpoint = { baseUrl: cfg.OPENAI_BASE_URL, apiKey: cfg.OPENAI_API_KEY, timeoutMs: cfg.OPENAI_TIMEOUT_MS }
    const engine = openAiEngine({ ...endpoint, model: cfg.OPENAI_MODEL })
    const embedder = cfg.OPENAI_EMBEDDING_MODEL ? openAiEmbedder({ ...endpoint, model: cfg.OPENAI_EMBEDDING_MODEL }) : embeddedEmbedder
    engines = { retriever: sqlRetriever({ embedder }), engine: guarded(engine), embedder }
  } else engines = { retriever: sqlRetriever({ embedder: embeddedEmbedder }), engine: guarded(embeddedEngine), embedder: embeddedEmbedder }
  return engines
}
