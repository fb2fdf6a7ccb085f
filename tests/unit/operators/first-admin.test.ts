/**
 * `npm run admin:create`'s AWS mapping (real Cognito and CloudFormation
 * cannot run here): the AdminCreateUser request it sends (mailed or printed
 * temporary password, a verified address), an existing account answered as
 * Cognito answers it (UsernameExistsException) reported as "exists",
 * throttling waited out and then refused in words; the stack's outputs read
 * with DescribeStacks, a missing stack and a stack without the outputs said
 * in words. The org-store part runs against the embedded runtime
 * (tests/integration/ops/admin-create.test.ts).
 */
import {
  AdminCreateUserCommand, AliasExistsException, TooManyRequestsException, UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider'
import { CloudFormationServiceException, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { describe, expect, it } from 'vitest'
import { cognitoAdminAccounts } from '../../../infra/operators/first-admin.js'
import { OperatorError, stackName, stackOutputs } from '../../../infra/operators/environment.js'
import { PASSWORD_POLICY } from '../../../shared/auth/password-policy.js'
import { urlsOf } from '../../../infra/operators/smoke.js'

const POOL = 'ap-southeast-1_AbCdEf123'
const noWait = async () => undefined

/** A client stand-in that records what it is sent and answers from a script (an Error is thrown, as the SDK throws). */
function fakeClient(answer: (command: unknown, n: number) => unknown) {
  const sent: unknown[] = []
  return {
    sent,
    send: async (command: unknown) => {
      sent.push(command)
      const result = answer(command, sent.length)
      if (result instanceof Error) throw result
      return result
    },
  }
}
const cognito = (c: ReturnType<typeof fakeClient>) => cognitoAdminAccounts(c as never, POOL, { wait: noWait })

/** Cognito's own exceptions, as the SDK deserialises them. */
const exists = () => new UsernameExistsException({ message: 'User account already exists', $metadata: { httpStatusCode: 400 } })
const throttled = () => new TooManyRequestsException({ message: 'Too many requests', $metadata: { httpStatusCode: 429 } })
/** CloudFormation's errors have no classes of their own: a service exception named by its code. */
const cfError = (name: string, message: string) => new CloudFormationServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 400 } })

async function errorOf(p: Promise<unknown>): Promise<Error | undefined> {
  try { await p } catch (err) { return err as Error }
  return undefined
}

describe('admin:create — Cognito', () => {
  it('creates the account with a verified address, and Cognito mails the temporary password it makes', async () => {
    const client = fakeClient(() => ({ User: { Username: 'quantri', UserStatus: 'FORCE_CHANGE_PASSWORD' } }))

    const outcome = await cognito(client).create({ username: 'quantri', email: 'quantri@example.vn', printPassword: false })

    expect(outcome).toEqual({ status: 'created' })
    expect(client.sent).toHaveLength(1)
    const cmd = client.sent[0] as AdminCreateUserCommand
    expect(cmd).toBeInstanceOf(AdminCreateUserCommand)
    expect(cmd.input).toEqual({
      UserPoolId: POOL, Username: 'quantri', DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [{ Name: 'email', Value: 'quantri@example.vn' }, { Name: 'email_verified', Value: 'true' }],
    })
  })

  it('with --print-password: no mail, and the temporary password it sets (within the pool policy) is the one given back', async () => {
    const client = fakeClient(() => ({ User: { Username: 'quantri' } }))

    const outcome = await cognito(client).create({ username: 'quantri', email: 'quantri@example.vn', printPassword: true })

    const input = (client.sent[0] as AdminCreateUserCommand).input
    expect(input.MessageAction).toBe('SUPPRESS')
    expect(input.DesiredDeliveryMediums).toBeUndefined()
    expect(outcome).toEqual({ status: 'created', temporaryPassword: input.TemporaryPassword })
    expect(input.TemporaryPassword!.length).toBeGreaterThanOrEqual(PASSWORD_POLICY.minLength)
    expect(input.TemporaryPassword).toMatch(/[A-Z]/)
    expect(input.TemporaryPassword).toMatch(/[a-z]/)
    expect(input.TemporaryPassword).toMatch(/[0-9]/)
    expect(input.TemporaryPassword).toMatch(/[^A-Za-z0-9]/)
  })

  it('an account that exists (UsernameExistsException) is reported as existing, not an error, and nothing else is sent', async () => {
    const client = fakeClient(() => exists())

    const outcome = await cognito(client).create({ username: 'quantri', email: 'quantri@example.vn', printPassword: true })

    expect(outcome).toEqual({ status: 'exists' })
    expect(client.sent).toHaveLength(1)
  })

  it('waits out throttling and then creates; throttled every time, it refuses in words that say it is safe to run again', async () => {
    const twice = fakeClient((_c, n) => (n <= 2 ? throttled() : { User: { Username: 'quantri' } }))
    expect(await cognito(twice).create({ username: 'quantri', email: 'quantri@example.vn', printPassword: false })).toEqual({ status: 'created' })
    expect(twice.sent).toHaveLength(3)

    const always = fakeClient(() => throttled())
    const err = await errorOf(cognito(always).create({ username: 'quantri', email: 'quantri@example.vn', printPassword: false }))
    expect(err).toBeInstanceOf(OperatorError)
    expect(err!.message).toContain('safe to re-run')
    expect(always.sent).toHaveLength(5)
  })

  it('an address another account has (AliasExistsException) is refused in words; an unknown error is not hidden', async () => {
    const alias = fakeClient(() => new AliasExistsException({ message: 'An account with the email already exists.', $metadata: {} }))
    const err = await errorOf(cognito(alias).create({ username: 'quantri', email: 'quantri@example.vn', printPassword: false }))
    expect(err).toBeInstanceOf(OperatorError)
    expect(err!.message).toContain('quantri@example.vn already belongs to another account')

    const boom = fakeClient(() => Object.assign(new Error('Internal'), { name: 'InternalErrorException' }))
    const other = await errorOf(cognito(boom).create({ username: 'quantri', email: 'quantri@example.vn', printPassword: false }))
    expect(other).not.toBeInstanceOf(OperatorError)
    expect(other!.name).toBe('InternalErrorException')
  })
})

