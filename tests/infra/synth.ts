/**
 * Synthesises the CDK app of one environment once per test process and
 * exposes its templates; cdk-nag findings are collected per stack with the
 * same AwsSolutions pack the app registers.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Validations, type PolicyViolation, type Stack } from 'aws-cdk-lib'
import type { IConstruct } from 'constructs'
import { Template } from 'aws-cdk-lib/assertions'
import type { CloudAssembly } from 'aws-cdk-lib/cx-api'
import { AwsSolutionsChecks } from 'cdk-nag'
import { buildApp, type DigitalOfficeApp } from '../../infra/app.js'

export type StackKey = keyof DigitalOfficeApp['stacks']
export type Resource = { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string }

export interface SynthesizedEnv {
  readonly built: DigitalOfficeApp
  readonly templates: Readonly<Record<StackKey, Template>>
  /** The cloud assembly of the one synth (templates, and the annotations of every stack). */
  readonly assembly: CloudAssembly
  readonly outdir: string
}

const cache = new Map<string, SynthesizedEnv>()

/**
 * The app of `envName`, synthesised (with cdk-nag as a validation plugin,
 * which fails synth on any error) into a temporary folder. Without a built
 * site: web.test.ts covers the site deployment both ways. CDK's built-in
 * CloudFormation schema validation (warnings only, ~3 s to load) is left to
 * `cdk synth`.
 */
export function synthesize(envName: string): SynthesizedEnv {
  const hit = cache.get(envName)
  if (hit) return hit
  const outdir = mkdtempSync(join(tmpdir(), `do-infra-${envName}-`))
  const built = buildApp(envName, { appProps: { outdir, builtinCloudFormationValidation: false }, siteDir: join(outdir, 'no-site') })
  const assembly = built.app.synth()
  const templates = Object.fromEntries(Object.entries(built.stacks).map(([key, stack]) => [key, Template.fromStack(stack)])) as Record<StackKey, Template>
  const synthesized = { built, templates, assembly, outdir }
  cache.set(envName, synthesized)
  return synthesized
}

export function cleanup(envName: string): void {
  const hit = cache.get(envName)
  if (hit) rmSync(hit.outdir, { recursive: true, force: true })
  cache.delete(envName)
}

/**
 * Error and warning annotations of a stack, read from the assembly already
 * synthesised (what `Annotations.fromStack` reads, without re-synthesising).
 */
export function annotationsOf(env: SynthesizedEnv, stack: Stack, level: 'error' | 'warning'): string[] {
  return env.assembly.getStackArtifact(stack.artifactId).messages
    .filter((m) => m.level === level)
    .map((m) => `${m.id}: ${String(m.entry.data)}`)
}

/** Unacknowledged AwsSolutions findings (errors and warnings) of one stack. */
export function nagFindings(stack: Stack): PolicyViolation[] {
  return new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack).violations
}

export const resourcesOf = (template: Template, type: string): Record<string, Resource> =>
  template.findResources(type) as Record<string, Resource>

/** Statements of every identity policy and inline policy attached to a role (by logical id). */
export function roleStatements(template: Template, roleLogicalId: string): Record<string, any>[] {
  const statements: Record<string, any>[] = []
  for (const policy of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
    const roles = policy.Properties?.Roles as unknown[] | undefined
    if (roles?.some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleLogicalId }))) {
      statements.push(...policy.Properties?.PolicyDocument.Statement)
    }
  }
  const role = resourcesOf(template, 'AWS::IAM::Role')[roleLogicalId]
  for (const inline of (role?.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Record<string, any>[] } }[]) {
    statements.push(...inline.PolicyDocument.Statement)
  }
  return statements
}

export const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/** Every action a role is allowed. */
export const allowedActions = (statements: Record<string, any>[]): string[] =>
  statements.filter((s) => s.Effect === 'Allow').flatMap((s) => asArray<string>(s.Action))

/** The Lambda function `do-<env>-<moduleId>`, wherever it lives, with its stack's template. */
export function findFunction(env: SynthesizedEnv, moduleId: string): { stack: StackKey; template: Template; logicalId: string; resource: Resource } {
  const name = `do-${env.built.config.envName}-${moduleId}`
  for (const [stack, template] of Object.entries(env.templates) as [StackKey, Template][]) {
    for (const [logicalId, resource] of Object.entries(resourcesOf(template, 'AWS::Lambda::Function'))) {
      if (resource.Properties?.FunctionName === name) return { stack, template, logicalId, resource }
    }
  }
  throw new Error(`no function named ${name}`)
}

export interface Acknowledgement { readonly id: string; readonly reason: string; readonly path: string }

/** Every cdk-nag/validation acknowledgement recorded in a construct tree. */
export function acknowledgements(scope: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = []
  for (const construct of scope.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ id: id.replace(/^annotation::/i, ''), reason, path: construct.node.path })
      }
    }
  }
  return found
}
