/** HTTP handlers: filing a transfer, the officer's inbox, one transfer (with its letter), decisions, acceptance. */
import { AcceptBody, CreateTransferBody, DecisionBody, ExtendBody, transferId } from '../../../shared/members/contracts.js'
import { parse } from '../../lib/validation.js'
import { files } from '../../documents/adapters/files.js'
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
