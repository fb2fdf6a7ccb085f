/** HTTP handlers: filing a transfer, the officer's inbox, one transfer (with its letter), decisions, acceptance. */
import { AcceptBody, CampaignBody, CommentFormBody, CommentsQuery, ConfirmBody, CreateTransferBody, DecisionBody, ExtendBody, commentId, transferId } from '../../../shared/members/contracts.js'
import { campaignOf, commentInbox, confirmComment, fillComment, openCampaign, showComment } from '../usecases/comments.js'
import { parse } from '../../lib/validation.js'
import { files } from '../../lib/adapters/blobs.js'
import type { MemberRoute } from '../routes.js'
import { accept, decide, extend, fileTransfer, inbox, loadTransfer, reportReturn, view } from '../usecases/transfers.js'
import { mayDecide } from '../../../shared/members/policy.js'

export const file: MemberRoute = async ({ ctx, body }) => ({ status: 202, body: { transfer: view(await fileTransfer(ctx, parse(CreateTransferBody, body))) } })
export const list: MemberRoute = async ({ ctx }) => ({ body: { transfers: await inbox(ctx) } })
export const show: MemberRoute = async ({ ctx, params }) => {
  const t = await loadTransfer(ctx, parse(transferId, params.transferId))
  const letter = t.letter ? await files.presignDownload(t.letter.objectKey, `${t.letter.registerNumber.replace(/\//g, '-')}.pdf`, 'application/pdf') : undefined
  const canDecide = t.status === 'pending' && !!t.taskToken && mayDecide(ctx.actor, t.steps[t.currentStep])
  return { body: { transfer: view(t), letter, canDecide } }
}
export const decision: MemberRoute = async ({ ctx, params, body }) => ({ body: { transfer: view(await decide(ctx, parse(transferId, params.transferId), parse(DecisionBody, body))) } })
export const receive: MemberRoute = async ({ ctx, params, body }) => ({ body: { transfer: view(await accept(ctx, parse(transferId, params.transferId), parse(AcceptBody, body ?? {}))) } })
export const comeBack: MemberRoute = async ({ ctx, params }) => ({ body: { transfer: view(await reportReturn(ctx, parse(transferId, params.transferId))) } })
export const extension: MemberRoute = async ({ ctx, params, body }) => ({ body: { transfer: view(await extend(ctx, parse(transferId, params.transferId), parse(ExtendBody, body))) } })

// Residence-cell comments.
export const campaign: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: await openCampaign(ctx, parse(CampaignBody, body)) })
/** Without a cell: the requests waiting on the caller (to fill or to confirm); with one: that workplace cell's campaign. */
export const comments: MemberRoute = async ({ ctx, query }) => {
  const q = parse(CommentsQuery, query ?? {})
  return { body: { comments: q.cellId ? await campaignOf(ctx, q.cellId, q.year) : await commentInbox(ctx) } }
}
export const comment: MemberRoute = async ({ ctx, params }) => ({ body: { comment: await showComment(ctx, parse(commentId, params.commentId)) } })
export const commentForm: MemberRoute = async ({ ctx, params, body }) => ({ body: { comment: await fillComment(ctx, parse(commentId, params.commentId), parse(CommentFormBody, body)) } })
export const commentConfirm: MemberRoute = async ({ ctx, params, body }) => ({ body: { comment: await confirmComment(ctx, parse(commentId, params.commentId), parse(ConfirmBody, body ?? {})) } })
