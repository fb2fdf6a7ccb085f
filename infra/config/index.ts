import { z } from 'zod'
import { AppConfigSchema, ENV_NAMES, EnvNameSchema, type AppConfig, type AppConfigInput, type EnvName } from './types.js'
import { dev } from './dev.js'
import { staging } from './staging.js'
import { prod } from './prod.js'

export * from './types.js'

const CONFIGS: Record<EnvName, AppConfigInput> = { dev, staging, prod }

/** The default when `-c env=<name>` is not given. */
export const DEFAULT_ENV: EnvName = 'dev'

/**
 * The validated configuration of one environment.
 * @throws Error naming the known environments when `envName` is not one of them,
 *   or listing every invalid field when the env file does not pass the schema.
 */
export function loadConfig(envName: string, overrides: { oidc?: unknown } = {}): AppConfig {
  const name = EnvNameSchema.safeParse(envName)
  if (!name.success) {
    throw new Error(`Unknown environment "${envName}". Use -c env=<${ENV_NAMES.join('|')}>.`)
  }
  const input = CONFIGS[name.data]
  // `-c oidc='{…}'`: an OIDC provider for this synth, over the env file's (validated like it).
  const withOverrides = overrides.oidc === undefined ? input : { ...input, auth: { ...input.auth, oidc: overrides.oidc } } as AppConfigInput
  const parsed = AppConfigSchema.safeParse(withOverrides)
  if (!parsed.success) {
    throw new Error(`Invalid configuration for environment "${envName}":\n${z.prettifyError(parsed.error)}`)
  }
  if (parsed.data.envName !== name.data) {
    throw new Error(`infra/config/${name.data}.ts declares envName "${parsed.data.envName}"`)
  }
  return parsed.data
}
