/**
 * The signing-key store of this process, chosen by configuration (KMS on AWS,
 * software keys under a development CA in the embedded runtime), and the
 * roots a verifier trusts. The port itself is in keys-port.ts.
 */
import { kmsSigningKeys } from './keys-kms.js'
import { localSigningKeys } from './keys-local.js'
import type { SigningKeyStore } from './keys-port.js'
import { pemBlocks } from './pem.js'
import { envNow } from '../env.js'

let store: SigningKeyStore | undefined

/** The configured store: `SIGNING=kms` on AWS, the local development CA otherwise. */
export function signingKeys(): SigningKeyStore {
  store ??= envNow().SIGNING === 'kms' ? kmsSigningKeys() : localSigningKeys()
  return store
}

/**
 * The roots a verifier trusts: those of the configured store (the development
 * CA locally; on AWS the bundle kept at `certs/roots.pem` in the certificates
 * bucket) and any given in `SIGNING_TRUST_ROOTS_PEM` (a PEM bundle, e.g. the
 * government CA, so documents signed elsewhere verify too).
 */
export async function trustRoots(): Promise<string[]> {
  const own = (await signingKeys().trustedRoots?.()) ?? []
  const configured = pemBlocks(envNow().SIGNING_TRUST_ROOTS_PEM)
  return [...new Set([...own, ...configured])]
}

/** Forget the chosen store and its caches: tests change `SIGNING_DIR` between files and "restart". */
export function resetSigningCaches(): void { store = undefined }
