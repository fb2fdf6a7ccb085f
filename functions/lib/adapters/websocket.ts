/**
 * Sending a message to one WebSocket connection, whichever host holds it:
 * API Gateway's management API (`PostToConnection` at the WebSocket stage's
 * callback URL, `LIVE_CALLBACK_URL`) on AWS, the embedded gateway's own `ws`
 * server locally (it registers itself with `useLocalSender`). Callers see one
 * answer: `sent`, or `gone` when the connection no longer exists (API
 * Gateway's 410 `GoneException`), which they forget. Throttling
 * (429 `TooManyRequestsException`, `LimitExceededException`) is retried by
 * the SDK's standard strategy with backoff; anything else is thrown.
 */
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi'
import { env } from '../env.js'

export type SendResult = 'sent' | 'gone'
export interface ConnectionSender { send(connectionId: string, data: string): Promise<SendResult> }

/** Attempts per message when API Gateway throttles (the SDK backs off between them). */
export const SEND_ATTEMPTS = 5

/** The management API's sender at `endpoint` (the stage's callback URL: `https://{api}.execute-api.{region}.amazonaws.com/{stage}`). */
export function apiGatewaySender(endpoint: string, client = new ApiGatewayManagementApiClient({ endpoint, maxAttempts: SEND_ATTEMPTS })): ConnectionSender {
  return {
    async send(connectionId, data) {
      try {
        await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(data) }))
        return 'sent'
      } catch (err) {
        if (err instanceof GoneException || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410) return 'gone'
        throw err
      }
    },
  }
}

let local: ConnectionSender | undefined
/** The embedded gateway's sender (its `ws` server), registered when it starts. */
export function useLocalSender(sender: ConnectionSender | undefined): void { local = sender }

let aws: ConnectionSender | undefined
/** This host's sender, chosen by `LIVE`. */
export function connectionSender(): ConnectionSender {
  const e = env()
  if (e.LIVE === 'apigateway') {
    if (!e.LIVE_CALLBACK_URL) throw new Error('LIVE_CALLBACK_URL must be set where LIVE=apigateway')
    return (aws ??= apiGatewaySender(e.LIVE_CALLBACK_URL))
  }
  // No gateway in this process (a unit test, a script): nobody is connected here.
  return local ?? { send: async () => 'gone' }
}
