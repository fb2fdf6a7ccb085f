/** Where archive objects live in the bucket: under the fonds' unit, by batch. */
export const objectKeys = {
  upload: (userId: string, uploadId: string, ext: string) => `archives/uploads/${userId}/${uploadId}.${ext}`,
  uploadPrefix: (userId: string) => `archives/uploads/${userId}/`,
  pageImage: (unitId: string, batchId: string, pageNo: number) => `units/${unitId}/archives/${batchId}/pages/${pageNo}.png`,
  pagePdf: (unitId: string, batchId: string, pageNo: number) => `units/${unitId}/archives/${batchId}/pages/${pageNo}.pdf`,
  documentPdf: (unitId: string, batchId: string, scanDocumentId: string) => `units/${unitId}/archives/${batchId}/documents/${scanDocumentId}.pdf`,
  handoverPackage: (fromUnitId: string, handoverId: string) => `units/${fromUnitId}/archives/handovers/${handoverId}/package.json`,
  handoverRecord: (fromUnitId: string, handoverId: string) => `units/${fromUnitId}/archives/handovers/${handoverId}/record.pdf`,
} as const
