/**
 * The audit chain's MAC, chosen by configuration: on AWS a KMS HMAC key
 * (HMAC_256, GENERATE_VERIFY_MAC) — the functions may ask KMS for a MAC but
 * never see the key; locally an HMAC-SHA-256 key in the data directory
 * (created by the embedded runtime on first start, readable only by it).
 */
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms'
import type { Mac } from '../../../shared/audit/chain.js'
import { envNow } from '../env.js'


type Sender = Pick<KMSClient, 'send'>
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

/** A MAC by KMS GenerateMac (HMAC_SHA_256) with the environment's audit key. */
export function kmsMac(keyId: string, client: Sender = new KMSClient({})): Mac {
  return async (message) => {
    const res = await client.send(new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(message, 'utf8') }))
    if (!res.Mac) throw new Error('KMS GenerateMac returned no MAC')
    return hex(res.Mac)
  }
}

/** A MAC with a local key (32 random bytes, base64, in a file of the data directory). */
export function localMac(keyFile: string): Mac {
  const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')
  if (key.length < 32) throw new Error(`the audit key in ${keyFile} is shorter than 32 bytes`)
  return async (message) => createHmac('sha256', key).update(message, 'utf8').digest('hex')
}

let mac: Mac | undefined
export function auditMac(): Mac {
  if (mac) return mac
  const cfg = envNow()
  if (cfg.AUDIT_MAC === 'kms') {
    if (!cfg.AUDIT_KMS_KEY_ID) throw new Error('AUDIT_KMS_KEY_ID is not set')
    mac = kmsMac(cfg.AUDIT_KMS_KEY_ID)
  } else {
    if (!cfg.AUDIT_KEY_FILE) throw new Error('AUDIT_KEY_FILE is not set: the embedded runtime creates the audit key in its data directory')
    mac = localMac(cfg.AUDIT_KEY_FILE)
  }
  return mac
}
/** Forget the MAC (tests with several platforms). */
export function resetAuditMac(): void { mac = undefined }
