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
  /** The tree's change log: its head (the last change's number) and one entry per change, written with the unit (functions/org/adapters/tree-cache.ts). */
  treeHead: () => ({ pk: `TREELOG#${TREE_ID}`, sk: 'HEAD' }),
  treeChange: (seq: number) => ({ pk: `TREELOG#${TREE_ID}`, sk: `CHANGE#${pad(seq)}` }),
  treeChangesAfter: (seq: number) => ({ pk: `TREELOG#${TREE_ID}`, skFrom: `CHANGE#${pad(seq + 1)}`, skEnd: 'CHANGE$' }),

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
  /** A unit's KPI figures of one day, over its subtree (dashboards): the trend is one query of the unit's partition. */
  kpiUnitSnapshot: (unitId: string, date: string) => ({ pk: `KPI#${unitId}`, sk: `DAY#${date}` }),
  kpiUnitSnapshotDay: (unitId: string) => ({ pk: `KPI#${unitId}`, skPrefix: 'DAY#' }),
  /** A KPI report generated for a unit (weekly, monthly or on demand), under the unit. */
  kpiReport: (unitId: string, reportId: string) => ({ pk: `UNIT#${unitId}`, sk: `KPIREPORT#${reportId}` }),
  kpiReportsOf: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'KPIREPORT#' }),

  // Party members (issue 4). A member's record and fee ledger follow the person across transfers; the cell is an index.
  partyMember: (memberId: string) => ({ pk: `PMEMBER#${memberId}`, sk: 'RECORD' }),
  partyMembersOfCell: (cellId: string, sortName = '') => ({ gsi1pk: `PMEMBERS#${cellId}`, gsi1sk: sortName }),
  partyMemberByUser: (userId: string) => ({ gsi2pk: `PMEMBER-USER#${userId}`, gsi2sk: 'PMEMBER' }),
  /** Guard that makes a Party card number unique. */
  partyCardClaim: (cardNumber: string) => ({ pk: `PCARD#${cardNumber}`, sk: 'CLAIM' }),
  /** Guard: one open transfer per member at a time. */
  transferLock: (memberId: string) => ({ pk: `PMEMBER#${memberId}`, sk: 'TRANSFER-LOCK' }),
  feeAssessment: (memberId: string, month: string) => ({ pk: `PMEMBER#${memberId}`, sk: `FEE#${month}` }),
  feePayment: (memberId: string, month: string, paymentId: string) => ({ pk: `PMEMBER#${memberId}`, sk: `PAY#${month}#${paymentId}` }),
  feeLedgerOf: (memberId: string) => ({ pk: `PMEMBER#${memberId}` }),
  /** A remittance of a cell's month upward (one per cell and month). */
  feeRemittance: (cellId: string, month: string) => ({ pk: `UNIT#${cellId}`, sk: `REMIT#${month}` }),
  /** A transfer request, owned by the member's cell at filing (its id begins with that cell). */
  transfer: (fromCellId: string, transferId: string) => ({ pk: `UNIT#${fromCellId}`, sk: `TRANSFER#${transferId}` }),
  transfersOfMember: (memberId: string, createdAt: string) => ({ gsi1pk: `PMEMBER-TRANSFERS#${memberId}`, gsi1sk: createdAt }),
  /** Transfers waiting on a unit: a decision of its step, or acceptance by the receiving cell. */
  transferInbox: (unitId: string, createdAt: string) => ({ gsi3pk: `TRANSFER-INBOX#${unitId}`, gsi3sk: createdAt }),
  /** A request or callback from the national portal, by its request id (replays are refused). */
  portalRequest: (requestId: string) => ({ pk: `PORTAL#${requestId}`, sk: 'REQUEST' }),
  portalRef: (portalRef: string) => ({ gsi2pk: `PORTAL-REF#${portalRef}`, gsi2sk: 'REF' }),
  /** A bulk transfer of the members of ended units to their successors (one operation, resumable). */
  bulkTransfer: (operationId: string) => ({ pk: `BULKTRANSFER#${operationId}`, sk: 'META' }),
  /** A residence-cell comment request, owned by the member's workplace cell (its id begins with that cell). */
  commentRequest: (workplaceCellId: string, commentId: string) => ({ pk: `UNIT#${workplaceCellId}`, sk: `COMMENT#${commentId}` }),
  commentsOfCell: (workplaceCellId: string) => ({ pk: `UNIT#${workplaceCellId}`, skPrefix: 'COMMENT#' }),
  commentInbox: (unitId: string, createdAt: string) => ({ gsi3pk: `COMMENT-INBOX#${unitId}`, gsi3sk: createdAt }),
  /** A notice or invitation posted by officers: to a unit's subtree (index by unit) or to named members (a pointer in each member's partition). */
  partyNotice: (noticeId: string) => ({ pk: `PNOTICE#${noticeId}`, sk: 'NOTICE' }),
  partyNoticesOfUnit: (unitId: string, createdAt: string) => ({ gsi1pk: `PNOTICES#${unitId}`, gsi1sk: createdAt }),
  partyNoticeForMember: (memberId: string, createdAt: string, noticeId: string) => ({ pk: `PMEMBER#${memberId}`, sk: `NOTICE#${createdAt}#${noticeId}` }),
  /** A member's read receipt of a notice (posted or from the system). */
  partyNoticeRead: (noticeId: string, memberId: string) => ({ pk: `PNOTICE#${noticeId}`, sk: `READ#${memberId}` }),
  // Archives (issue 5): files of a unit's fonds, digitisation batches, their pages and the documents found, handovers.
  archiveFile: (unitId: string, fileId: string) => ({ pk: `UNIT#${unitId}`, sk: `ARCFILE#${fileId}` }),
  archiveFilesOf: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'ARCFILE#' }),
  /** Files a unit keeps in custody after a handover (the file itself stays under its fonds' unit). */
  archiveCustody: (custodianUnitId: string, fileId: string) => ({ gsi1pk: `ARCCUSTODY#${custodianUnitId}`, gsi1sk: fileId }),
  archiveBatch: (unitId: string, batchId: string) => ({ pk: `UNIT#${unitId}`, sk: `ARCBATCH#${batchId}` }),
  archiveBatchesOfFile: (fileId: string, createdAt: string) => ({ gsi2pk: `ARCFILEBATCH#${fileId}`, gsi2sk: createdAt }),
  archivePage: (unitId: string, batchId: string, pageNo: number) => ({ pk: `UNIT#${unitId}`, sk: `ARCPAGE#${batchId}#${pad(pageNo, 5)}` }),
  archivePagesOf: (unitId: string, batchId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: `ARCPAGE#${batchId}#` }),
  archiveDocument: (unitId: string, scanDocumentId: string) => ({ pk: `UNIT#${unitId}`, sk: `ARCDOC#${scanDocumentId}` }),
  archiveDocumentsOfFile: (fileId: string, scanDocumentId: string) => ({ gsi2pk: `ARCFILEDOC#${fileId}`, gsi2sk: scanDocumentId }),
  /** The verification queue of a unit: documents with fields waiting for a clerk, oldest first. */
  archiveVerification: (unitId: string, createdAt: string, scanDocumentId: string) => ({ gsi3pk: `ARCVERIFY#${unitId}`, gsi3sk: `${createdAt}#${scanDocumentId}` }),
  archiveHandover: (fromUnitId: string, handoverId: string) => ({ pk: `UNIT#${fromUnitId}`, sk: `ARCHANDOVER#${handoverId}` }),
  archiveHandoverInbox: (toUnitId: string, createdAt: string) => ({ gsi3pk: `ARCHANDOVERTO#${toUnitId}`, gsi3sk: createdAt }),
  // Tasks (issue 15). A task sits under the unit it was given from (its id begins with that unit).
  task: (ownerUnitId: string, taskId: string) => ({ pk: `UNIT#${ownerUnitId}`, sk: `TASK#${taskId}` }),
  /** A lead unit's tasks, by deadline (the unit view, "mine" through the units where I report). */
  tasksOfLeadUnit: (leadUnitId: string, deadline: string, taskId: string) => ({ gsi1pk: `TASKLEAD#${leadUnitId}`, gsi1sk: `${deadline}#${taskId}` }),
  /** A lead person's tasks, by deadline ("mine"). */
  tasksOfLeadUser: (userId: string, deadline: string, taskId: string) => ({ gsi2pk: `TASKLEADUSER#${userId}`, gsi2sk: `${deadline}#${taskId}` }),
  /** Open tasks by deadline, one index partition (sparse: a closed task leaves it), so the daily sweep reads only what is due. */
  taskDue: (deadline: string, taskId: string) => ({ gsi3pk: 'TASKDUE', gsi3sk: `${deadline}#${taskId}` }),
  /** A pointer in the assigner's partition to each task they gave ("assigned by me"); written once, as the assigner never changes. */
  taskByAssigner: (userId: string, createdAt: string, taskId: string) => ({ pk: `USER#${userId}`, sk: `TASKBY#${createdAt}#${taskId}` }),
  tasksByAssigner: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'TASKBY#' }),
  // Official mail and notifications (issue 17).
  /** An address SES (or the local server) reported as bounced or complaining: never mailed again. */
  mailSuppression: (address: string) => ({ pk: `MAILSUPPRESS#${address.toLowerCase()}`, sk: 'META' }),
  /** A mail that reached a unit's official address, with its outcome (accepted as an incoming document, or refused and why). */
  inboundMail: (unitId: string, receivedAt: string, messageId: string) => ({ pk: `UNIT#${unitId}`, sk: `MAILIN#${receivedAt}#${messageId}` }),
  inboundMailsOf: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'MAILIN#' }),
  /** An outside agency (outside the platform) and its mail addresses, as data. */
  outsideAgency: (agencyId: string) => ({ pk: 'AGENCIES', sk: `AGENCY#${agencyId}` }),
  outsideAgencies: () => ({ pk: 'AGENCIES', skPrefix: 'AGENCY#' }),
  /** One notification of a user, newest last by time. */
  notification: (userId: string, notificationId: string) => ({ pk: `USER#${userId}`, sk: `NOTIF#${notificationId}` }),
  notificationsOf: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'NOTIF#' }),
  notificationPreferences: (userId: string) => ({ pk: `USER#${userId}`, sk: 'NOTIFPREFS' }),
  // Meetings (issue 16). A meeting sits under its organising body (its id begins with that unit); its votes beside it.
  meeting: (ownerUnitId: string, meetingId: string) => ({ pk: `UNIT#${ownerUnitId}`, sk: `MEETING#${meetingId}` }),
  vote: (ownerUnitId: string, meetingId: string, voteId: string) => ({ pk: `UNIT#${ownerUnitId}`, sk: `MEETING#${meetingId}#VOTE#${voteId}` }),
  /** A secret vote's signing key (RSA, RFC 9474), apart from the vote so no read of the vote carries it. */
  voteKey: (ownerUnitId: string, meetingId: string, voteId: string) => ({ pk: `UNIT#${ownerUnitId}`, sk: `MEETING#${meetingId}#VOTEKEY#${voteId}` }),
  /** "Voter X received a blind signature for this vote" — one item each, so a second request is refused by its key. */
  voteSignature: (ownerUnitId: string, meetingId: string, voteId: string, userId: string) => ({ pk: `UNIT#${ownerUnitId}`, sk: `MEETING#${meetingId}#VOTESIG#${voteId}#${userId}` }),
  voteSignatures: (ownerUnitId: string, meetingId: string, voteId: string) => ({ pk: `UNIT#${ownerUnitId}`, skPrefix: `MEETING#${meetingId}#VOTESIG#${voteId}#` }),
  /** The ballot box of a secret vote: one item per token hash, holding only the choice (no voter, no time). */
  ballot: (meetingId: string, voteId: string, tokenHash: string) => ({ pk: `BALLOTS#${meetingId}#${voteId}`, sk: `BALLOT#${tokenHash}` }),
  ballotsOf: (meetingId: string, voteId: string) => ({ pk: `BALLOTS#${meetingId}#${voteId}`, skPrefix: 'BALLOT#' }),
  /** A pointer in each participant's partition, by start time ("my meetings", today's meetings). */
  meetingFor: (userId: string, startsAt: string, meetingId: string) => ({ pk: `USER#${userId}`, sk: `MEETINGFOR#${startsAt}#${meetingId}` }),
  meetingsFor: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'MEETINGFOR#' }),
  /** A live connection (WebSocket) of a signed-in person, with the meetings it follows; expires with the connection's longest life. */
  liveConnection: (connectionId: string) => ({ pk: `LIVECONN#${connectionId}`, sk: 'CONN' }),
  /** A connection following a meeting: one item each under the meeting, so a change reaches them in one query. */
  liveSubscription: (meetingId: string, connectionId: string) => ({ pk: `LIVE#${meetingId}`, sk: `CONN#${connectionId}` }),
  liveSubscriptionsOf: (meetingId: string) => ({ pk: `LIVE#${meetingId}`, skPrefix: 'CONN#' }),
  // Schedules (issue 15). An event sits under the unit whose schedule it is (its id begins with that unit).
  scheduleEvent: (unitId: string, eventId: string) => ({ pk: `UNIT#${unitId}`, sk: `SCHEDEV#${eventId}` }),
  /** A unit's events by start (the week and month views, the unit's feed). */
  eventsOfUnit: (unitId: string, start: string, eventId: string) => ({ gsi1pk: `SCHEDUNIT#${unitId}`, gsi1sk: `${start}#${eventId}` }),
  /** A room's bookings by start (room conflicts). */
  eventsOfRoom: (roomId: string, start: string, eventId: string) => ({ gsi2pk: `SCHEDROOM#${roomId}`, gsi2sk: `${start}#${eventId}` }),
  /** A pointer in each person's partition to each event they preside or attend, by start (conflicts, their feed, their day). */
  eventOfPerson: (userId: string, start: string, eventId: string) => ({ pk: `USER#${userId}`, sk: `SCHEDAT#${start}#${eventId}` }),
  eventsOfPerson: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'SCHEDAT#' }),
  room: (unitId: string, roomId: string) => ({ pk: `UNIT#${unitId}`, sk: `ROOM#${roomId}` }),
  roomsOf: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'ROOM#' }),
  /** A published week of a unit's schedule. */
  scheduleWeek: (unitId: string, week: string) => ({ pk: `UNIT#${unitId}`, sk: `SCHEDWEEK#${week}` }),
  /** A calendar feed by the SHA-256 of its secret token (the token itself is never stored). */
  scheduleFeed: (tokenHash: string) => ({ pk: `SCHEDFEED#${tokenHash}`, sk: 'FEED' }),
  /** The current feed of a person or a unit (which token hash to revoke on regeneration). */
  scheduleFeedOf: (owner: { userId: string } | { unitId: string }) => ({ pk: 'userId' in owner ? `USER#${owner.userId}` : `UNIT#${owner.unitId}`, sk: 'SCHEDFEEDTOKEN' }),
  /** An assistant conversation: the user's own (questions, answers with citations, ratings). */
  conversation: (userId: string, conversationId: string) => ({ pk: `USER#${userId}`, sk: `CONV#${conversationId}` }),
  conversationsOf: (userId: string) => ({ pk: `USER#${userId}`, skPrefix: 'CONV#' }),
  // Cases (issue 18): complaints, denunciations, violations under their inspection commission; the identity apart.
  case: (commissionId: string, caseId: string) => ({ pk: `UNIT#${commissionId}`, sk: `CASE#${caseId}` }),
  /** A commission's cases, newest received first (the case list, keyset paged). */
  casesOfCommission: (commissionId: string, receivedAt: string, caseId: string) => ({ gsi1pk: `CASES#${commissionId}`, gsi1sk: `${receivedAt}#${caseId}` }),
  /** An inspector's open cases by deadline ("cases to handle"). */
  casesOfInspector: (userId: string, due: string, caseId: string) => ({ gsi2pk: `CASEINSP#${userId}`, gsi2sk: `${due}#${caseId}` }),
  /** Who complained or denounced: its own item (never projected, listed or exported). */
  caseIdentity: (commissionId: string, caseId: string) => ({ pk: `UNIT#${commissionId}`, sk: `CASEIDENT#${caseId}` }),
  /** The commission's register counter per year (KN-2026-0001). */
  caseCounter: (commissionId: string, year: string) => ({ pk: `UNIT#${commissionId}`, sk: `CASECOUNTER#${year}` }),
  petition: (officeUnitId: string, petitionId: string) => ({ pk: `UNIT#${officeUnitId}`, sk: `PETITION#${petitionId}` }),
  petitionsOf: (officeUnitId: string) => ({ pk: `UNIT#${officeUnitId}`, skPrefix: 'PETITION#' }),
  resolution: (officeUnitId: string, resolutionId: string) => ({ pk: `UNIT#${officeUnitId}`, sk: `RESOLUTION#${resolutionId}` }),
  resolutionsOf: (officeUnitId: string) => ({ pk: `UNIT#${officeUnitId}`, skPrefix: 'RESOLUTION#' }),
  // Data requests (issue 18). A request sits under the unit that sent it (its id begins with that unit).
  dataRequest: (ownerUnitId: string, requestId: string) => ({ pk: `UNIT#${ownerUnitId}`, sk: `DATAREQ#${requestId}` }),
  dataRequestsOf: (ownerUnitId: string) => ({ pk: `UNIT#${ownerUnitId}`, skPrefix: 'DATAREQ#' }),
  /** Sent requests not yet closed, by deadline (sparse: the daily reminder sweep reads only these). */
  dataRequestOpen: (deadline: string, requestId: string) => ({ gsi3pk: 'DATAREQOPEN', gsi3sk: `${deadline}#${requestId}` }),
  /** A pointer in each recipient unit's partition ("requests to answer"); written when the request is sent. */
  dataRequestFor: (unitId: string, requestId: string) => ({ pk: `UNIT#${unitId}`, sk: `DATAREQIN#${requestId}` }),
  dataRequestsFor: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'DATAREQIN#' }),
  /** A unit's answer, beside the other answers of the request (consolidation is one query). */
  dataAnswer: (requestId: string, unitId: string) => ({ pk: `DATAREQ#${requestId}`, sk: `ANSWER#${unitId}` }),
  dataAnswersOf: (requestId: string) => ({ pk: `DATAREQ#${requestId}`, skPrefix: 'ANSWER#' }),
  // Records management (issue 21): holds on files, dispositions, a handover's files one item each.
  archiveHold: (unitId: string, holdId: string) => ({ pk: `UNIT#${unitId}`, sk: `ARCHOLD#${holdId}` }),
  archiveHoldsOf: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'ARCHOLD#' }),
  archiveDisposition: (unitId: string, dispositionId: string) => ({ pk: `UNIT#${unitId}`, sk: `ARCDISP#${dispositionId}` }),
  archiveDispositionsOf: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'ARCDISP#' }),
  /** One file of a handover's inventory, under the handover's own partition (a list of thousands is no single item). */
  archiveHandoverFile: (handoverId: string, fileId: string) => ({ pk: `ARCHANDOVER#${handoverId}`, sk: `FILE#${fileId}` }),
  archiveHandoverFilesOf: (handoverId: string) => ({ pk: `ARCHANDOVER#${handoverId}`, skPrefix: 'FILE#' }),
  // Work programmes (issue 15). A programme sits under its unit (its id begins with that unit), items inline.
  programme: (unitId: string, programmeId: string) => ({ pk: `UNIT#${unitId}`, sk: `PROGRAMME#${programmeId}` }),
  programmesOf: (unitId: string) => ({ pk: `UNIT#${unitId}`, skPrefix: 'PROGRAMME#' }),
} as const

