/** The members module's API calls, typed with the shared contracts. */
import type { CreateTransferBody, Handbook, PartyMember, Transfer } from '../../../shared/members/contracts'
import { api } from './client'

const enc = encodeURIComponent
export type TransferView = Omit<Transfer, 'taskToken'>
export interface TransferDetail { transfer: TransferView; letter?: { url: string; expiresIn: number }; canDecide: boolean }
export interface Destination { unitId: string; name: string; parentName: string }

export interface SheetRow { memberId: string; fullName: string; cardNumber: string; due: number; paid: number; owed: number; assessed: boolean; arrears: number; flaggedYears: number[] }
export interface Remittance { cellId: string; month: string; collected: number; allocations: { unitId: string; level: string; percent: number; amount: number }[]; totals: { due: number; paid: number; owed: number; members: number } }

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
}
