/**
 * Lambda entry for the reorganisation workflow's tasks (Step Functions
 * `lambda:invoke` payloads): task name → payload schema → step.
 */
import { z } from 'zod'
import { task, taskDispatcher } from '../lib/tasks.js'
import { apply, awaitDecision, escalate, expire, reject } from './usecases/workflow-steps.js'

const request = { requestId: z.string(), ownerUnitId: z.string() }

export const handler = taskDispatcher({
  awaitDecision: task(z.object({ ...request, taskToken: z.string().min(1), stage: z.enum(['superior', 'escalated']) }), awaitDecision),
  escalate: task(z.object(request), escalate),
  apply: task(z.object({ ...request, decision: z.unknown() }), apply),
  reject: task(z.object({ ...request, decision: z.unknown() }), reject),
  expire: task(z.object(request), expire),
})
