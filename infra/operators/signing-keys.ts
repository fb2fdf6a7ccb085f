/**
 * Provisioning of signing keys on AWS, for operators. The documents module
 * signs with KMS keys found by alias — `alias/do-<env>-org-<unitId>` for an
 * organisation's seal, `alias/do-<env>-person-<userId>` for a signer — and
 * the certificate chain kept in the platform's bucket under `certs/`
 * (functions/lib/signing/keys-kms.ts). Keys are per organisation and signer
 * and appear as units and people do, so they are not CloudFormation
 * resources; this is the tool that makes them:
 *
 *   1. `createSigningKey`: an RSA-3072 SIGN_VERIFY key, its alias, and a
 *      PKCS#10 request signed by the key itself, for the CA;
 *   2. `importChain`: the chain the CA returned, checked against the key
 *      (same public key, valid now, a signing key usage, each certificate
 *      issued by the next) and written where the signer reads it;
 *   3. `importRoots`: the CA roots verifiers of this platform trust.
 *
 * The clients are injected: tests/unit/signing/provision.test.ts drives the
 * same calls through fakes that answer as KMS and S3 do.
 */
import {
  CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, GetPublicKeyCommand, NotFoundException, ScheduleKeyDeletionCommand, SignCommand, type KMSClient,
} from '@aws-sdk/client-kms'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { certificateKey, keyAlias, ROOTS_KEY } from '../../functions/lib/signing/keys-kms.js'
import { certificationRequest, checkChainForKey, type ChainProblem } from '../../functions/lib/signing/csr.js'
import { pemBlocks } from '../../functions/lib/signing/pem.js'
import type { SignerRef } from '../../functions/lib/signing/keys-port.js'

type Sender<C extends { send: unknown }> = Pick<C, 'send'>
export interface ProvisionClients { kms: Sender<KMSClient>; s3: Sender<S3Client> }
export interface ProvisionTarget {
  /** `do-<env>`: the prefix the environment's functions are allowed to sign under. */
  aliasPrefix: string
  /** The platform's uploads bucket, which keeps `certs/`. */
  bucket: string
}
export type Subject = Pick<SignerRef, 'kind' | 'id'> & { commonName: string; organisation: string }

export class ProvisionError extends Error {
  constructor(readonly code: 'alias.exists' | 'alias.missing' | ChainProblem | 'roots.empty', message: string) { super(message) }
}

async function publicKeyOf(kms: Sender<KMSClient>, alias: string): Promise<Uint8Array> {
  try {
    const res = await kms.send(new GetPublicKeyCommand({ KeyId: alias }))
    if (!res.PublicKey) throw new Error(`KMS returned no public key for ${alias}`)
    return res.PublicKey
  } catch (err) {
    if (err instanceof NotFoundException || (err as { name?: string }).name === 'NotFoundException') {
      throw new ProvisionError('alias.missing', `Chưa có khoá ${alias} — tạo bằng create-key trước / no key behind ${alias}: run create-key first`)
    }
    throw err
  }
}

async function aliasExists(kms: Sender<KMSClient>, alias: string): Promise<boolean> {
  try {
    await kms.send(new DescribeKeyCommand({ KeyId: alias }))
    return true
  } catch (err) {
    if (err instanceof NotFoundException || (err as { name?: string }).name === 'NotFoundException') return false
    throw err
  }
}

/** A certification request for the key behind `alias`, signed by that key in KMS. */
export async function requestFor(clients: ProvisionClients, alias: string, subject: Subject): Promise<string> {
  const spki = await publicKeyOf(clients.kms, alias)
  return certificationRequest(spki, { commonName: subject.commonName, organisation: subject.organisation }, async (digest) => {
    const res = await clients.kms.send(new SignCommand({ KeyId: alias, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }))
    if (!res.Signature) throw new Error('KMS returned no signature')
    return res.Signature
  })
}

export async function createSigningKey(clients: ProvisionClients, target: ProvisionTarget, subject: Subject): Promise<{ alias: string; keyId: string; csr: string }> {
  const alias = keyAlias(target.aliasPrefix, subject)
  if (await aliasExists(clients.kms, alias)) {
    throw new ProvisionError('alias.exists', `Khoá ${alias} đã có; dùng csr để lấy lại yêu cầu cấp chứng thư / ${alias} exists; use csr to get its request again`)
  }
  const created = await clients.kms.send(new CreateKeyCommand({
    KeySpec: 'RSA_3072', KeyUsage: 'SIGN_VERIFY',
    Description: `Digital Office ${target.aliasPrefix}: ${subject.kind === 'organisation' ? 'seal of' : 'signature of'} ${subject.commonName} (${subject.id})`,
    Tags: [{ TagKey: 'app', TagValue: 'digital-office' }, { TagKey: 'signer-kind', TagValue: subject.kind }, { TagKey: 'signer-id', TagValue: subject.id }],
  }))
  const keyId = created.KeyMetadata?.KeyId
  if (!keyId) throw new Error('KMS created no key')
  try {
    await clients.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId }))
  } catch (err) {
    // No orphan key left behind when the alias cannot be set (e.g. created concurrently).
    await clients.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }))
    throw err
  }
  return { alias, keyId, csr: await requestFor(clients, alias, subject) }
}

export async function importChain(clients: ProvisionClients, target: ProvisionTarget, subject: Pick<SignerRef, 'kind' | 'id'>, bundle: string, now = new Date()): Promise<{ key: string; subject: string; notAfter: string }> {
  const alias = keyAlias(target.aliasPrefix, subject)
  const checked = checkChainForKey(bundle, await publicKeyOf(clients.kms, alias), now)
  if (!checked.ok) throw new ProvisionError(checked.problem, CHAIN_MESSAGES[checked.problem])
  const key = certificateKey(subject)
  await clients.s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: checked.chain.join(''), ContentType: 'application/x-pem-file' }))
  return { key, subject: checked.subject, notAfter: checked.notAfter }
}

export async function importRoots(clients: ProvisionClients, target: ProvisionTarget, bundle: string): Promise<{ key: string; count: number }> {
  const roots = pemBlocks(bundle)
  if (roots.length === 0) throw new ProvisionError('roots.empty', 'Tệp không có chứng thư nào / the file holds no certificate')
  await clients.s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: ROOTS_KEY, Body: roots.join(''), ContentType: 'application/x-pem-file' }))
  return { key: ROOTS_KEY, count: roots.length }
}

const CHAIN_MESSAGES: Record<ChainProblem, string> = {
  'chain.empty': 'Tệp không có chứng thư nào / the file holds no certificate',
  'chain.keyMismatch': 'Không chứng thư nào mang khoá công khai của khoá KMS này / no certificate carries this KMS key\'s public key',
  'chain.expired': 'Chứng thư đã hết hạn / the certificate has expired',
  'chain.notYetValid': 'Chứng thư chưa có hiệu lực / the certificate is not valid yet',
  'chain.notSigningKey': 'Chứng thư không cho phép ký số văn bản (keyUsage) / the certificate\'s key usage does not allow document signatures',
  'chain.broken': 'Chuỗi chứng thư không liền mạch: có chứng thư không do chứng thư kế tiếp cấp / the chain is broken: a certificate is not issued by the next one',
}
