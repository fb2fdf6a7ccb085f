/**
 * Upload slots for document files: PDF or DOCX only, up to the size limit,
 * presigned PUT straight to S3 under the caller's own prefix. The bytes are
 * checked again when a file is used (magic bytes, the PDF loads, not encrypted).
 */
import { randomUUID } from 'node:crypto'
import { DomainError } from '../../../shared/errors/index.js'
import type { UploadBody } from '../../../shared/documents/contracts.js'
import { ACCEPTED_CONTENT_TYPES } from '../../../shared/documents/contracts.js'
import { uploadKind } from '../../../shared/documents/files.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { env } from '../../lib/env.js'
import { files } from '../../lib/adapters/blobs.js'
import { assertDocumentUser } from './verify.js'
import type { DocContext } from './context.js'

export async function createUpload(ctx: DocContext, body: UploadBody) {
  await assertDocumentUser(ctx)
  const limit = env().MAX_UPLOAD_BYTES
  const kind = uploadKind(body.fileName, body.contentType)
  if (!kind) throw new DomainError('upload.badType', 415, { type: body.contentType || body.fileName })
  if (body.size > limit) throw new DomainError('upload.tooLarge', 413, { limit })
  const objectKey = objectKeys.documentUpload(ctx.actor.userId, randomUUID(), kind)
  return { objectKey, maxBytes: limit, ...(await files.presignUpload(objectKey, ACCEPTED_CONTENT_TYPES[kind])) }
}
