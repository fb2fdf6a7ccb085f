/**
 * What operators' commands (admin-create.ts, smoke.ts) learn of a deployed
 * environment: its stacks' outputs (CloudFormation DescribeStacks), with
 * throttling waited out and a missing stack said in words. Tested against a
 * fake that answers as CloudFormation does (tests/unit/operators/first-admin.test.ts).
 */
import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation'

/** A refusal the operator can act on: printed as it is, exit code 2. */
export class OperatorError extends Error {
  override name = 'OperatorError'
}

const THROTTLED = new Set(['TooManyRequestsException', 'LimitExceededException', 'ThrottlingException', 'Throttling'])
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Calls `f` again while the service throttles (after the SDK's own retries):
 * an operator's command can wait longer than a request can. The last
 * throttling is a refusal that says the command may be run again.
 */
export async function whileThrottled<T>(service: string, f: () => Promise<T>, opts: { attempts?: number; wait?: (attempt: number) => Promise<unknown> } = {}): Promise<T> {
  const attempts = opts.attempts ?? 5
  const wait = opts.wait ?? ((n: number) => sleep(1000 * 2 ** n))
  for (let n = 1; ; n++) {
    try {
      return await f()
    } catch (err) {
      if (!THROTTLED.has((err as { name?: string })?.name ?? '')) throw err
      if (n >= attempts) throw new OperatorError(`${service} từ chối vì quá nhiều yêu cầu; chạy lại lệnh sau ít phút (an toàn khi chạy lại) / ${service} is throttling requests: run the command again in a few minutes (it is safe to re-run)`)
      await wait(n)
    }
  }
}

type Sender = Pick<CloudFormationClient, 'send'>

/** The stacks of an environment, as infra/app.ts names them. */
export const stackName = (envName: string, stack: 'stateful' | 'api' | 'web' | 'ops' | 'workflow'): string => `do-${envName}-${stack}`

/** The outputs of a deployed stack by key; the `wanted` ones must be there. */
export async function stackOutputs(client: Sender, name: string, wanted: readonly string[], opts: { wait?: (attempt: number) => Promise<unknown> } = {}): Promise<Record<string, string>> {
  let res
  try {
    res = await whileThrottled('CloudFormation', () => client.send(new DescribeStacksCommand({ StackName: name })), opts)
  } catch (err) {
    const { name: code, message } = (err ?? {}) as { name?: string; message?: string }
    // CloudFormation's answer for a stack that is not there: ValidationError "Stack with id … does not exist".
    if (code === 'ValidationError' && /does not exist/.test(message ?? '')) {
      throw new OperatorError(`Chưa có stack ${name} trong tài khoản và vùng này: chạy cdk deploy trước / stack ${name} does not exist in this account and region: deploy it first`)
    }
    throw err
  }
  const stack = res.Stacks?.[0]
  const outputs = Object.fromEntries((stack?.Outputs ?? []).flatMap((o) => (o.OutputKey && o.OutputValue ? [[o.OutputKey, o.OutputValue]] : [])))
  const missing = wanted.filter((k) => !outputs[k])
  if (missing.length > 0) {
    throw new OperatorError(`Stack ${name} (${stack?.StackStatus ?? '?'}) thiếu output / has no output ${missing.join(', ')}: deploy the current version of the stack`)
  }
  return outputs
}
