/**
 * Step Functions calls of the members module: start the transfer and the
 * residence-comment workflows, answer their human steps (a decision, the
 * receiving cell's acceptance, the comment form and its confirmation).
 */
import { createHash } from 'node:crypto'
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn'
import { stepFunctions } from '../../lib/clients.js'
import { env } from '../../lib/env.js'

/** A step whose timer fired first no longer waits: the answer is already recorded on the record itself. */
const NOT_WAITING = ['TaskTimedOut', 'TaskDoesNotExist']

export interface TransferWorkflowInput { transferId: string; kind: 'official' | 'temporary'; step: number; approvalSeconds: number; acceptSeconds: number; lateSeconds: number }

/** Each step's time is split: a reminder at half of it, escalation at the end. */
export function reminderSplit(approvalSeconds: number): { reminderSeconds: number; restSeconds: number } {
  const reminderSeconds = Math.max(1, Math.floor(approvalSeconds / 2))
  return { reminderSeconds, restSeconds: Math.max(1, approvalSeconds - reminderSeconds) }
}
export type DecisionOutput = { outcome: 'next'; nextStep: number } | { outcome: 'approved' } | { outcome: 'rejected' }
export type ReturnOutput = { outcome: 'returned' } | { outcome: 'extended'; returnSeconds: number }

export const transferWorkflow = {
  async start(input: TransferWorkflowInput): Promise<string> {
    const res = await stepFunctions().send(new StartExecutionCommand({
      stateMachineArn: env().TRANSFER_STATE_MACHINE_ARN, name: input.transferId.replace('.', '-'), input: JSON.stringify({ ...input, ...reminderSplit(input.approvalSeconds) }),
    }))
    return res.executionArn!
  },
  /**
   * Answers a human step. `false` when the step is no longer waiting (its timer fired first): the
   * decision is already recorded on the transfer, and the timeout branch's task finds it and goes on
   * as decided (see `recordedDecision` in usecases/workflow-steps.ts).
   */
  async answerIfWaiting(taskToken: string, output: DecisionOutput | { accepted: true } | ReturnOutput): Promise<boolean> {
    try {
      await transferWorkflow.answer(taskToken, output)
      return true
    } catch (err) {
      if (NOT_WAITING.includes((err as Error)?.name)) return false
      throw err
    }
  },
  async answer(taskToken: string, output: DecisionOutput | { accepted: true } | ReturnOutput): Promise<void> {
    await stepFunctions().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }))
  },
}

export const commentWorkflow = {
  /** One execution per request (its name derives from the request id, so a retried start cannot run twice). */
  async start(input: { commentId: string; deadlineSeconds: number }): Promise<void> {
    await stepFunctions().send(new StartExecutionCommand({
      stateMachineArn: env().COMMENT_STATE_MACHINE_ARN, name: `cm-${createHash('sha256').update(input.commentId).digest('hex').slice(0, 40)}`,
      input: JSON.stringify(input),
    }))
  },
  async answerIfWaiting(taskToken: string, output: unknown): Promise<boolean> {
    try {
      await stepFunctions().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }))
      return true
    } catch (err) {
      if (NOT_WAITING.includes((err as Error)?.name)) return false
      throw err
    }
  },
}
