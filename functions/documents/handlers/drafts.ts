/** HTTP handlers: drafts, their versions and comments, the review chain steps, issue. */
import { AddVersionBody, CommentBody, CreateDraftBody, EmailDocumentBody, EmptyBody, ReviewBody } from '../../../shared/documents/contracts.js'
import { parse } from '../../lib/validation.js'
import type { DocRoute } from '../routes.js'
import { addComment, addVersion, createDraft, review, submit } from '../usecases/drafts.js'
import { issueDocument } from '../usecases/issue.js'
import { emailDocument, listAgencies } from '../usecases/email.js'

export const draft: DocRoute = async ({ ctx, body }) => ({ status: 201, body: await createDraft(ctx, parse(CreateDraftBody, body)) })
export const version: DocRoute = async ({ ctx, params, body }) => ({ status: 201, body: await addVersion(ctx, params.documentId, parse(AddVersionBody, body)) })
export const comment: DocRoute = async ({ ctx, params, body }) => ({ status: 201, body: await addComment(ctx, params.documentId, parse(CommentBody, body)) })
export const submitDraft: DocRoute = async ({ ctx, params, body }) => { parse(EmptyBody, body); return { body: await submit(ctx, params.documentId) } }
export const decide: DocRoute = async ({ ctx, params, body }) => ({ body: await review(ctx, params.documentId, parse(ReviewBody, body)) })
/** 201 when this call issued it; 200 with the same document when it was already issued (idempotent). */
export const issue: DocRoute = async ({ ctx, params, body }) => {
  parse(EmptyBody, body)
  const { document, alreadyIssued } = await issueDocument(ctx, params.documentId)
  return { status: alreadyIssued ? 200 : 201, body: { document, alreadyIssued } }
}
export const email: DocRoute = async ({ ctx, params, body }) => ({ body: await emailDocument(ctx, params.documentId, parse(EmailDocumentBody, body)) })
export const agencies: DocRoute = async () => ({ body: await listAgencies() })
