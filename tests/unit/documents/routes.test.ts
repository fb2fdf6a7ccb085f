import { describe, expect, it } from 'vitest'
import { ROUTES, routeKey } from '../../../infra/definitions/routes.js'
import { moduleById } from '../../../infra/definitions/modules.js'
import { DOCUMENT_ROUTES } from '../../../functions/documents/index.js'

describe('documents module in the definitions', () => {
  it('has a handler for every documents route in the table, and a route for every handler', () => {
    expect(Object.keys(DOCUMENT_ROUTES).sort()).toEqual(ROUTES.filter((r) => r.module === 'documents').map(routeKey).sort())
  })

  it('lists literal paths before {documentId}, so "search" and "chains" are not taken for ids', () => {
    const paths = ROUTES.filter((r) => r.module === 'documents' && r.method === 'GET').map((r) => r.path)
    expect(paths.indexOf('/api/documents/search')).toBeLessThan(paths.indexOf('/api/documents/{documentId}'))
    expect(paths.indexOf('/api/documents/chains')).toBeLessThan(paths.indexOf('/api/documents/{documentId}'))
  })

  it('declares the access it needs: table, uploads, read model, signing, mail, Textract for a scanned upload\'s mark', () => {
    expect(moduleById('documents').access).toEqual({ table: 'readwrite', uploads: 'readwrite', readModel: true, signing: true, mail: true, markOcr: true })
  })
})
