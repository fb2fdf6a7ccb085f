/**
 * Certificate paths for verification: from the signer's certificate up
 * through the certificates carried in the signature until a root the caller
 * trusts vouches for one of them.
 */
import { X509Certificate } from 'node:crypto'
import { distinguishedName } from './pem.js'

export interface CertificateSummary { subject: string; issuer: string; validFrom: string; validTo: string }

/** Parse trusted roots, skipping any that are not certificates (a bad entry must not hide the good ones). */
export function parseRoots(pems: string[]): X509Certificate[] {
  return pems.flatMap((pem) => {
    try {
      return [new X509Certificate(pem)]
    } catch {
      return []
    }
  })
}

/**
 * Names alone do not link a chain: each link is checked with the issuer's
 * key, so a CA that copies our CA's name does not pass for it.
 */
export function buildChain(leaf: X509Certificate, pool: X509Certificate[], roots: X509Certificate[]): { chain: X509Certificate[]; trusted: boolean } {
  const chain = [leaf]
  for (let depth = 0; depth < 10; depth++) {
    const current = chain[chain.length - 1]
    const root = roots.find((r) => issuedBy(current, r))
    if (root) {
      if (root.fingerprint256 !== current.fingerprint256) chain.push(root)
      return { chain, trusted: true }
    }
    const next = pool.find((c) => c.fingerprint256 !== current.fingerprint256 && !chain.includes(c) && issuedBy(current, c))
    if (!next) break
    chain.push(next)
  }
  return { chain, trusted: false }
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey)
  } catch {
    return false
  }
}

/** Whether every certificate of the chain was valid at `time`. */
export function validAt(chain: X509Certificate[], time: Date): boolean {
  return chain.every((c) => time >= new Date(c.validFrom) && time <= new Date(c.validTo))
}

export function summary(cert: X509Certificate): CertificateSummary {
  return {
    subject: distinguishedName(cert, 'subject'),
    issuer: distinguishedName(cert, 'issuer'),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
  }
}
