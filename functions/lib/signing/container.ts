/**
 * Reading and checking a signature's CMS container, whoever made it: CAdES
 * or plain PKCS#7 (with or without signed attributes), RSA (PKCS#1 v1.5 or
 * PSS) or ECDSA, and RFC 3161 document time-stamps, whose signed content is
 * a TSTInfo holding the document's hash rather than the document itself.
 */
import { constants, createHash, verify as verifySignature, X509Certificate, type KeyObject } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { OID } from './cms.js'
import { derElementLength } from './pem.js'

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
}
const RSA_PSS = '1.2.840.113549.1.1.10'

export interface Container {
  signedData: pkijs.SignedData
  signerInfo: pkijs.SignerInfo
  /** Node's name of the digest algorithm. */
  hash: string
  signer: pkijs.Certificate
  signerDer: Uint8Array
  leaf: X509Certificate
  /** The other certificates carried in the signature. */
  others: X509Certificate[]
  /** Present for a document time-stamp. */
  timestamp?: { tstInfo: Uint8Array; hash: string; imprint: Uint8Array; time: Date }
}

/** The container in a /Contents value (zero padding allowed), or undefined when it cannot be read. */
export function readContainer(padded: Uint8Array): Container | undefined {
  const length = derElementLength(padded)
  if (!length || length > padded.length) return undefined
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(padded.subarray(0, length)).result })
    if (contentInfo.contentType !== OID.signedData) return undefined
    const signedData = new pkijs.SignedData({ schema: contentInfo.content })
    const signerInfo = signedData.signerInfos[0]
    const hash = signerInfo && HASHES[signerInfo.digestAlgorithm.algorithmId]
    const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    const signer = certificates.find((c) => isSigner(c, signerInfo?.sid))
    if (!hash || !signer) return undefined
    const signerDer = new Uint8Array(signer.toSchema().toBER(false))
    const timestamp = documentTimestamp(signedData)
    if (timestamp === null) return undefined
    return {
      signedData, signerInfo, hash, signer, signerDer, timestamp,
      leaf: new X509Certificate(Buffer.from(signerDer)),
      others: certificates.filter((c) => c !== signer).map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER(false)))),
    }
  } catch {
    return undefined
  }
}

export interface ContainerCheck {
  /** The covered bytes are the ones that were signed (or time-stamped). */
  intact: boolean
  /** The signature value verifies with the signer's certificate, which is the one the signer committed to. */
  signatureHolds: boolean
  /** From the time-stamp or the signing-time attribute; undefined when the container claims none. */
  time?: Date
}

/** Check a container against `content`, the bytes its ByteRange covers. */
export function checkContainer(c: Container, content: Uint8Array): ContainerCheck {
  const attributes = c.signerInfo.signedAttrs?.attributes ?? []
  const attribute = (type: string) => attributes.find((a) => a.type === type)?.values[0]
  const signed = c.timestamp ? c.timestamp.tstInfo : content
  const signature = new Uint8Array(c.signerInfo.signature.valueBlock.valueHexView)
  const algorithm = c.signerInfo.signatureAlgorithm.algorithmId

  let contentHolds: boolean
  let signatureHolds: boolean
  if (c.signerInfo.signedAttrs) {
    const claimed = attribute(OID.messageDigest)
    contentHolds = claimed instanceof asn1js.OctetString
      && Buffer.compare(Buffer.from(claimed.valueBlock.valueHexView), createHash(c.hash).update(signed).digest()) === 0
    // pkijs keeps the attributes as received, re-tagged as the SET that was signed.
    signatureHolds = checkSignature(c.hash, algorithm, new Uint8Array(c.signerInfo.signedAttrs.encodedValue), c.leaf.publicKey, signature)
      && certificateBindingHolds(attribute(OID.signingCertificateV2), attribute(OID.signingCertificate), c.signerDer)
  } else {
    // Without attributes the signature is over the content: a mismatch cannot say which of the two changed.
    contentHolds = checkSignature(c.hash, algorithm, signed, c.leaf.publicKey, signature)
    signatureHolds = true
  }

  if (c.timestamp) {
    // The token must be the authority's own (contentHolds), and its imprint the document's hash.
    const imprintHolds = Buffer.compare(createHash(c.timestamp.hash).update(content).digest(), c.timestamp.imprint) === 0
    return { intact: imprintHolds, signatureHolds: signatureHolds && contentHolds, time: c.timestamp.time }
  }
  const signingTime = attribute(OID.signingTime)
  const time = signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime ? signingTime.toDate() : undefined
  return { intact: contentHolds, signatureHolds, time }
}

/** A name attribute of the signer (2.5.4.3 CN, 2.5.4.10 O), decoded. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string | undefined {
  const value = name.typesAndValues.find((t) => t.type === type)?.value as { valueBlock?: { value?: unknown } } | undefined
  return typeof value?.valueBlock?.value === 'string' ? value.valueBlock.value : undefined
}

/** Undefined for an ordinary signature; null when a time-stamp cannot be read. */
function documentTimestamp(signedData: pkijs.SignedData): Container['timestamp'] | null {
  const encapsulated = signedData.encapContentInfo
  if (encapsulated.eContentType !== OID.tstInfo) return undefined
  try {
    const tstInfo = new Uint8Array(encapsulated.eContent!.getValue())
    const info = pkijs.TSTInfo.fromBER(tstInfo)
    const hash = HASHES[info.messageImprint.hashAlgorithm.algorithmId]
    if (!hash) return null
    return { tstInfo, hash, imprint: new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView), time: info.genTime }
  } catch {
    return null
  }
}

function isSigner(certificate: pkijs.Certificate, sid: unknown): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber)
  }
  // [0] SubjectKeyIdentifier: pkijs leaves it as the tagged element holding the key id's bytes.
  const ski = certificate.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue
  const keyId = (sid as { valueBlock?: { valueHexView?: Uint8Array } } | undefined)?.valueBlock?.valueHexView
  if (!keyId || !(ski instanceof asn1js.OctetString)) return false
  return Buffer.compare(Buffer.from(keyId), Buffer.from(ski.valueBlock.valueHexView)) === 0
}

function checkSignature(hash: string, algorithm: string, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  try {
    const options = algorithm === RSA_PSS
      ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }
      : key
    return verifySignature(hash, data, options, signature)
  } catch {
    return false
  }
}

/**
 * ESS signing-certificate(-v2): the signer committed to the hash of one
 * certificate; a different certificate carrying the same key must not pass.
 * No attribute (plain adbe.pkcs7.detached from elsewhere): nothing to hold.
 */
function certificateBindingHolds(v2: unknown, v1: unknown, signerDer: Uint8Array): boolean {
  const value = v2 ?? v1
  if (value === undefined) return true
  try {
    const certs = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence
    const first = certs.valueBlock.value[0] as asn1js.Sequence
    // v2 names its hash, SHA-256 when omitted; v1 is always SHA-1.
    let hashName = v2 !== undefined ? 'sha256' : 'sha1'
    const [algorithm] = first.valueBlock.value
    if (v2 !== undefined && algorithm instanceof asn1js.Sequence) {
      const oid = algorithm.valueBlock.value[0]
      if (oid instanceof asn1js.ObjectIdentifier) hashName = HASHES[oid.valueBlock.toString()] ?? ''
    }
    const certHash = first.valueBlock.value.find((part) => part instanceof asn1js.OctetString) as asn1js.OctetString | undefined
    if (!certHash || !hashName) return false
    return Buffer.compare(Buffer.from(certHash.valueBlock.valueHexView), createHash(hashName).update(signerDer).digest()) === 0
  } catch {
    return false
  }
}
