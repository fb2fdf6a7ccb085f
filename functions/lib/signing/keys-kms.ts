/**
 * KMS adapter of the signing-key port. Keys are asymmetric KMS keys
 * (RSA_2048 or larger, usage SIGN_VERIFY) found through an alias per subject
 * — `alias/<prefix>-org-<id>` and `alias/<prefix>-person-<id>` — so keys can
 * be rotated by moving the alias. KMS keeps no certificates: the chain issued
 * for each key is a PEM bundle in the platform's bucket under
 * `certs/<kind>/<id>.pem`, and the roots in `certs/roots.pem`. The request mapping is unit-tested
 * (tests/unit/signing/keys-kms.test.ts); real KMS cannot run here.
 */
import { KMSClient, NotFoundException, SignCommand } from '@aws-sdk/client-kms'
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3'
import { RuleError } from '../../../shared/errors/index.js'
import { s3Client } from '../clients.js'
import type { SignerRef, SigningKeyStore } from './keys-port.js'
import { orderChain, pemBlocks } from './pem.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { envNow } from '../env.js'

type Sender<C extends { send: unknown }> = Pick<C, 'send'>

export interface KmsSigningConfig {
  /** `SIGNING_KEY_ALIAS_PREFIX`, e.g. `digital-office-prod`. */
  aliasPrefix: string
  /** `SIGNING_CERTS_BUCKET`: where the certificate chains are kept. */
  certsBucket: string
}

let kms: KMSClient | undefined
function kmsClient(): KMSClient {
  kms ??= new KMSClient({})
  return kms
}

export function keyAlias(prefix: string, subject: Pick<SignerRef, 'kind' | 'id'>): string {
  return `alias/${prefix}-${subject.kind === 'organisation' ? 'org' : 'person'}-${subject.id}`
}

/** Object keys of the certificates bucket (shared/table/objects.ts). */
export const certificateKey = (subject: Pick<SignerRef, 'kind' | 'id'>): string => objectKeys.signingCertificate(subject)

/** The roots the platform's chains end in, kept next to them (too large for Lambda's 4 KB of environment). */
export const ROOTS_KEY = objectKeys.signingRoots

export function kmsSigningKeys(
  clients: { kms: Sender<KMSClient>; s3: Sender<S3Client> } = { kms: kmsClient(), s3: s3Client() },
  cfg: KmsSigningConfig = {
    aliasPrefix: envNow().SIGNING_KEY_ALIAS_PREFIX,
    certsBucket: envNow().SIGNING_CERTS_BUCKET,
  },
): SigningKeyStore {
  // Chains change only when a certificate is reissued, which comes with a new key and a cold start is cheap to wait for.
  const chains = new Map<string, Promise<string[]>>()

  let roots: Promise<string[]> | undefined
  const loadRoots = async (): Promise<string[]> => {
    if (!cfg.certsBucket) return []
    try {
      const res = await clients.s3.send(new GetObjectCommand({ Bucket: cfg.certsBucket, Key: ROOTS_KEY }))
      return pemBlocks(await res.Body!.transformToString('utf8'))
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return []
      throw err
    }
  }

  const loadChain = async (subject: SignerRef): Promise<string[]> => {
    const key = certificateKey(subject)
    try {
      const res = await clients.s3.send(new GetObjectCommand({ Bucket: cfg.certsBucket, Key: key }))
      const pems = pemBlocks(await res.Body!.transformToString('utf8'))
      if (pems.length === 0) throw noCertificate(subject)
      return orderChain(pems)
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') throw noCertificate(subject)
      throw err
    }
  }

  return {
    trustedRoots() {
      roots ??= loadRoots()
      roots.catch(() => { roots = undefined })
      return roots
    },
    certificateChain(subject) {
      const cacheKey = `${subject.kind}/${subject.id}`
      let chain = chains.get(cacheKey)
      if (!chain) {
        chain = loadChain(subject)
        chains.set(cacheKey, chain)
        chain.catch(() => chains.delete(cacheKey))
      }
      return chain
    },
    async sign(subject, digest) {
      if (digest.length !== 32) throw new Error(`A SHA-256 digest has 32 bytes, not ${digest.length}`)
      try {
        const res = await clients.kms.send(new SignCommand({
          KeyId: keyAlias(cfg.aliasPrefix, subject),
          Message: digest,
          MessageType: 'DIGEST',
          SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
        }))
        if (!res.Signature) throw new Error('KMS returned no signature')
        return res.Signature
      } catch (err) {
        if (err instanceof NotFoundException || (err as { name?: string }).name === 'NotFoundException') throw noCertificate(subject)
        throw err
      }
    },
  }
}

/** The signer has no key or certificate yet: an administrator must issue one. */
function noCertificate(subject: SignerRef): RuleError {
  return new RuleError('signature.noCertificate', { name: subject.commonName })
}
