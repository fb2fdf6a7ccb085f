/** The platform's KMS keys: data encryption, and the audit chain's MAC key. */
import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms'
import { Construct } from 'constructs'

export interface PlatformKeysProps {
  /** Prefix of the key aliases, e.g. `do-prod` (`alias/do-prod/data`). */
  readonly prefix: string
  /** @default RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE */
  readonly removalPolicy?: RemovalPolicy
  /**
   * Days a deleted key waits before KMS destroys it.
   * @default 30
   */
  readonly pendingWindowDays?: number
}

export class PlatformKeys extends Construct {
  /** Encrypts the table, its stream, the uploads and the read-model storage. */
  readonly dataKey: Key
  /**
   * The audit trail's MAC key (HMAC_256): functions may ask KMS for a MAC, never read the key,
   * so whoever can write the table cannot recompute the chain after editing it (shared/audit/chain.ts).
   */
  readonly auditKey: Key

  constructor(scope: Construct, id: string, props: PlatformKeysProps) {
    super(scope, id)
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE
    const pendingWindow = Duration.days(props.pendingWindowDays ?? 30)
    this.dataKey = new Key(this, 'DataKey', {
      alias: `alias/${props.prefix}/data`,
      description: 'Digital Office: encryption of the table, its stream, uploads and the read-model storage',
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow,
    })
    this.auditKey = new Key(this, 'AuditKey', {
      alias: `alias/${props.prefix}/audit`,
      description: 'Digital Office: the keyed MAC of the audit chain (GenerateMac only)',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy,
      pendingWindow,
    })
    // Signing keys are not resources of the stack: one per organisation and signer, made as units and
    // people appear, by the operators' tool (infra/operators/signing.ts, `npm run signing`).
  }
}
