/**
 * Lambda entry for the `case-deadlines` workflow's tasks (Step Functions
 * `lambda:invoke` payloads): the reminder at half the time and the
 * escalation at the legal deadline.
 */
import { z } from 'zod'
import { task, taskDispatcher } from '../lib/tasks.js'
import { caseId } from '../../shared/cases/contracts.js'
import { escalate, remind } from './usecases/deadlines.js'

const input = z.object({ caseId, phase: z.enum(['acceptance', 'handling']), due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })

export const handler = taskDispatcher({
  remind: task(input, (i) => remind(i)),
  escalate: task(input, (i) => escalate(i)),
})
