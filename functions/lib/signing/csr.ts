/**
 * A PKCS#10 certification request for a key that never leaves its store
 * (KMS on AWS): the request is built around the key's public part and signed
 * through the same digest-signing call the PDF signatures use. Operators
 * send it to the certificate authority (for Party bodies, the Government
 * Cipher Committee's CA) and import the chain it returns.
 */
import { createHash, X509Certificate } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { derToPem, pemBlocks } from './pem.js'

export interface RequestSubject {
  commonName: string
  organisation: string
  /** ISO country code; VN unless told otherwise. */
  country?: string
}

const OID = { country: '2.5.4.6', organisation: '2.5.4.10', commonName: '2.5.4.3', sha256WithRSA: '1.2.840.113549.1.1.11' }

/** `signDigest` signs a SHA-256 digest with RSASSA-PKCS1-v1.5 (what KMS does with MessageType DIGEST). */
export async function certificationRequest(
  spkiDer: Uint8Array, subject: RequestSubject, signDigest: (digest: Uint8Array) => Promise<Uint8Array>,
): Promise<string> {
  const csr = new pkijs.CertificationRequest()
  csr.version = 0
  csr.subject.typesAndValues.push(
    new pkijs.AttributeTypeAndValue({ type: OID.country, value: new asn1js.PrintableString({ value: subject.country ?? 'VN' }) }),
    new pkijs.AttributeTypeAndValue({ type: OID.organisation, value: new asn1js.Utf8String({ value: subject.organisation }) }),
    new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: subject.commonName }) }),
  )
  csr.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(new Uint8Array(spkiDer))
  csr.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() })
  // What `sign` would do with a local private key: the DER of the request info, signed.
  const tbs = new Uint8Array((csr as unknown as { encodeTBS(): asn1js.Sequence }).encodeTBS().toBER())
  csr.tbsView = tbs
  const signature = await signDigest(createHash('sha256').update(tbs).digest())
  csr.signatureValue = new asn1js.BitString({ valueHex: new Uint8Array(signature).buffer })
  return derToPem(new Uint8Array(csr.toSchema().toBER()), 'CERTIFICATE REQUEST')
}

export type ChainProblem = 'chain.empty' | 'chain.keyMismatch' | 'chain.expired' | 'chain.notYetValid' | 'chain.notSigningKey' | 'chain.broken'

/**
 * Checks a certificate chain an operator is about to import for a key: the
 * leaf carries that key, is valid now, may sign documents, and each
 * certificate is issued by the next. Answers the chain leaf first.
 */
export function checkChainForKey(bundle: string, spkiDer: Uint8Array, now = new Date()): { ok: true; chain: string[]; subject: string; notAfter: string } | { ok: false; problem: ChainProblem } {
  const pems = pemBlocks(bundle)
  if (pems.length === 0) return { ok: false, problem: 'chain.empty' }
  const certs = pems.map((p) => new X509Certificate(p))
  const spki = Buffer.from(spkiDer)
  const leafIndex = certs.findIndex((c) => c.publicKey.export({ type: 'spki', format: 'der' }).equals(spki))
  if (leafIndex < 0) return { ok: false, problem: 'chain.keyMismatch' }
  // Leaf first, then each issuer in turn.
  const ordered = [certs[leafIndex]!]
  const rest = certs.filter((_, i) => i !== leafIndex)
  while (rest.length) {
    const i = rest.findIndex((c) => ordered.at(-1)!.checkIssued(c))
    if (i < 0) break
    ordered.push(rest.splice(i, 1)[0]!)
  }
  if (rest.length) return { ok: false, problem: 'chain.broken' }
  for (let i = 0; i < ordered.length - 1; i++) if (!ordered[i]!.verify(ordered[i + 1]!.publicKey)) return { ok: false, problem: 'chain.broken' }
  const leaf = ordered[0]!
  if (new Date(leaf.validFrom) > now) return { ok: false, problem: 'chain.notYetValid' }
  if (new Date(leaf.validTo) < now) return { ok: false, problem: 'chain.expired' }
  if (!allowsDocumentSignatures(leaf)) return { ok: false, problem: 'chain.notSigningKey' }
  return { ok: true, chain: ordered.map((c) => c.toString()), subject: leaf.subject.split('\n').join(', '), notAfter: new Date(leaf.validTo).toISOString() }
}

/** keyUsage digitalSignature or nonRepudiation, when the extension is there. */
function allowsDocumentSignatures(cert: X509Certificate): boolean {
  const parsed = pkijs.Certificate.fromBER(new Uint8Array(cert.raw))
  const ext = parsed.extensions?.find((e) => e.extnID === '2.5.29.15')
  if (!ext) return true
  const bits = ext.parsedValue as asn1js.BitString
  const first = new Uint8Array(bits.valueBlock.valueHexView)[0] ?? 0
  return (first & 0x80) !== 0 || (first & 0x40) !== 0
}
