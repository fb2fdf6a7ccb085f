/** How each entity becomes rows of the read model. */
import type { Sql } from '../lib/adapters/sql.js'
import { ENTITY, stripKeys } from '../../shared/table/keys.js'
import { log } from '../lib/log.js'
import { documentRow, pgArray } from '../../shared/documents/projection.js'
import type { OfficialDocument } from '../../shared/documents/contracts.js'
import { indexDocument } from '../assistant/indexing.js'
import { projectConversation } from '../assistant/ratings.js'
import type { Conversation } from '../../shared/assistant/contracts.js'

const clean = (item: Record<string, unknown>) => stripKeys<Record<string, unknown>>(item)

export async function projectItem(db: Sql, item: Record<string, unknown>, removed: boolean): Promise<number> {
  switch (item.entity) {
    case ENTITY.unit: {
      const u = clean(item)
      await db.query(
        `insert into units (unit_id, code, name, search, level, kind, parent_id, valid_from, valid_to, version, data)
         values ($1, $2, $3, lower(unaccent($3 || ' ' || $2)), $4, $5, $6, $7::date, $8::date, $9, $10::jsonb)
         on conflict (unit_id) do update set code = excluded.code, name = excluded.name, search = excluded.search,
           level = excluded.level, kind = excluded.kind, parent_id = excluded.parent_id, valid_from = excluded.valid_from,
           valid_to = excluded.valid_to, version = excluded.version, data = excluded.data
         where units.version <= excluded.version`,
        [u.unitId, u.code, u.name, u.level, u.kind, u.parentId ?? null, u.validFrom, u.validTo ?? null, u.version, JSON.stringify(u)])
      return 1
    }
    case ENTITY.user: {
      const u = clean(item) as { userId: string; username: string; fullName: string; email?: string; assignments: { unitId: string }[]; status: string; clearance: string; mfa: boolean; version: number }
      if (removed) { await db.query('delete from users where user_id = $1', [u.userId]); return 1 }
      await db.query(
        `insert into users (user_id, username, full_name, search, unit_ids, status, clearance, mfa, version, data)
         values ($1, $2, $3, lower(unaccent($3 || ' ' || $2 || ' ' || $4)), $5::text[], $6, $7, $8, $9, $10::jsonb)
         on conflict (user_id) do update set username = excluded.username, full_name = excluded.full_name, search = excluded.search,
           unit_ids = excluded.unit_ids, status = excluded.status, clearance = excluded.clearance, mfa = excluded.mfa,
           version = excluded.version, data = excluded.data
         where users.version <= excluded.version`,
        [u.userId, u.username, u.fullName, u.email ?? '', [...new Set(u.assignments.map((a) => a.unitId))], u.status, u.clearance, u.mfa, u.version, JSON.stringify(u)])
      return 1
    }
    case ENTITY.auditEntry: {
      const a = clean(item) as { unitId: string; seq: number; at: string; actor: { userId: string; name: string }; action: string; target: string }
      await db.query(
        `insert into audit_entries (unit_id, seq, at, actor_id, actor_name, action, target, data)
         values ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8::jsonb) on conflict (unit_id, seq) do nothing`,
        [a.unitId, a.seq, a.at, a.actor.userId, a.actor.name, a.action, a.target, JSON.stringify(a)])
      return 1
    }
    case ENTITY.reorganisation: {
      const r = clean(item) as { requestId: string; status: string; approverUnitId: string; kind: string; createdAt: string; deadlineAt?: string; version: number }
      await db.query(
        `insert into reorganisations (request_id, status, approver_unit_id, kind, created_at, deadline_at, version, data)
         values ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7, $8::jsonb)
         on conflict (request_id) do update set status = excluded.status, approver_unit_id = excluded.approver_unit_id,
           deadline_at = excluded.deadline_at, version = excluded.version, data = excluded.data,
           reminded_at = case when reorganisations.approver_unit_id = excluded.approver_unit_id then reorganisations.reminded_at end
         where reorganisations.version <= excluded.version`,
        [r.requestId, r.status, r.approverUnitId, r.kind, r.createdAt, r.deadlineAt ?? null, r.version, JSON.stringify(r)])
      return 1
    }
    case ENTITY.document: {
      const d = clean(item) as unknown as OfficialDocument
      if (removed) { await db.query('delete from documents where document_id = $1', [d.documentId]); await indexDocument(db, { ...d, status: 'returned' }); return 1 }
      const r = documentRow(d)
      await db.query(
        `insert into documents (document_id, owner_unit_id, reader_unit_ids, flow, status, stage, symbol, symbol_key, type, issuer_code, issuer_name,
           document_date, received_date, issued_date, deadline, register_year, register_number, urgency, confidentiality, clearance_rank,
           summary, search, has_content, drafter_id, signer_id, review_pairs, source_document_id, created_at, updated_at, version, data)
         values ($1, $2, $3::text[], $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13::date, $14::date, $15::date, $16, $17, $18, $19, $20,
           $21, lower(unaccent($22)), $23, $24, $25, $26::text[], $27, $28::timestamptz, $29::timestamptz, $30, $31::jsonb)
         on conflict (document_id) do update set reader_unit_ids = excluded.reader_unit_ids, status = excluded.status, stage = excluded.stage,
           symbol = excluded.symbol, symbol_key = excluded.symbol_key, type = excluded.type, issuer_code = excluded.issuer_code,
           issuer_name = excluded.issuer_name, document_date = excluded.document_date, received_date = excluded.received_date,
           issued_date = excluded.issued_date, deadline = excluded.deadline, register_year = excluded.register_year,
           register_number = excluded.register_number, urgency = excluded.urgency, confidentiality = excluded.confidentiality,
           clearance_rank = excluded.clearance_rank, summary = excluded.summary, search = excluded.search, has_content = excluded.has_content,
           drafter_id = excluded.drafter_id, signer_id = excluded.signer_id, review_pairs = excluded.review_pairs,
           source_document_id = excluded.source_document_id, updated_at = excluded.updated_at, version = excluded.version, data = excluded.data
         where documents.version <= excluded.version`,
        [r.documentId, r.ownerUnitId, pgArray(r.readerUnitIds), r.flow, r.status, r.stage, r.symbol, r.symbolKey, r.type, r.issuerCode, r.issuerName,
          r.documentDate, r.receivedDate, r.issuedDate, r.deadline, r.registerYear, r.registerNumber, r.urgency, r.confidentiality, r.clearanceRank,
          r.summary, r.searchText, r.hasContent, r.drafterId, r.signerId, pgArray(r.reviewPairs), r.sourceDocumentId, r.createdAt, r.updatedAt, r.version, JSON.stringify(d)])
      // The assistant's passages (text with locations) follow the document's content and state.
      await indexDocument(db, d, { log: (m) => log.warn(m) })
      return 1
    }
    case ENTITY.archiveFile: {
      const f = clean(item) as { fileId: string; unitId: string; custodianUnitId: string; status: string; pages: number; documents: number; version: number }
      if (removed) { await db.query('delete from archive_files where file_id = $1', [f.fileId]); return 1 }
      await db.query(
        `insert into archive_files (file_id, unit_id, custodian_unit_id, status, pages, documents, version) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (file_id) do update set custodian_unit_id = excluded.custodian_unit_id, status = excluded.status, pages = excluded.pages,
           documents = excluded.documents, version = excluded.version
         where archive_files.version <= excluded.version`,
        [f.fileId, f.unitId, f.custodianUnitId, f.status, f.pages, f.documents, f.version])
      return 1
    }
    case ENTITY.archiveDocument: {
      const d = clean(item) as { scanDocumentId: string; unitId: string; fileId: string; status: string; pageFrom: number; pageTo: number; version: number }
      if (removed) { await db.query('delete from archive_documents where scan_document_id = $1', [d.scanDocumentId]); return 1 }
      await db.query(
        `insert into archive_documents (scan_document_id, unit_id, file_id, status, pages, version) values ($1, $2, $3, $4, $5, $6)
         on conflict (scan_document_id) do update set status = excluded.status, version = excluded.version
         where archive_documents.version <= excluded.version`,
        [d.scanDocumentId, d.unitId, d.fileId, d.status, d.pageTo - d.pageFrom + 1, d.version])
      return 1
    }
    case ENTITY.partyMember: {
      const m = clean(item) as { memberId: string; cellId: string; fullName: string; cardNumber: string; recordNumber: string; status: string; version: number }
      if (removed) { await db.query('delete from party_members where member_id = $1', [m.memberId]); return 1 }
      await db.query(
        `insert into party_members (member_id, cell_id, full_name, card_number, search, status, version, data)
         values ($1, $2, $3, $4, lower(unaccent($3 || ' ' || $4 || ' ' || $5)), $6, $7, $8::jsonb)
         on conflict (member_id) do update set cell_id = excluded.cell_id, full_name = excluded.full_name, card_number = excluded.card_number,
           search = excluded.search, status = excluded.status, version = excluded.version, data = excluded.data
         where party_members.version <= excluded.version`,
        [m.memberId, m.cellId, m.fullName, m.cardNumber, m.recordNumber, m.status, m.version, JSON.stringify(m)])
      return 1
    }
    case ENTITY.task: {
      const t = clean(item) as { taskId: string; leadUnitId: string; ownerUnitId: string; title: string; status: string; deadline: string; evaluation?: { timeliness: string }; leadUser?: { fullName: string }; version: number }
      if (removed) { await db.query('delete from tasks where task_id = $1', [t.taskId]); return 1 }
      await db.query(
        `insert into tasks (task_id, lead_unit_id, owner_unit_id, title, status, deadline, timeliness, lead_name, version) values ($1, $2, $3, $4, $5, $6::date, $7, $8, $9)
         on conflict (task_id) do update set lead_unit_id = excluded.lead_unit_id, title = excluded.title, status = excluded.status, deadline = excluded.deadline,
           timeliness = excluded.timeliness, lead_name = excluded.lead_name, version = excluded.version
         where tasks.version <= excluded.version`,
        [t.taskId, t.leadUnitId, t.ownerUnitId, t.title, t.status, t.deadline, t.evaluation?.timeliness ?? null, t.leadUser?.fullName ?? null, t.version])
      return 1
    }
    // The assistant's rated answers, for the ratings export (issue 6).
    case ENTITY.conversation:
      return projectConversation(db, clean(item) as unknown as Conversation, removed)
    default:
      return 0
  }
}
