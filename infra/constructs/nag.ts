/**
 * Helpers for cdk-nag acknowledgements that must name a finding exactly.
 *
 * The IAM5 rule reports each wildcard resource as `Resource::<flattened>`,
 * where the resource's CloudFormation value is flattened the way cdk-nag
 * does it (`{"Ref":"X"}` → `<X>`, `{"Fn::GetAtt":["X","Arn"]}` → `<X.Arn>`,
 * `Fn::Join` concatenated). Computing the id from the same token keeps the
 * acknowledgement pinned to that one resource.
 */
import { Stack } from 'aws-cdk-lib'
import type { IConstruct } from 'constructs'

function flatten(node: unknown): string {
  if (node === undefined) return ''
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>')
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>
    if (o['Fn::Join']) {
      const [delimiter, items] = o['Fn::Join'] as [string, unknown[]]
      return items.map(flatten).join(delimiter)
    }
    if (o['Fn::Sub']) return flatten(o['Fn::Sub'])
    if (o['Fn::GetAtt']) {
      const [resource, attribute] = o['Fn::GetAtt'] as [unknown, unknown]
      return `<${flatten(resource)}.${flatten(attribute)}>`
    }
    if (o['Fn::ImportValue']) return flatten(o['Fn::ImportValue'])
    if (o.Ref) return `<${flatten(o.Ref)}>`
  }
  return JSON.stringify(node)
}

/**
 * The cdk-nag id of the IAM5 finding for a wildcard resource ARN, as seen
 * from `scope`'s stack. Only for values that resolve inside that stack
 * (literals, pseudo parameters, local resources), not cross-stack imports.
 */
export function wildcardResourceFinding(scope: IConstruct, arn: string): string {
  return `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(arn))}]`
}
