/** Starts the digitisation workflow of a batch (the execution is named after the batch: one per batch). */
import { StartExecutionCommand } from '@aws-sdk/client-sfn'
import { stepFunctions } from '../../lib/clients.js'
import { envNow } from '../../lib/env.js'

export interface DigitisationInput { batchId: string; pages: { pageNo: number; source: number; index: number }[] }

export const digitisationWorkflow = {
  async start(input: DigitisationInput): Promise<string> {
    const arn = envNow().DIGITISATION_STATE_MACHINE_ARN
    if (!arn) throw new Error('DIGITISATION_STATE_MACHINE_ARN is not set')
    const res = await stepFunctions().send(new StartExecutionCommand({ stateMachineArn: arn, name: input.batchId.replace('.', '-'), input: JSON.stringify(input) }))
    return res.executionArn!
  },
}
