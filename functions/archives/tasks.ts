/**
 * Lambda entry for the digitisation workflow's tasks (Step Functions
 * `lambda:invoke` payloads). Parses the payload and calls one step.
 */
import { z } from 'zod'
import { parse } from '../lib/validation.js'
import { batchId } from '../../shared/archives/contracts.js'
import { assembleBatch, batchFailed, pageFailed, readPage } from './usecases/pipeline.js'

const StepError = z.object({ Error: z.string().optional(), Cause: z.string().optional() }).passthrough().optional()
const Payload = z.discriminatedUnion('task', [
  z.object({ task: z.literal('readPage'), batchId, pageNo: z.number().int().positive(), source: z.number().int().min(0), index: z.number().int().min(0) }),
  z.object({ task: z.literal('pageFailed'), batchId, pageNo: z.number().int().positive(), error: StepError }),
  z.object({ task: z.literal('assemble'), batchId }),
  z.object({ task: z.literal('batchFailed'), batchId, error: StepError }),
])

export const handler = async (event: unknown) => {
  const p = parse(Payload, event)
  switch (p.task) {
    case 'readPage': return readPage(p)
    case 'pageFailed': return pageFailed(p)
    case 'assemble': return assembleBatch(p)
    case 'batchFailed': return batchFailed(p)
  }
}
