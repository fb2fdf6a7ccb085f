/**
 * Lambda entry for the transfer workflow's tasks (Step Functions
 * `lambda:invoke` payloads). Parses the payload and calls one step.
 */
import { z } from 'zod'
import { parse } from '../lib/validation.js'
import { awaitComment, escalateComment, expireComment, returnComment } from './usecases/comments.js'
import { awaitAcceptance, awaitDecision, awaitReturn, remindDecision, close, complete, escalateAcceptance, escalateDecision, flagMember, issueLetter, remindReturn, returned } from './usecases/workflow-steps.js'

const id = z.string().min(3).max(120)
const Payload = z.discriminatedUnion('task', [
  z.object({ task: z.literal('awaitDecision'), transferId: id, step: z.number().int().min(0).max(5), taskToken: z.string().min(1), escalated: z.boolean().optional() }),
  z.object({ task: z.literal('escalateDecision'), transferId: id, step: z.number().int().min(0).max(5) }),
  z.object({ task: z.literal('remindDecision'), transferId: id, step: z.number().int().min(0).max(5) }),
  z.object({ task: z.literal('issueLetter'), transferId: id }),
  z.object({ task: z.literal('awaitAcceptance'), transferId: id, taskToken: z.string().min(1), late: z.boolean() }),
  z.object({ task: z.literal('escalateAcceptance'), transferId: id }),
  z.object({ task: z.literal('flagMember'), transferId: id }),
  z.object({ task: z.literal('complete'), transferId: id }),
  z.object({ task: z.literal('close'), transferId: id, status: z.enum(['rejected', 'expired']), step: z.number().int().min(0).max(5).optional() }),
  z.object({ task: z.literal('awaitReturn'), transferId: id, taskToken: z.string().min(1), reminded: z.boolean() }),
  z.object({ task: z.literal('remindReturn'), transferId: id }),
  z.object({ task: z.literal('returned'), transferId: id }),
  z.object({ task: z.literal('awaitComment'), commentId: id, stage: z.enum(['form', 'confirm']), taskToken: z.string().min(1) }),
  z.object({ task: z.literal('escalateComment'), commentId: id, stage: z.enum(['form', 'confirm']).optional() }),
  z.object({ task: z.literal('returnComment'), commentId: id }),
  z.object({ task: z.literal('expireComment'), commentId: id, stage: z.enum(['form', 'confirm']).optional() }),
])

export const handler = async (event: unknown) => {
  const p = parse(Payload, event)
  switch (p.task) {
    case 'awaitDecision': return awaitDecision(p)
    case 'escalateDecision': return escalateDecision(p)
    case 'remindDecision': return remindDecision(p)
    case 'issueLetter': return issueLetter(p)
    case 'awaitAcceptance': return awaitAcceptance(p)
    case 'escalateAcceptance': return escalateAcceptance(p)
    case 'flagMember': return flagMember(p)
    case 'complete': return complete(p)
    case 'close': return close(p)
    case 'awaitReturn': return awaitReturn(p)
    case 'remindReturn': return remindReturn(p)
    case 'returned': return returned(p)
    case 'awaitComment': return awaitComment(p)
    case 'escalateComment': return escalateComment(p)
    case 'returnComment': return returnComment(p)
    case 'expireComment': return expireComment(p)
  }
}
