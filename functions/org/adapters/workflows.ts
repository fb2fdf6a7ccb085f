/**
 * Step Functions calls of the organisation module: start the approval
 * workflow, answer its human step with the decision.
 */
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn'
import { stepFunctions } from '../../lib/clients.js'
import { env } from '../../lib/env.js'

export interface ReorganisationWorkflowInput { requestId: string; ownerUnitId: string; deadlineSeconds: number }

export const reorganisationWorkflow = {
  async start(input: ReorganisationWorkflowInput): Promise<string> {
    const res = await stepFunctions().send(new StartExecutionCommand({
      stateMachineArn: env().REORGANISATION_STATE_MACHINE_ARN, name: input.requestId, input: JSON.stringify(input),
    }))
    return res.executionArn!
  },
  async decide(taskToken: string, decision: { approved: boolean; comment?: string; userId: string; fullName: string }): Promise<void> {
    await stepFunctions().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(decision) }))
  },
}
