/** The archives API calls the SPA makes, typed with the shared contracts. */
import type { OcrWord } from '../../../shared/archives/boxes'
import type { ArchiveFile, Batch, Handover, HandoverBody, PageStatus, ScanDocument } from '../../../shared/archives/contracts'
import type { FieldName } from '../../../shared/archives/metadata'
import { api } from './client'
import type { UploadTicket } from './endpoints'

export interface BatchView {
  batch: Batch
  processed: number
  pages: { pageNo: number; status: PageStatus; method?: 'text-layer' | 'ocr'; confidence?: number; error?: string; at?: string }[]
  documents: ScanDocument[]
}
export interface Progress {
  units: { unitId: string; name: string; level: string; files: number; pages: number; documents: number; verified: number; verifiedShare: number }[]
  levels: { level: string; units: number; pages: number; documents: number; verified: number; verifiedShare: number }[]
  total: { pages: number; documents: number; verified: number; verifiedShare: number }
}
export type HandoverView = Handover & { recordUrl: string }

export const archives = {
  uploadTicket: (body: { fileName: string; contentType: string; size: number }) => api.post<UploadTicket>('/api/archives/uploads', body),
  files: (unitId: string, signal?: AbortSignal) => api.get<{ items: ArchiveFile[] }>('/api/archives/files', { unitId }, signal),
  createFile: (body: { unitId: string; code: string; title: string; startYear: number; retentionClass: string }) => api.post<ArchiveFile>('/api/archives/files', body),
  file: (fileId: string, signal?: AbortSignal) => api.get<{ file: ArchiveFile; batches: Batch[]; documents: ScanDocument[] }>(`/api/archives/files/${fileId}`, undefined, signal),
  createBatch: (body: { fileId: string; uploads: { objectKey: string; fileName: string }[] }) => api.post<Batch>('/api/archives/batches', body),
  batch: (batchId: string, signal?: AbortSignal) => api.get<BatchView>(`/api/archives/batches/${batchId}`, undefined, signal),
  queue: (unitId: string, signal?: AbortSignal) => api.get<{ items: ScanDocument[] }>('/api/archives/verification', { unitId }, signal),
  document: (id: string, signal?: AbortSignal) =>
    api.get<{ document: ScanDocument; images: { pageNo: number; url: string; words: OcrWord[] }[]; pdf?: { url: string } }>(`/api/archives/documents/${id}`, undefined, signal),
  verify: (id: string, body: { fields: Record<FieldName, string | null>; version: number }) => api.post<ScanDocument>(`/api/archives/documents/${id}/verify`, body),
  progress: (unitId: string, signal?: AbortSignal) => api.get<Progress>('/api/archives/progress', { unitId }, signal),
  handovers: (unitId: string, signal?: AbortSignal) => api.get<{ incoming: HandoverView[]; outgoing: HandoverView[] }>('/api/archives/handovers', { unitId }, signal),
  createHandover: (body: HandoverBody) => api.post<Handover>('/api/archives/handovers', body),
  receivers: (fromUnitId: string, signal?: AbortSignal) => api.get<{ fromUnitId: string; ended: boolean; endedBy: Handover['reason'] | null; routes: { toUnitId: string; name: string; scope: 'permanent' | 'limited' | 'all'; reason: Handover['reason']; files: number }[] }>('/api/archives/handover-receivers', { fromUnitId }, signal),
  receive: (fromUnitId: string, handoverId: string) => api.post<Handover & { checked: number }>(`/api/archives/handovers/${fromUnitId}/${handoverId}/receipt`, {}),
}
