/**
 * What the signing tests sign: a two-page Party resolution drawn with
 * pdf-lib, header on the first page (room left for the number and date),
 * signature block room on the last — and a signer and organisation.
 */
import { createHash, generateKeyPairSync, sign as rsaSign } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { SignPdf } from '@signpdf/signpdf'
import { Signer } from '@signpdf/utils'
import * as asn1js from 'asn1js'
import forge from 'node-forge'
import * as pkijs from 'pkijs'
import { PDFDocument, rgb } from 'pdf-lib'
import { resetSigningCaches, type SignerRef } from '../../../functions/lib/signing/index.js'

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')

export const SECRETARY: SignerRef = {
  kind: 'person', id: 'u-bithu-tu', commonName: 'Nguyễn Thị Thanh Hương', organisation: 'Thành ủy Hà Nội',
}
export const COMMITTEE: SignerRef = {
  kind: 'organisation', id: 'tu-hanoi', commonName: 'Ban Thường vụ Thành ủy Hà Nội', organisation: 'Ban Thường vụ Thành ủy Hà Nội',
}
export const STAMP = { symbolLine: 'Số 12-NQ/TU', dateLine: 'Hà Nội, ngày 05 tháng 01 năm 2026' }

/** An unsigned, unnumbered resolution, as a drafter would upload it. */
export async function draftResolution(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const regular = await doc.embedFont(readFileSync(join(fontDir, 'DejaVuSans.ttf')), { subset: true })
  const bold = await doc.embedFont(readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')), { subset: true })
  const black = rgb(0, 0, 0)
  const centre = (page: ReturnType<typeof doc.addPage>, text: string, x: number, y: number, size: number, font = regular) =>
    page.drawText(text, { x: x - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: black })

  const first = doc.addPage([595.28, 841.89])
  centre(first, 'THÀNH ỦY HÀ NỘI', 184, 775, 12.5, bold)
  centre(first, '*', 184, 760, 12.5)
  centre(first, 'ĐẢNG CỘNG SẢN VIỆT NAM', 423, 775, 12.5, bold)
  first.drawLine({ start: { x: 340, y: 770 }, end: { x: 506, y: 770 }, thickness: 0.6, color: black })
  centre(first, 'NGHỊ QUYẾT', 298, 650, 15, bold)
  centre(first, 'về chuyển đổi số trong các cơ quan Đảng', 298, 630, 13, bold)
  const body = [
    'Căn cứ Điều lệ Đảng; Quy chế làm việc của Thành ủy khóa XVII,',
    'Ban Thường vụ Thành ủy quyết nghị đẩy mạnh chuyển đổi số, xây dựng',
    'Văn phòng số dùng chung, số hóa toàn bộ văn bản đi, văn bản đến và',
    'ký số văn bản điện tử ở tất cả các cấp ủy trực thuộc.',
  ]
  body.forEach((line, i) => first.drawText(line, { x: 85, y: 580 - i * 20, size: 12, font: regular, color: black }))

  const last = doc.addPage([595.28, 841.89])
  last.drawText('Nghị quyết có hiệu lực kể từ ngày ký ban hành.', { x: 85, y: 760, size: 12, font: regular, color: black })
  last.drawText('Nơi nhận:', { x: 85, y: 300, size: 11, font: bold, color: black })
  last.drawText('- Các đảng bộ trực thuộc,', { x: 85, y: 284, size: 10, font: regular, color: black })
  last.drawText('- Lưu Văn phòng Thành ủy.', { x: 85, y: 270, size: 10, font: regular, color: black })
  return doc.save({ useObjectStreams: false })
}

/** A fresh key directory for one test file: its own development CA, keys that persist until `cleanup`. */
export function useTemporarySigningDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'signing-test-'))
  process.env.SIGNING_DIR = dir
  delete process.env.SIGNING
  resetSigningCaches()
  return {
    dir,
    cleanup: () => {
      resetSigningCaches()
      delete process.env.SIGNING_DIR
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A certification authority that is not ours — another province's, or a commercial CA — made with node-forge. */
export interface ForeignAuthority { caPem: string; leafPem: string; leafKeyPem: string }

export function foreignAuthority(signerName = 'Trần Văn Bình'): ForeignAuthority {
  const keys = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    })
    return { privateKey: forge.pki.privateKeyFromPem(privateKey), publicKey: forge.pki.publicKeyFromPem(publicKey), privateKeyPem: privateKey }
  }
  const utf8 = (name: string, value: string) => ({ name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class })
  const now = Date.now()

  const caKeys = keys()
  const ca = forge.pki.createCertificate()
  ca.publicKey = caKeys.publicKey
  ca.serialNumber = '0a01'
  ca.validity.notBefore = new Date(now - 86_400_000)
  ca.validity.notAfter = new Date(now + 5 * 365 * 86_400_000)
  // ASCII: node-forge re-encodes an issuer name it parsed as UTF-8 a second time when it builds PKCS#7.
  const caName = [{ name: 'commonName', value: 'Sample Province CA' }, { name: 'countryName', value: 'VN' }]
  ca.setSubject(caName)
  ca.setIssuer(caName)
  ca.setExtensions([{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }])
  ca.sign(caKeys.privateKey, forge.md.sha256.create())

  const leafKeys = keys()
  const leaf = forge.pki.createCertificate()
  leaf.publicKey = leafKeys.publicKey
  leaf.serialNumber = '0b02'
  leaf.validity.notBefore = new Date(now - 86_400_000)
  leaf.validity.notAfter = new Date(now + 365 * 86_400_000)
  leaf.setSubject([utf8('commonName', signerName), utf8('organizationName', 'Tỉnh ủy Mẫu'), { name: 'countryName', value: 'VN' }])
  leaf.setIssuer(caName)
  leaf.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }])
  leaf.sign(caKeys.privateKey, forge.md.sha256.create())

  return { caPem: forge.pki.certificateToPem(ca), leafPem: forge.pki.certificateToPem(leaf), leafKeyPem: leafKeys.privateKeyPem }
}

