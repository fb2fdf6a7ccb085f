import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Stack, Validations, type StackProps } from 'aws-cdk-lib'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs'
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions'
import type { Construct } from 'constructs'
import { REPO_ROOT } from '../build/bundle.js'
import type { AppConfig } from '../config/index.js'
import { AppFunction, removalPolicyOf } from '../constructs/app-function.js'
import type { PlatformResources } from '../constructs/platform-resources.js'
import { MODULES } from '../definitions/modules.js'
import { WORKFLOWS } from '../definitions/workflows.js'

export interface WorkflowStackProps extends StackProps {
  readonly config: AppConfig
  readonly resources: PlatformResources
  /** @default '.build/functions' */
  readonly bundleOutRoot?: string
}

/** `${Name}` placeholders of an ASL file (JSON text). */
export function aslPlaceholders(aslText: string): string[] {
  return [...new Set([...aslText.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))]
}

/**
 * The Step Functions workflows of workflows.ts, loaded from their ASL files
 * (the same files the embedded runtime runs), and the `workflow-task`
 * functions their states invoke.
 */
export class WorkflowStack extends Stack {
  /** The `workflow-task` functions, by module id. */
  readonly functions: Readonly<Record<string, AppFunction>>
  /** State machines by workflow id. */
  readonly stateMachines: Readonly<Record<string, StateMachine>>

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props)
    const { config, resources } = props
    const prefix = `do-${config.envName}`

    const functions: Record<string, AppFunction> = {}
    for (const module of MODULES.filter((m) => m.trigger === 'workflow-task')) {
      functions[module.id] = new AppFunction(this, `Fn-${module.id}`, { module, config, resources, bundleOutRoot: props.bundleOutRoot })
    }

    const stateMachines: Record<string, StateMachine> = {}
    for (const workflow of WORKFLOWS) {
      const file = join(REPO_ROOT, workflow.file)
      const placeholders = aslPlaceholders(readFileSync(file, 'utf8'))
      const substitutions = workflow.functionSubstitutions as Readonly<Record<string, string>>
      const missing = placeholders.filter((p) => !(p in substitutions))
      if (missing.length > 0) throw new Error(`${workflow.file}: no substitution for ${missing.join(', ')}`)

      const invoked = Object.entries(substitutions).map(([placeholder, moduleId]) => {
        const fn = functions[moduleId]
        if (!fn) throw new Error(`${workflow.id}: ${placeholder} names module "${moduleId}", which is not a workflow-task module`)
        return [placeholder, fn] as const
      })

      const logGroup = new LogGroup(this, `Logs-${workflow.id}`, {
        // The vended-logs prefix keeps the CloudWatch Logs resource policy small.
        logGroupName: `/aws/vendedlogs/states/${prefix}-${workflow.id}`,
        retention: config.logRetentionDays as RetentionDays,
        removalPolicy: removalPolicyOf(config),
      })
      const stateMachine = new StateMachine(this, `Workflow-${workflow.id}`, {
        stateMachineName: `${prefix}-${workflow.id}`,
        stateMachineType: StateMachineType.STANDARD,
        comment: workflow.description,
        definitionBody: DefinitionBody.fromFile(file),
        definitionSubstitutions: Object.fromEntries(invoked.map(([placeholder, fn]) => [placeholder, fn.function.functionArn])),
        // Execution data holds task tokens (secrets that answer a step) and people's data: never logged in prod.
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: config.envName !== 'prod' },
        tracingEnabled: true,
      })
      // Exactly the functions the definition names, unqualified ARNs as written in the ASL.
      stateMachine.addToRolePolicy(new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [...new Set(invoked.map(([, fn]) => fn.function.functionArn))],
      }))
      Validations.of(stateMachine).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Only the CloudWatch Logs delivery actions (logs:CreateLogDelivery, PutResourcePolicy, ...) and X-Ray actions that Step Functions logging/tracing require use "*": they have no resource-level permissions.',
      })
      stateMachines[workflow.id] = stateMachine
    }

    this.functions = functions
    this.stateMachines = stateMachines
  }
}
