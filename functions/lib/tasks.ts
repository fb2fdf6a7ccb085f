/**
 * The workflow-task dispatcher, written once: a Step Functions
 * `lambda:invoke` payload names its `task`; the table gives each task's input
 * schema and handler. An unknown task, or a payload its schema refuses, is a
 * ValidationError that names the field (the execution fails with it).
 */
import { z } from 'zod'
import { parse } from './validation.js'

export interface TaskDefinition<S extends z.ZodType = z.ZodType> {
  readonly input: S
  readonly run: (input: z.output<S>) => unknown
}

/** One task: its payload schema (the `task` field aside) and the step it runs. */
export const task = <S extends z.ZodType>(input: S, run: (input: z.output<S>) => unknown): TaskDefinition<S> => ({ input, run })

/** The Lambda handler for a table of tasks. */
export function taskDispatcher(tasks: Record<string, TaskDefinition>) {
  const names = Object.keys(tasks) as [string, ...string[]]
  const Envelope = z.object({ task: z.enum(names) }).passthrough()
  return async (event: unknown): Promise<unknown> => {
    const { task: name } = parse(Envelope, event)
    const definition = tasks[name]
    return definition.run(parse(definition.input, event))
  }
}
