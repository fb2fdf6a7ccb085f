/**
 * Every item's keys, in one place. Keys begin with the owning unit where an
 * item belongs to one (`UNIT#<id>`), so a unit's data sits together and reach
 * is a subtree of unit ids. Handlers and adapters never build key strings.
 */
export const TREE_ID = 'city'
const pad = (n: number, width = 12): string => String(n).padStart(width, '0')

export const keys = {
  unit: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'META' }),
  unitCollection: (unitId: string) => ({ gsi1pk: `TREE#${TREE_ID}`, gsi1sk: `UNIT#${unitId}` }),
  treeCollection: () => ({ gsi1pk: `TREE#${TREE_ID}` }),

  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  userLookup: (username: string) => ({ gsi2pk: `LOGIN#${username}`, gsi2sk: 'USER' }),
  /** Guard item that makes a login name unique (conditional put in the same transaction). */
  usernameClaim: (username: string) => ({ pk: `LOGIN#${username}`, sk: 'CLAIM' }),
  member: (unitId: string, userId: string) => ({ pk: `UNIT#${unitId}`, sk: `MEMBER#${userId}` }),
  membersOf: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'MEMBER#' }),

  reorganisation: (ownerUnitId: string, requestId: string) => ({ pk: `UNIT#${ownerUnitId}`, sk: `REORG#${requestId}` }),
  reorganisationLookup: (requestId: string) => ({ gsi2pk: `REQ#${requestId}`, gsi2sk: 'REORG' }),
  reorganisationByRequester: (userId: string, createdAt: string) => ({ gsi1pk: `REQUESTER#${userId}`, gsi1sk: `REORG#${createdAt}` }),
  approverInbox: (unitId: string, status: string, createdAt: string) => ({ gsi3pk: `APPROVER#${unitId}`, gsi3sk: `${status}#${createdAt}` }),
  /** Marks a unit as having an open reorganisation (one at a time per unit). */
  reorganisationLock: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'REORG-LOCK' }),

  auditHead: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'AUDIT-HEAD' }),
  auditEntry: (unitId: string, seq: number) => ({ pk: `UNIT#${unitId}`, sk: `AUDIT#${pad(seq)}` }),
  auditEntries: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'AUDIT#' }),

  idempotency: (scope: string, key: string) => ({ pk: `IDEMPOTENCY#${scope}`, sk: key }),

  /** An official document, owned by its unit (the id begins with the owner: `<unitId>.<random>`). */
  document: (ownerUnitId: string, documentId: string) => ({ pk: `UNIT#${ownerUnitId}`, sk: `DOC#${documentId}` }),
  documentsOf: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'DOC#' }),
  /** A numbering series of a unit (Party: type × term; state style: year; incoming register: year). */
  documentCounter: (unitId: string, scope: string) => ({ pk: `UNIT#${unitId}`, sk: `DOCCOUNTER#${scope}` }),
  /** Guard that makes one (symbol, date) appear once in a unit's incoming register (conditional put in the same transaction). */
  documentSymbolClaim: (unitId: string, symbolKey: string, documentDate: string) => ({ pk: `UNIT#${unitId}`, sk: `DOCSYMBOL#${symbolKey}#${documentDate}` }),
  /** The review chain of a unit for one document type (`*`: the unit's default). */
  reviewChain: (unitId: string, type: string) => ({ pk: `UNIT#${unitId}`, sk: `DOCCHAIN#${type}` }),
  kpiSnapshot: (date: string) => ({ pk: 'KPI#org', sk: date }),
  /** An assistant conversation: the user's own (questions, answers with citations, ratings). */
  conversation: (userId: string, conversationId: string) => ({ pk: `USER#${userId}`, sk: `CONV#${conversationId}` }),
  conversationsOf: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'CONV#' }),
} as const

/** Entity names stored on every item (`entity`), with the schema version (`schemaVersion`). */
export const ENTITY = {
  unit: 'unit', user: 'user', member: 'member', reorganisation: 'reorganisation',
  reorganisationLock: 'reorganisationLock', auditHead: 'auditHead', auditEntry: 'auditEntry',
  usernameClaim: 'usernameClaim', idempotency: 'idempotency', kpiSnapshot: 'kpiSnapshot',
  document: 'document', documentCounter: 'documentCounter', documentSymbolClaim: 'documentSymbolClaim', reviewChain: 'reviewChain',
  conversation: 'conversation',
} as const
export const SCHEMA_VERSION = 1
