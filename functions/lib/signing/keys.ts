/**
 * The signing-key port. Document code asks for a signature over a digest and
 * for the certificate chain that vouches for it; it never holds a private key.
 * On AWS the keys live in KMS (one per organisation, one per signer where the
 * deployment issues them) and the chains are kept by the platform; the
 * embedded runtime uses software keys under a development CA.
 */
import { kmsSigningKeys } from './keys-kms.js'
import { localSigningKeys } from './keys-local.js'
import { pemBlocks } from './pem.js'

/** Who signs: a person (chữ ký cá nhân) or an organisation's seal (chữ ký của cơ quan, tổ chức). */
export interface SignerRef {
  kind: 'person' | 'organisation'
  /** The platform's id of the user or unit; names the key, so it must be stable. */
  id: string
  /** The name shown in the certificate and the signature (full name, or the organisation's name). */
  commonName: string
  /** The organisation the signer signs for. */
  organisation: string
}

export interface SigningKeyStore {
  /** PEM certificates, the signer's first, up to the root. */
  certificateChain(subject: SignerRef): Promise<string[]>
  /**
   * An RSA PKCS#1 v1.5 signature over a SHA-256 digest (of the DER signed
   * attributes of the CMS). The digest, not the data, crosses the port: that
   * is what KMS signs, and it keeps documents out of the key service.
   */
  sign(subject: SignerRef, digest: Uint8Array): Promise<Uint8Array>
  /** The roots this store's chains end in, which the platform's own verifier trusts. */
  trustedRoots?(): Promise<string[]>
}

let store: SigningKeyStore | undefined

/** The configured store: `SIGNING=kms` on AWS, the local development CA otherwise. */
export function signingKeys(): SigningKeyStore {
  store ??= process.env.SIGNING === 'kms' ? kmsSigningKeys() : localSigningKeys()
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
  const configured = pemBlocks(process.env.SIGNING_TRUST_ROOTS_PEM ?? '')
  return [...new Set([...own, ...configured])]
}

/** Forget the chosen store and its caches: tests change `SIGNING_DIR` between files and "restart". */
export function resetSigningCaches(): void { store = undefined }
