/** The archives API calls the SPA makes, typed with the shared contracts. */
import type { OcrWord } from '../../../shared/archives/boxes'
import type { ArchiveFile, ArchiveHold, Batch, CouncilDecisionBody, Disposition, DispositionItem, Handover, HandoverBody, HoldBody, PageStatus, ProposeDispositionBody, ScanDocument } from '../../../shared/archives/contracts'
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
export type HoldView = ArchiveHold & { files: { fileId: string; code: string; title: string }[] }
export interface PaperLink { url: string; fileName: string; files: number }
export type DueItem = DispositionItem & { dueFrom: string; holdIds: string[]; dispositionId?: string }

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
  holds: (unitId: string, signal?: AbortSignal) => api.get<{ items: HoldView[] }>('/api/archives/holds', { unitId }, signal),
  placeHold: (body: HoldBody) => api.post<ArchiveHold>('/api/archives/holds', body),
  releaseHold: (holdId: string, body: { note: string; version: number }) => api.post<ArchiveHold>(`/api/archives/holds/${holdId}/release`, body),
  due: (unitId: string, year: number, signal?: AbortSignal) => api.get<{ unitId: string; year: number; items: DueItem[]; held: DueItem[] }>('/api/archives/disposition/due', { unitId, year }, signal),
  dispositions: (unitId: string, signal?: AbortSignal) => api.get<{ items: Disposition[] }>('/api/archives/dispositions', { unitId }, signal),
  disposition: (id: string, signal?: AbortSignal) => api.get<{ disposition: Disposition; recordUrl?: string }>(`/api/archives/dispositions/${id}`, undefined, signal),
  propose: (body: ProposeDispositionBody) => api.post<Disposition>('/api/archives/dispositions', body),
  decide: (id: string, body: Omit<CouncilDecisionBody, 'keep' | 'keepReasons'> & { keep: string[]; keepReasons?: CouncilDecisionBody['keepReasons'] }) => api.post<Disposition>(`/api/archives/dispositions/${id}/decision`, body),
  carryOut: (id: string, version: number) => api.post<Disposition & { stoppedByHold: string[] }>(`/api/archives/dispositions/${id}/carry-out`, { version }),
  inventory: (unitId: string, format: 'pdf' | 'xlsx') => api.get<PaperLink>('/api/archives/inventory', { unitId, format }),
  dispositionReport: (unitId: string, year: number, format: 'pdf' | 'xlsx') => api.get<PaperLink>('/api/archives/disposition/report', { unitId, year, format }),
}
