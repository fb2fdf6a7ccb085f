/**
 * The assistant's part of the read model: the passages of each readable
 * document (text with its location, folded for search, a `simple`
 * full-text vector; an embedding when Bedrock embeddings are configured),
 * and which version of a document's content they were cut from. Spread into
 * READ_MODEL_DDL (functions/readmodel/schema.ts).
 */
export const ASSISTANT_DDL = [
  `create table if not exists passages (
     document_id text not null, ordinal int not null, page int, label text not null, location jsonb not null,
     text text not null, search text not null, tsv tsvector generated always as (to_tsvector('simple', search)) stored,
     embedding real[], primary key (document_id, ordinal))`,
  'create index if not exists passages_tsv on passages using gin (tsv)',
  `create table if not exists passage_sources (
     document_id text primary key, source text not null, version int not null, indexed_at timestamptz not null)`,
]
