/**
 * Every object key of the buckets, in one place (as shared/table/keys.ts is
 * for the table's items). Objects that belong to a unit live under
 * `units/<unitId>/`; a presigned upload slot lives under its owner's user id,
 * so a use case can refuse a slot that is not the caller's (`…UploadPrefix`).
 * Adapters and use cases never build key strings.
 */
import type { FileKind } from '../documents/files.js'

/** Where SES receiving writes raw mails (the receipt rule's S3 action prefix). */
export const INBOUND_MAIL_PREFIX = 'mail/inbound/'

export const objectKeys = {
  /** A document's upload slot (PDF, DOCX): only its owner may use it. */
  documentUpload: (userId: string, uploadId: string, kind: FileKind) => `documents/uploads/${userId}/${uploadId}.${kind}`,
  documentUploadPrefix: (userId: string) => `documents/uploads/${userId}/`,
  /** A file kept with a document, under its owning unit. */
  documentContent: (ownerUnitId: string, documentId: string, name: string) => `units/${ownerUnitId}/documents/${documentId}/${name}`,

  /** A scan upload slot of the archives. */
  archiveUpload: (userId: string, uploadId: string, ext: string) => `archives/uploads/${userId}/${uploadId}.${ext}`,
  archiveUploadPrefix: (userId: string) => `archives/uploads/${userId}/`,
  /** Archive objects live under the fonds' unit, by batch. */
  archivePageImage: (unitId: string, batchId: string, pageNo: number) => `units/${unitId}/archives/${batchId}/pages/${pageNo}.png`,
  archivePagePdf: (unitId: string, batchId: string, pageNo: number) => `units/${unitId}/archives/${batchId}/pages/${pageNo}.pdf`,
  archiveDocumentPdf: (unitId: string, batchId: string, scanDocumentId: string) => `units/${unitId}/archives/${batchId}/documents/${scanDocumentId}.pdf`,
  archiveHandoverPackage: (fromUnitId: string, handoverId: string) => `units/${fromUnitId}/archives/handovers/${handoverId}/package.json`,
  archiveHandoverRecord: (fromUnitId: string, handoverId: string) => `units/${fromUnitId}/archives/handovers/${handoverId}/record.pdf`,
  /** A disposition's signed record (destruction and transfer) and the inventory of what went to the historical archive. */
  archiveDispositionRecord: (unitId: string, dispositionId: string) => `units/${unitId}/archives/dispositions/${dispositionId}/record.pdf`,
  archiveDispositionInventory: (unitId: string, dispositionId: string) => `units/${unitId}/archives/dispositions/${dispositionId}/inventory.json`,
  archiveDispositionReport: (unitId: string, year: number, date: string, ext: 'xlsx' | 'pdf') => `units/${unitId}/archives/disposition-reports/${year}/${date}.${ext}`,
  /** The record countersigned by the receiving side (the one signed on submission stays as it was). */
  archiveHandoverRecordReceived: (fromUnitId: string, handoverId: string) => `units/${fromUnitId}/archives/handovers/${handoverId}/record-received.pdf`,

  /** An XLSX/CSV import's upload slot (units and users, or members). */
  importUpload: (userId: string, uploadId: string, ext: string) => `imports/${userId}/${uploadId}.${ext}`,
  importUploadPrefix: (userId: string) => `imports/${userId}/`,

  /** A transfer's introduction letter, by its register number (slashes made dashes). */
  transferLetter: (transferId: string, registerNumber: string) => `transfers/${transferId}/${registerNumber.replace(/\//g, '-')}.pdf`,
  /** A cell's fee remittance report of a month, per version of the remittance. */
  remittanceReport: (cellId: string, month: string, version: number) => `remittances/${cellId}/${month}-v${version}.pdf`,

  /** A raw mail received at a unit's official address (SES receiving's S3 action writes it; the local SMTP server too). */
  inboundMail: (messageId: string) => `${INBOUND_MAIL_PREFIX}${messageId}`,
  /** A KPI report's files (the signed PDF, the XLSX of its figures), under its unit. */
  kpiReport: (unitId: string, reportId: string, ext: 'pdf' | 'xlsx') => `units/${unitId}/reports/${reportId}.${ext}`,
  /** A meeting's signed papers: the invitation, the minutes, each vote's result record. */
  meetingPaper: (ownerUnitId: string, meetingId: string, name: string) => `units/${ownerUnitId}/meetings/${meetingId}/${name}.pdf`,
  /** A file uploaded for a meeting's agenda item, kept under the organising body. */
  meetingDocument: (ownerUnitId: string, meetingId: string, docId: string, ext: string) => `units/${ownerUnitId}/meetings/${meetingId}/documents/${docId}.${ext}`,

  /** A signer's certificate chain in the certificates bucket (KMS signing). */
  signingCertificate: (subject: { kind: string; id: string }) => `certs/${subject.kind}/${subject.id}.pem`,
  /** The roots the platform's chains end in, kept next to them. */
  signingRoots: 'certs/roots.pem',
  /** A data request's files under its sending unit: a unit's pre-filled template, the consolidated table. */
  dataRequestFile: (ownerUnitId: string, requestId: string, name: string, ext: 'xlsx' | 'pdf') => `units/${ownerUnitId}/datarequests/${requestId}/${name}.${ext}`,
  /** An uploaded XLSX answer's slot. */
  dataAnswerUpload: (userId: string, uploadId: string) => `datarequests/uploads/${userId}/${uploadId}.xlsx`,
  dataAnswerUploadPrefix: (userId: string) => `datarequests/uploads/${userId}/`,
  /** A fonds' inventory (mục lục hồ sơ) as XLSX, one per day it is asked for. */
  archiveInventory: (unitId: string, date: string, ext: 'xlsx' | 'pdf' = 'xlsx') => `units/${unitId}/archives/inventory/${date}.${ext}`,
} as const
