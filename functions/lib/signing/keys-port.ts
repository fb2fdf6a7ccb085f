/**
 * The signing-key port. Document code asks for a signature over a digest and
 * for the certificate chain that vouches for it; it never holds a private key.
 * On AWS the keys live in KMS (one per organisation, one per signer where the
 * deployment issues them) and the chains are kept by the platform; the
 * embedded runtime uses software keys under a development CA. Its own file so
 * the two stores (keys-kms.ts, keys-local.ts) and the chooser (keys.ts)
 * depend on it without depending on each other.
 */

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
