/**
 * The CMS container of a PAdES signature (CAdES detached, ETSI EN 319 122),
 * built by hand around an asynchronous signer: the library signers (pkijs
 * `SignedData.sign`, node-forge `pkcs7`) want the private key, but the key
 * stays in KMS or the key store. So the signed attributes are assembled and
 * DER-encoded here, their SHA-256 digest goes through the port, and the
 * returned RSA signature is put into the SignerInfo.
 *
 * Signed attributes (PAdES B-B, EN 319 142-1 §6.3): content-type,
 * message-digest and ESS signing-certificate-v2. No signing-time attribute:
 * PAdES baseline forbids it; the claimed time is the signature dictionary's
 * /M entry.
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { pemToDer } from './pem.js'

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const

export type DigestSigner = (digest: Uint8Array) => Promise<Uint8Array>

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest())
const toView = (buffer: ArrayBuffer): Uint8Array => new Uint8Array(buffer)

/** DER orders the members of a SET OF by their encodings (X.690 §11.6). */
function compareEncodings(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

/** ESSCertIDv2 with the default hash (SHA-256), so hashAlgorithm is omitted as DER requires. */
function signingCertificateV2(leafDer: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(leafDer) })] })] })],
  })
}

/**
 * A DER-encoded ContentInfo(SignedData) over `content` — the PDF bytes the
 * ByteRange covers — signed by the chain's first certificate, carrying the
 * whole chain.
 */
export async function cadesDetached(content: Uint8Array, chain: string[], sign: DigestSigner): Promise<Uint8Array> {
  const ders = chain.map(pemToDer)
  const certificates = ders.map((der) => pkijs.Certificate.fromBER(der))
  const leaf = certificates[0]

  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(content) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(ders[0])] }),
  ]
    .map((attribute) => ({ attribute, der: toView(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => compareEncodings(a.der, b.der))
  const signedAttributesDer = toView(new asn1js.Set({ value: attributes.map((a) => a.attribute.toSchema()) }).toBER(false))

  const signature = await sign(sha256(signedAttributesDer))
  // A key that does not match the certificate would give a document nobody can verify: stop here instead.
  const leafKey = new X509Certificate(Buffer.from(ders[0])).publicKey
  if (!verifySignature('sha256', signedAttributesDer, leafKey, signature)) {
    throw new Error('The signing key does not match the signer\'s certificate')
  }

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attributes.map((a) => a.attribute) }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  })
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: [signerInfo],
  })
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) })
  return toView(contentInfo.toSchema().toBER(false))
}
