/**
 * The assistant's part of the read model: the passages of each readable
 * document (text with its location, folded for search, a `simple`
 * full-text vector; an embedding of the environment's embedding engine for hybrid retrieval),
 * and which version of a document's content they were cut from. Spread into
 * READ_MODEL_DDL (functions/readmodel/schema.ts).
 */
import { RATINGS_DDL } from '../ratings.js'

export const ASSISTANT_DDL = [
  // pgvector: Aurora PostgreSQL ships it; the embedded PGlite loads @electric-sql/pglite-pgvector.
  'create extension if not exists vector',
  // `vec` has no fixed dimension: Bedrock's embeddings (1024) on AWS, the embedded engine's (256) locally.
  // Similarity is computed exactly over the readable rows (no ANN index, which would rank before the reach filter).
  `create table if not exists passages (
     document_id text not null, ordinal int not null, page int, label text not null, location jsonb not null,
     text text not null, search text not null, tsv tsvector generated always as (to_tsvector('simple', search)) stored,
     vec vector, primary key (document_id, ordinal))`,
  'alter table passages add column if not exists vec vector',
  'alter table passages drop column if exists embedding',
  'create index if not exists passages_tsv on passages using gin (tsv)',
  `create table if not exists passage_sources (
     document_id text primary key, source text not null, version int not null, indexed_at timestamptz not null)`,
  ...RATINGS_DDL,
]
