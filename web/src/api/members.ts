/** The members module's API calls, typed with the shared contracts. */
import type { BulkReport, NoticeBody, PartyNotice, CommentCriterion, CommentRequest, CreateTransferBody, Handbook, PartyMember, Transfer } from '../../../shared/members/contracts'
import { api, isApiError } from './client'

const enc = encodeURIComponent
export type TransferView = Omit<Transfer, 'taskToken'>
export interface TransferDetail { transfer: TransferView; letter?: { url: string; expiresIn: number }; canDecide: boolean }
export interface Destination { unitId: string; name: string; parentName: string }

export interface SheetRow { memberId: string; fullName: string; cardNumber: string; due: number; paid: number; owed: number; assessed: boolean; arrears: number; flaggedYears: number[] }
export interface Remittance { cellId: string; month: string; collected: number; allocations: { unitId: string; level: string; percent: number; amount: number }[]; totals: { due: number; paid: number; owed: number; members: number } }

export type CommentView = Omit<CommentRequest, 'taskToken'>
export interface MemberImportReport { kind: 'members'; total: number; accepted: number; rejected: number; dryRun: boolean; rows: { row: number; ok: boolean; id?: string; errors: { column?: string; code: string; message: string }[] }[] }
export interface BulkOperationView { operationId: string; reason: string; status: 'running' | 'done'; moves: { fromCellId: string; toCellId: string; members: number }[]; moved: number; report?: BulkReport; startedBy: { userId: string; fullName: string }; createdAt: string }
export interface RemittanceFull extends Remittance { report: { memberId: string; fullName: string; due: number; paid: number; owed: number }[]; ruleTable: string; remittedAt: string; remittedBy: { userId: string; fullName: string } }

export const membersApi = {
  sheet: (cellId: string, month: string, signal?: AbortSignal) => api.get<{ rows: SheetRow[]; flagged: string[] }>('/api/members/fees/sheet', { cellId, month }, signal),
  assess: (cellId: string, month: string) => api.post<{ total: number }>('/api/members/fees/assessments', { cellId, month }),
  pay: (memberId: string, month: string, amount: number) => api.post<unknown>('/api/members/fees/payments', { memberId, month, amount }),
  remit: (cellId: string, month: string) => api.post<{ remittance: Remittance }>('/api/members/fees/remittances', { cellId, month }),
  handbook: (signal?: AbortSignal) => api.get<Handbook>('/api/me/handbook', undefined, signal),
  member: (memberId: string, signal?: AbortSignal) => api.get<Handbook>(`/api/members/${enc(memberId)}`, undefined, signal),
  cell: (cellId: string, signal?: AbortSignal) => api.get<{ cell: { unitId: string; name: string }; members: PartyMember[] }>('/api/members', { cellId }, signal),
  destinations: (signal?: AbortSignal) => api.get<{ cells: Destination[] }>('/api/members/destinations', undefined, signal),
  fileTransfer: (body: Partial<CreateTransferBody>) => api.post<{ transfer: TransferView }>('/api/members/transfers', body),
  inbox: (signal?: AbortSignal) => api.get<{ transfers: TransferView[] }>('/api/members/transfers', undefined, signal),
  transfer: (transferId: string, signal?: AbortSignal) => api.get<TransferDetail>(`/api/members/transfers/${enc(transferId)}`, undefined, signal),
  decide: (transferId: string, body: { approved: boolean; comment?: string }) => api.post<{ transfer: TransferView }>(`/api/members/transfers/${enc(transferId)}/decision`, body),
  accept: (transferId: string, body: { comment?: string }) => api.post<{ transfer: TransferView }>(`/api/members/transfers/${enc(transferId)}/accept`, body),
  campaign: (cellId: string, year: number, signal?: AbortSignal) => api.get<{ comments: CommentView[] }>('/api/members/comments', { cellId, year: String(year) }, signal),
  commentInbox: (signal?: AbortSignal) => api.get<{ comments: CommentView[] }>('/api/members/comments', undefined, signal),
  openCampaign: (cellId: string, year: number) => api.post<{ created: CommentView[]; skipped: { memberId: string; reason: string }[] }>('/api/members/comments/campaigns', { cellId, year }),
  fillComment: (commentId: string, body: { criteria: Record<CommentCriterion, boolean>; conclusion: 'good' | 'not-good'; note?: string }) => api.post<{ comment: CommentView }>(`/api/members/comments/${enc(commentId)}/form`, body),
  confirmComment: (commentId: string, body: { note?: string }) => api.post<{ comment: CommentView }>(`/api/members/comments/${enc(commentId)}/confirmation`, body),
  /** A file with rejected rows answers 422 with the same row-by-row report: both come back as a report. */
  importMembers: async (objectKey: string, dryRun: boolean): Promise<{ report: MemberImportReport }> => {
    try { return await api.post<{ report: MemberImportReport }>('/api/members/imports', { objectKey, dryRun }) } catch (e) {
      const report = isApiError(e) && e.status === 422 ? (e.data as { report?: MemberImportReport } | undefined)?.report : undefined
      if (report) return { report }
      throw e
    }
  },
  bulk: (body: { operationId: string; moves: { fromCellId: string; toCellId: string }[]; reason: string; batch?: number }) => api.post<{ operation: BulkOperationView }>('/api/members/bulk-transfers', body),
  remittances: (cellId: string, signal?: AbortSignal) => api.get<{ remittances: RemittanceFull[] }>('/api/members/fees/remittances', { cellId }, signal),
  readNotice: (noticeId: string) => api.post<{ noticeId: string; read: string; again: boolean }>(`/api/me/notices/${enc(noticeId)}/read`, {}),
  postNotice: (body: NoticeBody) => api.post<{ notice: PartyNotice }>('/api/members/notices', body),
  notices: (unitId: string, signal?: AbortSignal) => api.get<{ notices: (PartyNotice & { readCount: number })[] }>('/api/members/notices', { unitId }, signal),
  noticeReceipts: (noticeId: string, signal?: AbortSignal) => api.get<{ notice: PartyNotice; read: number; recipients: { memberId: string; fullName: string; cellId: string; readAt?: string }[] }>(`/api/members/notices/${enc(noticeId)}`, undefined, signal),
  remittancePdf: (cellId: string, month: string) => api.get<{ report: { url: string; expiresIn: number } }>('/api/members/fees/remittances/report', { cellId, month }),
}
