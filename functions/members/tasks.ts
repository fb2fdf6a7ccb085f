/**
 * Lambda entry for the transfer workflow's tasks (Step Functions
 * `lambda:invoke` payloads): task name → payload schema → step.
 */
import { z } from 'zod'
import { task, taskDispatcher } from '../lib/tasks.js'
import { awaitComment, escalateComment, expireComment, returnComment } from './usecases/comments.js'
import { awaitAcceptance, awaitDecision, awaitReturn, remindDecision, close, complete, escalateAcceptance, escalateDecision, flagMember, issueLetter, remindReturn, returned } from './usecases/workflow-steps.js'

const id = z.string().min(3).max(120)
const step = z.number().int().min(0).max(5)
const taskToken = z.string().min(1)
const stage = z.enum(['form', 'confirm'])
const transfer = { transferId: id }
const comment = { commentId: id }

export const handler = taskDispatcher({
  awaitDecision: task(z.object({ ...transfer, step, taskToken, escalated: z.boolean().optional() }), awaitDecision),
  escalateDecision: task(z.object({ ...transfer, step }), escalateDecision),
  remindDecision: task(z.object({ ...transfer, step }), remindDecision),
  issueLetter: task(z.object(transfer), issueLetter),
  awaitAcceptance: task(z.object({ ...transfer, taskToken, late: z.boolean() }), awaitAcceptance),
  escalateAcceptance: task(z.object(transfer), escalateAcceptance),
  flagMember: task(z.object(transfer), flagMember),
  complete: task(z.object(transfer), complete),
  close: task(z.object({ ...transfer, status: z.enum(['rejected', 'expired']), step: step.optional() }), close),
  awaitReturn: task(z.object({ ...transfer, taskToken, reminded: z.boolean() }), awaitReturn),
  remindReturn: task(z.object(transfer), remindReturn),
  returned: task(z.object(transfer), returned),
  awaitComment: task(z.object({ ...comment, stage, taskToken }), awaitComment),
  escalateComment: task(z.object({ ...comment, stage: stage.optional() }), escalateComment),
  returnComment: task(z.object(comment), returnComment),
  expireComment: task(z.object({ ...comment, stage: stage.optional() }), expireComment),
})
