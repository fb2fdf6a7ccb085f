/**
 * DynamoDB items of the cases module. A case sits under its commission
 * (`UNIT#<commission>`), listed newest first on the commission's index and,
 * while it runs, on its inspector's by deadline. The complainant's identity
 * is a separate item whose entity the read-model projector does not know:
 * it is read only by `identity` below, never by a list, an export or the
 * stream. Keys come from shared/table/keys.ts.
 */
import { getRecord, getRecords, queryPrefix, queryRecords } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { TABLE } from '../../../shared/table/definition.js'
import { fold } from '../../../shared/text/fold.js'
import { ownerOf, type Case, type CaseIdentity, type CaseState, type Petition, type Resolution } from '../../../shared/cases/contracts.js'
import { COMPLAINT_KIND, runningDeadline } from '../../../shared/cases/complaints.js'

/** What the list's search looks in: subject, summary, who or what it concerns, the register number — never the complainant. */
export const searchTextOf = (c: Case): string => fold([c.registerNo ?? '', c.subject, c.summary, c.concerns].join(' '))

export const caseItem = (c: Case) => {
  const due = runningDeadline(c)
  return {
    ...keys.case(c.commissionId, c.caseId),
    ...keys.casesOfCommission(c.commissionId, c.createdAt, c.caseId),
    ...(c.inspector && due && !COMPLAINT_KIND.sealed.includes(c.state) ? keys.casesOfInspector(c.inspector.userId, due, c.caseId) : {}),
    entity: ENTITY.case, schemaVersion: SCHEMA_VERSION, ...c, searchText: searchTextOf(c),
  }
}
export const identityItem = (i: CaseIdentity) => ({ ...keys.caseIdentity(i.commissionId, i.caseId), entity: ENTITY.caseIdentity, schemaVersion: SCHEMA_VERSION, ...i })
export const counterItem = (commissionId: string, year: string, next: number, version: number) =>
  ({ ...keys.caseCounter(commissionId, year), entity: ENTITY.caseCounter, schemaVersion: SCHEMA_VERSION, next, version })
export const petitionItem = (p: Petition) => ({ ...keys.petition(p.officeUnitId, p.petitionId), entity: ENTITY.petition, schemaVersion: SCHEMA_VERSION, ...p, searchText: fold([p.text, p.topic, p.area, p.meeting, p.agencyName].join(' ')) })
export const resolutionItem = (r: Resolution) => ({ ...keys.resolution(r.officeUnitId, r.resolutionId), entity: ENTITY.resolution, schemaVersion: SCHEMA_VERSION, ...r })

const strip = <T extends { searchText?: string }>(x: T): Omit<T, 'searchText'> => { const { searchText: _, ...rest } = x; return rest }

export interface CaseListFilter { state?: CaseState; q?: string; after?: string; limit: number }

export const caseStore = {
  get: async (caseId: string) => { const c = await getRecord<Case & { searchText?: string }>(keys.case(ownerOf(caseId), caseId)); return c ? strip(c) as Case : undefined },
  /** The only read of who complained (the use case audits it). */
  identity: (c: Pick<Case, 'commissionId' | 'caseId'>) => getRecord<CaseIdentity>(keys.caseIdentity(c.commissionId, c.caseId)),
  counter: (commissionId: string, year: string) => getRecord<{ next: number; version: number }>(keys.caseCounter(commissionId, year)),
  /** One page, newest first, after the cursor (`<createdAt>#<caseId>`), state and words as filters in the query. */
  async page(commissionId: string, f: CaseListFilter): Promise<{ cases: Case[]; more: boolean }> {
    const idx = TABLE.indexes.byCollection
    const names: Record<string, string> = { '#p': idx.partitionKey, ...(f.after ? { '#s': idx.sortKey } : {}) }
    const values: Record<string, unknown> = { ':p': keys.casesOfCommission(commissionId, '', '').gsi1pk }
    const filters: string[] = []
    if (f.state) { names['#st'] = 'state'; values[':st'] = f.state; filters.push('#st = :st') }
    const words = f.q ? fold(f.q).split(/\s+/).filter(Boolean).slice(0, 8) : []
    words.forEach((w, i) => { values[`:w${i}`] = w; filters.push(`contains(searchText, :w${i})`) })
    if (f.after) values[':a'] = f.after
    const want = f.limit + 1
    const rows = await queryRecords<Case & { searchText?: string }>({
      IndexName: idx.name, KeyConditionExpression: f.after ? '#p = :p and #s < :a' : '#p = :p',
      ...(filters.length ? { FilterExpression: filters.join(' and ') } : {}),
      ExpressionAttributeNames: names, ExpressionAttributeValues: values, ScanIndexForward: false, Limit: filters.length ? Math.max(want, 200) : want,
    }, { max: want })
    return { cases: rows.slice(0, f.limit).map((r) => strip(r) as Case), more: rows.length > f.limit }
  },
  /** Every case of a commission (the export and the KPIs; the register of one commission). */
  all: async (commissionId: string) => (await queryRecords<Case & { searchText?: string }>({
    IndexName: TABLE.indexes.byCollection.name, KeyConditionExpression: '#p = :p',
    ExpressionAttributeNames: { '#p': TABLE.indexes.byCollection.partitionKey }, ExpressionAttributeValues: { ':p': keys.casesOfCommission(commissionId, '', '').gsi1pk },
  })).map((r) => strip(r) as Case),
  ofInspector: async (userId: string) => (await queryRecords<Case & { searchText?: string }>({
    IndexName: TABLE.indexes.byLookup.name, KeyConditionExpression: '#p = :p',
    ExpressionAttributeNames: { '#p': TABLE.indexes.byLookup.partitionKey }, ExpressionAttributeValues: { ':p': keys.casesOfInspector(userId, '', '').gsi2pk },
  })).map((r) => strip(r) as Case),
}

export const petitionStore = {
  get: async (id: string) => { const p = await getRecord<Petition & { searchText?: string }>(keys.petition(ownerOf(id), id)); return p ? strip(p) as Petition : undefined },
  ofOffice: async (officeUnitId: string) => (await queryPrefix<Petition & { searchText?: string }>(keys.petitionsOf(officeUnitId))).map((p) => strip(p) as Petition),
  resolution: (id: string) => getRecord<Resolution>(keys.resolution(ownerOf(id), id)),
  resolutions: (officeUnitId: string) => queryPrefix<Resolution>(keys.resolutionsOf(officeUnitId)),
  many: (ids: readonly string[]) => getRecords<Petition>(ids.map((id) => keys.petition(ownerOf(id), id))),
}