/** node-forge's PKCS#7 (adbe.pkcs7.detached, with a signing-time attribute): a signer that is not ours. */
class ForgeSigner extends Signer {
  constructor(private readonly authority: ForeignAuthority) { super() }
  async sign(content: Buffer): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData()
    p7.content = forge.util.createBuffer(content.toString('binary'))
    const certificate = forge.pki.certificateFromPem(this.authority.leafPem)
    p7.addCertificate(certificate)
    p7.addCertificate(forge.pki.certificateFromPem(this.authority.caPem))
    p7.addSigner({
      key: forge.pki.privateKeyFromPem(this.authority.leafKeyPem),
      certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.messageDigest },
        { type: forge.pki.oids.signingTime, value: new Date() as unknown as string },
      ],
    })
    p7.sign({ detached: true })
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary')
  }
}

/** An RFC 3161 time-stamp token over the document, as a time-stamping authority returns it, built with pkijs. */
class TimestampSigner extends Signer {
  constructor(private readonly authority: ForeignAuthority) { super() }
  async sign(content: Buffer): Promise<Buffer> {
    const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest())
    const der = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'))
    const tsa = pkijs.Certificate.fromBER(der(this.authority.leafPem))
    const info = new pkijs.TSTInfo({
      version: 1,
      policy: '1.3.6.1.4.1.99999.1',
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }),
        hashedMessage: new asn1js.OctetString({ valueHex: sha256(content) }),
      }),
      serialNumber: new asn1js.Integer({ value: 42 }),
      genTime: new Date(),
    })
    const infoDer = new Uint8Array(info.toSchema().toBER(false))
    const attributes = [
      new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.4' })] }),
      new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: sha256(infoDer) })] }),
    ]
    const signed = rsaSign('sha256', new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(false)), this.authority.leafKeyPem)
    const signedData = new pkijs.SignedData({
      version: 3,
      digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' })],
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: '1.2.840.113549.1.9.16.1.4', eContent: new asn1js.OctetString({ valueHex: infoDer }),
      }),
      certificates: [tsa, pkijs.Certificate.fromBER(der(this.authority.caPem))],
      signerInfos: [new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: tsa.issuer, serialNumber: tsa.serialNumber }),
        digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.1', algorithmParams: new asn1js.Null() }),
        signature: new asn1js.OctetString({ valueHex: new Uint8Array(signed) }),
      })],
    })
    const token = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) })
    return Buffer.from(token.toSchema().toBER(false))
  }
}

/** Signed with another CA and other tools: @signpdf's pdf-lib placeholder and node-forge (or a time-stamping authority). */
export async function signElsewhere(pdf: Uint8Array, authority: ForeignAuthority, as: 'signature' | 'documentTimestamp' = 'signature'): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf)
  pdflibAddPlaceholder({
    // @signpdf's placeholder writes these as PDFDocEncoding: ASCII only.
    pdfDoc: doc, reason: 'Incoming document', contactInfo: 'vanthu@tinhuy.example.vn', name: 'Tran Van Binh', location: 'Sample Province',
  })
  const withPlaceholder = await doc.save({ useObjectStreams: false })
  const signer = as === 'signature' ? new ForgeSigner(authority) : new TimestampSigner(authority)
  return new Uint8Array(await new SignPdf().sign(Buffer.from(withPlaceholder), signer))
}

/** The text of one page as poppler's pdftotext reads it: proves the glyphs map back to Vietnamese letters. */
export function pageText(pdf: Uint8Array, page: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdftotext-'))
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf)
    return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), join(dir, 'in.pdf'), '-'], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