/** Entity names stored on every item (`entity`), with the schema version (`schemaVersion`). */
export const ENTITY = {
  unit: 'unit', user: 'user', member: 'member', reorganisation: 'reorganisation',
  reorganisationLock: 'reorganisationLock', auditHead: 'auditHead', auditEntry: 'auditEntry',
  usernameClaim: 'usernameClaim', idempotency: 'idempotency', kpiSnapshot: 'kpiSnapshot', kpiUnitSnapshot: 'kpiUnitSnapshot', kpiReport: 'kpiReport',
  document: 'document', documentCounter: 'documentCounter', documentSymbolClaim: 'documentSymbolClaim', reviewChain: 'reviewChain',
  partyMember: 'partyMember', partyCardClaim: 'partyCardClaim', transferLock: 'transferLock', feeAssessment: 'feeAssessment',
  feePayment: 'feePayment', feeRemittance: 'feeRemittance', transfer: 'transfer', portalRequest: 'portalRequest', bulkTransfer: 'bulkTransfer', commentRequest: 'commentRequest',
  partyNotice: 'partyNotice', partyNoticePointer: 'partyNoticePointer', partyNoticeRead: 'partyNoticeRead',
  archiveFile: 'archiveFile', archiveBatch: 'archiveBatch', archivePage: 'archivePage', archiveDocument: 'archiveDocument', archiveHandover: 'archiveHandover',
  task: 'task', taskPointer: 'taskPointer',
  mailSuppression: 'mailSuppression', inboundMail: 'inboundMail', outsideAgency: 'outsideAgency', notification: 'notification', notificationPreferences: 'notificationPreferences',
  treeHead: 'treeHead', treeChange: 'treeChange',
  meeting: 'meeting', meetingPointer: 'meetingPointer', vote: 'vote', voteKey: 'voteKey', voteSignature: 'voteSignature', ballot: 'ballot',
  liveConnection: 'liveConnection', liveSubscription: 'liveSubscription',
  scheduleEvent: 'scheduleEvent', scheduleEventPointer: 'scheduleEventPointer', room: 'room', scheduleWeek: 'scheduleWeek', scheduleFeed: 'scheduleFeed', scheduleFeedPointer: 'scheduleFeedPointer',

  conversation: 'conversation',
  case: 'case', caseIdentity: 'caseIdentity', caseCounter: 'caseCounter', petition: 'petition', resolution: 'resolution',
  dataRequest: 'dataRequest', dataRequestPointer: 'dataRequestPointer', dataAnswer: 'dataAnswer',
  archiveHold: 'archiveHold', archiveDisposition: 'archiveDisposition', archiveHandoverFile: 'archiveHandoverFile',
  programme: 'programme',
} as const
export const SCHEMA_VERSION = 1

/** Attributes that belong to the table, not to the record. */
export const KEY_ATTRS: readonly string[] = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'schemaVersion']

/** The domain record of an item (key, index and entity attributes removed); none for none. Read by the stores and the read-model projector. */
export function stripKeys<T>(item: Record<string, unknown>): T
export function stripKeys<T>(item: Record<string, unknown> | undefined): T | undefined
export function stripKeys<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.includes(k))) as T
}
