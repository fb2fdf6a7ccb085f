/**
 * Lambda entry for the digitisation workflow's tasks (Step Functions
 * `lambda:invoke` payloads): task name → payload schema → step.
 */
import { z } from 'zod'
import { task, taskDispatcher } from '../lib/tasks.js'
import { batchId } from '../../shared/archives/contracts.js'
import { assembleBatch, batchFailed, pageFailed, readPage } from './usecases/pipeline.js'

const StepError = z.object({ Error: z.string().optional(), Cause: z.string().optional() }).passthrough().optional()
const pageNo = z.number().int().positive()

export const handler = taskDispatcher({
  readPage: task(z.object({ batchId, pageNo, source: z.number().int().min(0), index: z.number().int().min(0) }), readPage),
  pageFailed: task(z.object({ batchId, pageNo, error: StepError }), pageFailed),
  assemble: task(z.object({ batchId }), assembleBatch),
  batchFailed: task(z.object({ batchId, error: StepError }), batchFailed),
})
