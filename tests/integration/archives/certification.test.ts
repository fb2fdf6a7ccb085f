/**
 * A digitised copy carries the archive unit's certification signature: a
 * document through the pipeline, its copy downloaded as a reader would, and
 * pdfsig finds one valid signature in the fonds' unit's name, whose reason
 * (read from the signature dictionary) says the copy matches the original; the scanned text is still there.
 */
import { describe, expect, it } from 'vitest'
import { demoScanPdf } from '../../../infra/local/demo-archives.js'
import { login, uniq } from '../../support/api.js'
import { pdfsig, pdfText, signatureReasons } from '../../support/poppler.js'
import { finished, uploadScan } from './support.js'

describe('certification of digitised copies', () => {
  it('signs the digitised copy in the archive unit\'s name, stating it matches the original', async () => {
    // Prepare: a cell's fonds with a file, a born-digital scan of one công văn
    const tag = uniq()
    const unitId = `cb-cert-${tag}`
    const unitName = `Chi bộ lưu trữ ${tag}`
    const admin = await login('admin')
    const made = await admin.post('/api/units', { unitId, code: 'CB', name: unitName, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2025-07-01' })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const clerk = await login('vanthu.hoankiem')
    const file = await clerk.post('/api/archives/files', { unitId, code: 'HS-CV', title: `Công văn năm 2025 ${tag}`, startYear: 2025, retentionClass: '04.01' })
    expect(file.status, JSON.stringify(file.body)).toBe(201)
    const scan = await demoScanPdf({
      symbol: 'Số 21-CV/CB', dateLine: 'Hoàn Kiếm, ngày 12 tháng 6 năm 2025',
      pdf: { superior: 'ĐẢNG BỘ PHƯỜNG HOÀN KIẾM', issuer: `CHI BỘ ${tag.toUpperCase()}`, typeName: 'CÔNG VĂN', summary: `về việc nộp lưu hồ sơ ${tag}`, body: ['Văn bản kiểm thử chứng thực bản số hóa.'], signer: { title: 'T/M CHI BỘ\nBÍ THƯ', name: 'Lê Văn Tâm' } },
    })

    // Act
    const batch = await clerk.post('/api/archives/batches', { fileId: file.body.fileId, uploads: [await uploadScan(clerk, scan, 'cv.pdf', 'application/pdf')] })
    expect(batch.status, JSON.stringify(batch.body)).toBe(202)
    const view = await finished(clerk, batch.body.batchId)
    const doc = view.documents[0]
    const shown = await clerk.get(`/api/archives/documents/${doc.scanDocumentId}`)
    const copy = new Uint8Array(await (await fetch(shown.body.pdf.url)).arrayBuffer())

    // Assess: one valid signature, the unit's, with the certification's reason; the copy still reads as the original
    const [signature, ...more] = pdfsig(copy)
    expect(more).toEqual([])
    expect(signature).toContain('Signature is Valid')
    expect(signature).toContain(`Signer Certificate Common Name: ${unitName}`)
    expect(await signatureReasons(copy)).toEqual(['Sao y bản chính - Bản số hóa đúng với bản gốc'])
    const text = pdfText(copy)
    expect(text).toContain('21-CV/CB')
    expect(text).toContain(`về việc nộp lưu hồ sơ ${tag}`)
  }, 300_000)
})