describe('admin:create — the stateful stack\'s outputs', () => {
  const STACK = {
    StackName: 'do-staging-stateful', StackStatus: 'CREATE_COMPLETE', CreationTime: new Date(),
    Outputs: [
      { OutputKey: 'UserPoolId', OutputValue: POOL }, { OutputKey: 'UserPoolClientId', OutputValue: 'client-1' },
      { OutputKey: 'TableName', OutputValue: 'do-staging' }, { OutputKey: 'AuditKeyArn', OutputValue: 'arn:aws:kms:ap-southeast-1:111122223333:key/abc' },
    ],
  }

  it('asks DescribeStacks for the environment\'s stateful stack and gives its outputs by key', async () => {
    const client = fakeClient(() => ({ Stacks: [STACK] }))

    const outputs = await stackOutputs(client as never, stackName('staging', 'stateful'), ['UserPoolId', 'TableName', 'AuditKeyArn'], { wait: noWait })

    expect((client.sent[0] as DescribeStacksCommand)).toBeInstanceOf(DescribeStacksCommand)
    expect((client.sent[0] as DescribeStacksCommand).input).toEqual({ StackName: 'do-staging-stateful' })
    expect(outputs).toMatchObject({ UserPoolId: POOL, TableName: 'do-staging', AuditKeyArn: STACK.Outputs[3]!.OutputValue })
  })

  it('a stack that is not deployed (ValidationError "does not exist") is said in words', async () => {
    const client = fakeClient(() => cfError('ValidationError', 'Stack with id do-staging-stateful does not exist'))
    const err = await errorOf(stackOutputs(client as never, 'do-staging-stateful', ['UserPoolId'], { wait: noWait }))
    expect(err).toBeInstanceOf(OperatorError)
    expect(err!.message).toContain('stack do-staging-stateful does not exist in this account and region')
  })

  it('a stack deployed before the outputs existed names the missing ones', async () => {
    const client = fakeClient(() => ({ Stacks: [{ ...STACK, Outputs: STACK.Outputs.slice(0, 2) }] }))
    const err = await errorOf(stackOutputs(client as never, 'do-staging-stateful', ['UserPoolId', 'TableName', 'AuditKeyArn'], { wait: noWait }))
    expect(err).toBeInstanceOf(OperatorError)
    expect(err!.message).toContain('has no output TableName, AuditKeyArn')
  })

  it('waits out CloudFormation\'s throttling (error code Throttling)', async () => {
    const client = fakeClient((_c, n) => (n === 1 ? cfError('Throttling', 'Rate exceeded') : { Stacks: [STACK] }))
    const outputs = await stackOutputs(client as never, 'do-staging-stateful', ['UserPoolId'], { wait: noWait })
    expect(outputs.UserPoolId).toBe(POOL)
    expect(client.sent).toHaveLength(2)
  })
})

describe('npm run smoke -- --env', () => {
  it('takes the site from the web stack\'s SiteUrl and the API\'s own endpoint from the api stack\'s ExecuteApiUrl', async () => {
    const client = fakeClient((command) => {
      const name = (command as DescribeStacksCommand).input.StackName
      if (name === 'do-staging-web') return { Stacks: [{ StackName: name, StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date(), Outputs: [{ OutputKey: 'SiteUrl', OutputValue: 'https://d111.cloudfront.net' }, { OutputKey: 'ApiUrl', OutputValue: 'https://d111.cloudfront.net/api' }] }] }
      if (name === 'do-staging-api') return { Stacks: [{ StackName: name, StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date(), Outputs: [{ OutputKey: 'ExecuteApiUrl', OutputValue: 'https://abc123.execute-api.ap-southeast-1.amazonaws.com' }] }] }
      return cfError('ValidationError', `Stack with id ${name} does not exist`)
    })

    expect(await urlsOf('staging', client as never)).toEqual({ url: 'https://d111.cloudfront.net', apiUrl: 'https://abc123.execute-api.ap-southeast-1.amazonaws.com' })
    const err = await errorOf(urlsOf('prod', client as never))
    expect(err).toBeInstanceOf(OperatorError)
    expect(err!.message).toMatch(/stack do-prod-(web|api) does not exist/)
  })
})
