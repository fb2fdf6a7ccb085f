/**
 * The assistant's part of the read model: the passages of each readable
 * document (text with its location, folded for search, a `simple`
 * full-text vector; an embedding of the environment's embedding engine for hybrid retrieval),
 * and which version of a document's content they were cut from. Spread into
 * READ_MODEL_DDL (functions/readmodel/schema.ts).
 */
import { RATINGS_DDL } from '../ratings.js'

/** Dimensions with an approximate index: the embedded engine's (256), Bedrock's Cohere multilingual (1024), and the usual sizes of an OpenAI-compatible endpoint's models (384, 768, 1536). */
export const ANN_DIMENSIONS = [256, 384, 768, 1024, 1536] as const

export const ASSISTANT_DDL = [
  // pgvector: Aurora PostgreSQL ships it; the embedded PGlite loads @electric-sql/pglite-pgvector.
  'create extension if not exists vector',
  // `vec` has no fixed dimension: Bedrock's embeddings (1024) on AWS, the embedded engine's (256) locally.
  // Approximate nearest neighbours: one HNSW index per dimension an engine writes (partial, on the cast column),
  // searched with pgvector's iterative scan so the reach filter in the WHERE clause is applied while scanning
  // (functions/assistant/adapters/passages.ts); vectors of another dimension are compared exactly.
  `create table if not exists passages (
     document_id text not null, ordinal int not null, page int, label text not null, location jsonb not null,
     text text not null, search text not null, tsv tsvector generated always as (to_tsvector('simple', search)) stored,
     vec vector, primary key (document_id, ordinal))`,
  'alter table passages add column if not exists vec vector',
  'alter table passages drop column if exists embedding',
  'create index if not exists passages_tsv on passages using gin (tsv)',
  ...ANN_DIMENSIONS.map((n) => `create index if not exists passages_vec_${n} on passages using hnsw ((vec::vector(${n})) vector_cosine_ops) where vector_dims(vec) = ${n}`),
  // Sessions of the database keep scanning the index until enough readable rows are found (pgvector >= 0.8);
  // the retriever also sets it on its own session (the embedded PGlite has one session).
  `do $$ begin execute format('alter database %I set hnsw.iterative_scan = relaxed_order', current_database()); end $$`,
  `create table if not exists passage_sources (
     document_id text primary key, source text not null, version int not null, indexed_at timestamptz not null)`,
  ...RATINGS_DDL,
]
