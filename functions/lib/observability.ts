/**
 * Powertools for the HTTP modules (http.ts): CloudWatch metrics in the
 * embedded metric format (namespace DigitalOffice, a count per outcome) and
 * X-Ray traces. The tracer (and the X-Ray SDK under it, ~120 KiB) is loaded
 * on the first request and only on Lambda with tracing on, so no bundle's
 * cold start pays for it and the embedded runtime never loads it. Logs are
 * log.ts. The settings are the POWERTOOLS_* variables of env.ts.
 */
import type { MiddlewareObj, Request } from '@middy/core'
import { Metrics } from '@aws-lambda-powertools/metrics'
import { env } from './env.js'

export { loggerFor, log } from './log.js'

export const METRICS_NAMESPACE = 'DigitalOffice'

export const metricsFor = (service: string): Metrics =>
  new Metrics({ namespace: env().POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE, serviceName: service })

/** The metric a request's outcome counts in: Http2xx, Http3xx, Http4xx or Http5xx. */
export const outcomeMetric = (status: number): string => `Http${Math.min(5, Math.max(2, Math.floor(status / 100)))}xx`

/** On Lambda, unless POWERTOOLS_TRACE_ENABLED=false. */
export const tracingEnabled = (): boolean => !!env().AWS_LAMBDA_FUNCTION_NAME && env().POWERTOOLS_TRACE_ENABLED !== 'false'

/**
 * Powertools' `captureLambdaHandler` for `service`, loaded when first needed:
 * a middy middleware that delegates to it where tracing is on and does
 * nothing elsewhere.
 */
export function tracing(service: string, enabled: () => boolean = tracingEnabled): MiddlewareObj {
  let inner: Promise<MiddlewareObj | undefined> | undefined
  const load = () => (inner ??= enabled()
    ? Promise.all([import('@aws-lambda-powertools/tracer'), import('@aws-lambda-powertools/tracer/middleware')])
      .then(([{ Tracer }, { captureLambdaHandler }]) => captureLambdaHandler(new Tracer({ serviceName: service })) as MiddlewareObj)
    : Promise.resolve(undefined))
  return {
    before: async (request: Request) => { await (await load())?.before?.(request) },
    after: async (request: Request) => { await (await load())?.after?.(request) },
    onError: async (request: Request) => { await (await load())?.onError?.(request) },
  }
}
