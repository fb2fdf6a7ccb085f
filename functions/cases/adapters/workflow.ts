/**
 * Starts the `case-deadlines` state machine for the deadline of one step of
 * a case. One execution per (case, phase, due): the name derives from them,
 * so a retried start cannot run twice, and an extension (a new due day)
 * starts its own.
 */
import { createHash } from 'node:crypto'
import { StartExecutionCommand } from '@aws-sdk/client-sfn'
import { stepFunctions } from '../../lib/clients.js'
import { env } from '../../lib/env.js'

export interface CaseDeadlineInput { caseId: string; phase: 'acceptance' | 'handling'; due: string; reminderSeconds: number; restSeconds: number }

export const caseDeadlineWorkflow = {
  async start(input: CaseDeadlineInput): Promise<string> {
    const name = `case-${createHash('sha256').update(`${input.caseId}|${input.phase}|${input.due}`).digest('hex').slice(0, 40)}`
    const res = await stepFunctions().send(new StartExecutionCommand({ stateMachineArn: env().CASE_DEADLINES_STATE_MACHINE_ARN, name, input: JSON.stringify(input) }))
    return res.executionArn!
  },
}
