/**
 * PEM and DER plumbing shared by the key stores, the CMS builder and the
 * verifier. Certificates travel between the ports as PEM (what operators keep
 * in buckets and environment variables); the cryptography works on DER.
 */
import { X509Certificate } from 'node:crypto'

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g

/** Every block of a PEM bundle whose label is `label` (e.g. CERTIFICATE), in order. */
export function pemBlocks(bundle: string, label = 'CERTIFICATE'): string[] {
  const blocks: string[] = []
  for (const match of bundle.matchAll(PEM_BLOCK)) {
    if (match[1] === label) blocks.push(`-----BEGIN ${label}-----\n${match[2].replace(/\s+/g, '').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`)
  }
  return blocks
}

export function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const body = pem.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, '')
  return new Uint8Array(Buffer.from(body, 'base64'))
}

export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const body = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`
}

/** `CN=…, O=…, C=VN` — Node gives one attribute per line, already decoded from UTF-8. */
export function distinguishedName(certificate: X509Certificate, which: 'subject' | 'issuer'): string {
  return certificate[which].split('\n').join(', ')
}

/**
 * The length of the DER element at the start of `bytes`, so a signature can
 * be cut from the zero padding of its /Contents placeholder. Undefined when
 * the header is not a definite-length DER header.
 */
export function derElementLength(bytes: Uint8Array): number | undefined {
  if (bytes.length < 2) return undefined
  const first = bytes[1]
  if (first < 0x80) return 2 + first
  const count = first & 0x7f
  if (count === 0 || count > 4 || bytes.length < 2 + count) return undefined
  let length = 0
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]
  return 2 + count + length
}

/**
 * Put a bundle in chain order, the signer's certificate first: operators
 * export bundles root-first as often as leaf-first. Certificates that do not
 * belong to the chain are dropped.
 */
export function orderChain(pems: string[]): string[] {
  const certs = pems.map((pem) => ({ pem, x509: new X509Certificate(pem) }))
  const issues = (issuer: X509Certificate, cert: X509Certificate) =>
    issuer.fingerprint256 !== cert.fingerprint256 && cert.checkIssued(issuer) && cert.verify(issuer.publicKey)
  const leaf = certs.find((c) => !certs.some((other) => issues(c.x509, other.x509)))
  if (!leaf) return pems
  const chain = [leaf]
  for (;;) {
    const current = chain[chain.length - 1]
    const next = certs.find((c) => !chain.includes(c) && issues(c.x509, current.x509))
    if (!next) break
    chain.push(next)
  }
  return chain.map((c) => c.pem)
}
