/**
 * Powertools for AWS Lambda, set up once: structured JSON logs (Logger),
 * X-Ray traces (Tracer: active on Lambda only, a no-op elsewhere) and
 * CloudWatch metrics in the embedded metric format (Metrics, namespace
 * DigitalOffice). The settings are the POWERTOOLS_* variables of env.ts.
 */
import { Logger } from '@aws-lambda-powertools/logger'
import { Metrics } from '@aws-lambda-powertools/metrics'
import { Tracer } from '@aws-lambda-powertools/tracer'
import { env } from './env.js'

export const METRICS_NAMESPACE = 'DigitalOffice'

const loggers = new Map<string, Logger>()
/** The logger of a service (a module's id; the function's own service name by default). */
export function loggerFor(service = env().POWERTOOLS_SERVICE_NAME): Logger {
  let logger = loggers.get(service)
  if (!logger) loggers.set(service, (logger = new Logger({ serviceName: service, logLevel: env().POWERTOOLS_LOG_LEVEL })))
  return logger
}

/** The process's logger, for code outside a request's middleware (adapters, projectors). */
export const log = {
  info: (message: string, extra: Record<string, unknown> = {}) => loggerFor().info(message, extra),
  warn: (message: string, extra: Record<string, unknown> = {}) => loggerFor().warn(message, extra),
  error: (message: string, extra: Record<string, unknown> = {}) => loggerFor().error(message, extra),
}

export const tracerFor = (service: string): Tracer => new Tracer({ serviceName: service })

export const metricsFor = (service: string): Metrics =>
  new Metrics({ namespace: env().POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE, serviceName: service })

/** The metric a request's outcome counts in: Http2xx, Http3xx, Http4xx or Http5xx. */
export const outcomeMetric = (status: number): string => `Http${Math.min(5, Math.max(2, Math.floor(status / 100)))}xx`
