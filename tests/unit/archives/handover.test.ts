import { describe, expect, it } from 'vitest'
import { HANDOVER_CHUNK_ITEMS, handoverIdOf, inventoryEntry, moveChunks, type MoveStep } from '../../../functions/archives/usecases/handover.js'
import { ARCHIVE_PERMISSIONS } from '../../../shared/archives/policy.js'

describe('handover inventory checksums', () => {
  const file = { fileId: 'p-x.fabc123', code: 'HS-01', title: 'Hồ sơ hội nghị' }
  const docs = [
    { scanDocumentId: 'p-x.b1-p3', symbol: '05-BC/CB', pdfSha256: 'b'.repeat(64) },
    { scanDocumentId: 'p-x.b1-p1', symbol: '04-NQ/CB', pdfSha256: 'a'.repeat(64) },
  ]

  it('is the same whatever the order of documents or of their fields (a stored copy keeps neither)', () => {
    const shuffled = [{ pdfSha256: 'a'.repeat(64), symbol: '04-NQ/CB', scanDocumentId: 'p-x.b1-p1' }, { symbol: '05-BC/CB', scanDocumentId: 'p-x.b1-p3', pdfSha256: 'b'.repeat(64) }]
    expect(inventoryEntry(file, shuffled).sha256).toBe(inventoryEntry(file, docs).sha256)
  })

  it('changes when a document checksum, a symbol or the file title changes', () => {
    const base = inventoryEntry(file, docs).sha256
    expect(inventoryEntry(file, [{ ...docs[0], pdfSha256: 'c'.repeat(64) }, docs[1]]).sha256).not.toBe(base)
    expect(inventoryEntry(file, [{ ...docs[0], symbol: '06-BC/CB' }, docs[1]]).sha256).not.toBe(base)
    expect(inventoryEntry({ ...file, title: 'Khác' }, docs).sha256).not.toBe(base)
    expect(inventoryEntry(file, docs.slice(1)).sha256).not.toBe(base)
  })

  it('lets only the office and administrators hand over, and nobody but readers see archives', () => {
    const who = (a: string) => Object.entries(ARCHIVE_PERMISSIONS).filter(([, acts]) => (acts as readonly string[]).includes(a)).map(([r]) => r).sort()
    expect(who('archive.handover')).toEqual(['admin', 'office-chief', 'secretary'])
    expect(who('archive.verify')).toEqual(['admin', 'clerk', 'office-chief'])
    expect(who('archive.read')).not.toContain('member')
  })
})

describe('handover in chunks', () => {
  it('cuts the custody move into chunks that fit one transaction, keeping each file after its register entries', () => {
    const steps: MoveStep[] = Array.from({ length: 150 }, (_, i) => [{ kind: 'entry' as const, documentId: `d${i}` }, { kind: 'file' as const, fileId: `f${i}` }]).flat()
    const chunks = moveChunks(steps)
    expect(chunks.every((c) => c.length <= HANDOVER_CHUNK_ITEMS)).toBe(true)
    expect(chunks.flat()).toEqual(steps)
    expect(HANDOVER_CHUNK_ITEMS + 1 + 2 * 2).toBeLessThanOrEqual(100)
  })

  it('names a handover after its units and files, so a repeated request finds the same one', () => {
    const id = handoverIdOf('cb-a', 'p-b', ['cb-a.f2', 'cb-a.f1'])
    expect(id).toMatch(/^h[a-z0-9]{6,40}$/)
    expect(handoverIdOf('cb-a', 'p-b', ['cb-a.f1', 'cb-a.f2'])).toBe(id)
    expect(handoverIdOf('cb-a', 'p-c', ['cb-a.f1', 'cb-a.f2'])).not.toBe(id)
  })
})
