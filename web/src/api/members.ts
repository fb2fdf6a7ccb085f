/** The members module's API calls, typed with the shared contracts. */
import type { CreateTransferBody, Handbook, PartyMember, Transfer } from '../../../shared/members/contracts'
import { api } from './client'

const enc = encodeURIComponent
export type TransferView = Omit<Transfer, 'taskToken'>
export interface TransferDetail { transfer: TransferView; letter?: { url: string; expiresIn: number }; canDecide: boolean }
export interface Destination { unitId: string; name: string; parentName: string }

export const membersApi = {
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
