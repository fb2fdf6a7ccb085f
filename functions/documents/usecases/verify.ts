/**
 * Verification of a signed PDF: one uploaded by the caller, or the file of a
 * document in the register. The report comes from the signing port (each
 * signature: who, when, whether the bytes are intact and the chain reaches a
 * trusted root); for a registered file the stored hash is compared too.
 */
import { ForbiddenError, RuleError } from '../../../shared/errors/index.js'
import type { VerifyBody } from '../../../shared/documents/contracts.js'
import { ACCEPTED_CONTENT_TYPES } from '../../../shared/documents/contracts.js'
import { documentPolicy } from '../../../shared/documents/policy.js'
import { files } from '../../lib/adapters/blobs.js'
import { pdfEngine } from '../adapters/signing.js'
import { sha256 } from '../../lib/hash.js'
import type { DocContext } from './context.js'
import { acceptUpload } from './uploaded-files.js'
import { loadVisible } from './visibility.js'

/** Anyone who reads documents somewhere may verify. */
export async function assertDocumentUser(ctx: DocContext): Promise<void> {
  if (documentPolicy.grantingUnits(ctx.actor, 'document.read', await ctx.tree(), ctx.date).length === 0) throw new ForbiddenError('auth.forbidden')
}

export async function verifyPdf(ctx: DocContext, body: VerifyBody) {
  if (body.objectKey) {
    await assertDocumentUser(ctx)
    const file = await acceptUpload(ctx, { objectKey: body.objectKey, fileName: 'upload.pdf' }, ['pdf'], 'objectKey')
    return { source: 'upload' as const, sha256: file.sha256, report: await pdfEngine.verify(file.bytes) }
  }
  const { doc } = await loadVisible(ctx, body.documentId!)
  const file = doc.file
  if (!file || file.contentType !== ACCEPTED_CONTENT_TYPES.pdf) throw new RuleError('document.noSignedFile')
  const bytes = new Uint8Array(await files.read(file.objectKey, 64 * 1024 * 1024))
  const hash = sha256(bytes)
  return {
    source: 'register' as const, documentId: doc.documentId, symbol: doc.symbol, sha256: hash,
    /** The stored file is the one registered (its hash is unchanged). */
    intact: hash === file.sha256,
    report: await pdfEngine.verify(bytes),
  }
}
