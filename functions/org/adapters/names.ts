/**
 * Names for the ids an audit entry mentions (people, documents, members), read
 * from the read model in one query per kind: the audit page shows who and what,
 * never an id. Units are named from the tree by the caller.
 */
import { sql } from '../../lib/adapters/sql.js'

export interface NamedDocument { symbol: string | null; summary: string; confidentiality: string }

export async function namesFromReadModel(ids: readonly string[]): Promise<{ users: Map<string, string>; documents: Map<string, NamedDocument>; members: Map<string, string> }> {
  const list = [...new Set(ids)]
  if (!list.length) return { users: new Map(), documents: new Map(), members: new Map() }
  const db = sql()
  const [users, documents, members] = await Promise.all([
    db.query<{ user_id: string; full_name: string }>('select user_id, full_name from users where user_id = any($1::text[])', [list]),
    db.query<{ document_id: string; symbol: string | null; summary: string; confidentiality: string }>(
      'select document_id, symbol, summary, confidentiality from documents where document_id = any($1::text[])', [list]),
    db.query<{ member_id: string; full_name: string }>('select member_id, full_name from party_members where member_id = any($1::text[])', [list]),
  ])
  return {
    users: new Map(users.map((u) => [u.user_id, u.full_name])),
    documents: new Map(documents.map((d) => [d.document_id, { symbol: d.symbol, summary: d.summary, confidentiality: d.confidentiality }])),
    members: new Map(members.map((m) => [m.member_id, m.full_name])),
  }
}
