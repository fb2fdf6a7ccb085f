/**
 * Step Functions calls of the members module: start the transfer workflow,
 * answer its human steps (a decision, the receiving cell's acceptance).
 */
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn'
import { stepFunctions } from '../../lib/clients.js'
import { env } from '../../lib/env.js'

export interface TransferWorkflowInput { transferId: string; kind: 'official' | 'temporary'; step: number; approvalSeconds: number; acceptSeconds: number; lateSeconds: number }
export type DecisionOutput = { outcome: 'next'; nextStep: number } | { outcome: 'approved' } | { outcome: 'rejected' }

export const transferWorkflow = {
  async start(input: TransferWorkflowInput): Promise<string> {
    const res = await stepFunctions().send(new StartExecutionCommand({
      stateMachineArn: env().TRANSFER_STATE_MACHINE_ARN, name: input.transferId.replace('.', '-'), input: JSON.stringify(input),
    }))
    return res.executionArn!
  },
  async answer(taskToken: string, output: DecisionOutput | { accepted: true } | { outcome: 'returned' } | { outcome: 'extended'; returnSeconds: number }): Promise<void> {
    await stepFunctions().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }))
  },
}
