/**
 * Structured JSON logs (Powertools Logger), one logger per service (a
 * module's id; the function's own service name by default). Adapters and
 * projectors import `log` from here; the HTTP middleware adds the request
 * id, route and user id to the module's logger (http.ts).
 */
import { Logger } from '@aws-lambda-powertools/logger'
import { env } from './env.js'

const loggers = new Map<string, Logger>()
/** The logger of a service. */
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
