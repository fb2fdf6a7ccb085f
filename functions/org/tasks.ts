/**
 * Lambda entry for the reorganisation workflow's tasks (Step Functions
 * `lambda:invoke` payloads). Parses the payload and calls one step.
 */
import { z } from 'zod'
import { parse } from '../lib/validation.js'
import { apply, awaitDecision, escalate, expire, reject } from './usecases/workflow-steps.js'

const Payload = z.discriminatedUnion('task', [
  z.object({ task: z.literal('awaitDecision'), requestId: z.string(), ownerUnitId: z.string(), taskToken: z.string().min(1), stage: z.enum(['superior', 'escalated']) }),
  z.object({ task: z.literal('escalate'), requestId: z.string(), ownerUnitId: z.string() }),
  z.object({ task: z.literal('apply'), requestId: z.string(), ownerUnitId: z.string(), decision: z.unknown() }),
  z.object({ task: z.literal('reject'), requestId: z.string(), ownerUnitId: z.string(), decision: z.unknown() }),
  z.object({ task: z.literal('expire'), requestId: z.string(), ownerUnitId: z.string() }),
])

export const handler = async (event: unknown) => {
  const p = parse(Payload, event)
  switch (p.task) {
    case 'awaitDecision': return awaitDecision(p)
    case 'escalate': return escalate(p)
    case 'apply': return apply(p)
    case 'reject': return reject(p)
    case 'expire': return expire(p)
  }
}
