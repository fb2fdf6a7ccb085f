/**
 * The operators' signing-key provisioning (infra/operators/signing-keys.ts)
 * against stand-ins that answer as KMS and S3 do: real RSA keys behind
 * aliases, digest signatures, objects kept by key. Then the signer of the
 * documents module (the KMS adapter) signs with what was provisioned, and
 * the PDF verifies under the CA that issued the certificate.
 */
import { execFileSync } from 'node:child_process'
import { constants, generateKeyPairSync, privateEncrypt, X509Certificate, type KeyObject } from 'node:crypto'
import { CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, GetPublicKeyCommand, NotFoundException, ScheduleKeyDeletionCommand, SignCommand } from '@aws-sdk/client-kms'
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3'
import * as asn1js from 'asn1js'
import forge from 'node-forge'
import * as pkijs from 'pkijs'
import { describe, expect, it } from 'vitest'
import { createSigningKey, importChain, importRoots, ProvisionError } from '../../../infra/operators/signing-keys.js'
import { kmsSigningKeys, signPdf, verifyPdf } from '../../../functions/lib/signing/index.js'
import { pemBlocks, pemToDer } from '../../../functions/lib/signing/pem.js'
import { draftResolution } from './fixtures.js'

const TARGET = { aliasPrefix: 'do-prod', bucket: 'do-prod-uploads-123456789012-ap-southeast-1' }
const CITY = { kind: 'organisation' as const, id: 'hn-tu', commonName: 'Thành ủy Hà Nội', organisation: 'Đảng bộ thành phố Hà Nội' }

/** What KMS keeps: keys (never their private part outside it) and aliases. */
function fakeKms(opts: { failAlias?: boolean } = {}) {
  const keys = new Map<string, { privateKey: KeyObject; spki: Buffer; spec: string }>()
  const aliases = new Map<string, string>()
  const sent: unknown[] = []
  const notFound = () => new NotFoundException({ message: 'Alias not found', $metadata: {} })
  const resolve = (id: string) => keys.get(aliases.get(id) ?? id)
  return {
    keys, aliases, sent,
    async send(command: unknown) {
      sent.push(command)
      if (command instanceof DescribeKeyCommand) {
        const k = resolve(command.input.KeyId!)
        if (!k) throw notFound()
        return { KeyMetadata: { KeyId: aliases.get(command.input.KeyId!) } }
      }
      if (command instanceof CreateKeyCommand) {
        const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
        const id = `key-${keys.size + 1}`
        keys.set(id, { privateKey, spki: publicKey.export({ type: 'spki', format: 'der' }), spec: command.input.KeySpec! })
        return { KeyMetadata: { KeyId: id } }
      }
      if (command instanceof CreateAliasCommand) {
        if (opts.failAlias) throw new Error('AlreadyExistsException')
        aliases.set(command.input.AliasName!, command.input.TargetKeyId!)
        return {}
      }
      if (command instanceof ScheduleKeyDeletionCommand) { keys.delete(command.input.KeyId!); return {} }
      if (command instanceof GetPublicKeyCommand) {
        const k = resolve(command.input.KeyId!)
        if (!k) throw notFound()
        return { PublicKey: new Uint8Array(k.spki) }
      }
      if (command instanceof SignCommand) {
        const k = resolve(command.input.KeyId!)
        if (!k) throw notFound()
        expect(command.input).toMatchObject({ MessageType: 'DIGEST', SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' })
        // RSASSA-PKCS1-v1.5 over a SHA-256 digest: the DigestInfo prefix, then the digest.
        const digestInfo = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), Buffer.from(command.input.Message!)])
        return { Signature: new Uint8Array(privateEncrypt({ key: k.privateKey, padding: constants.RSA_PKCS1_PADDING }, digestInfo)) }
      }
      throw new Error(`unexpected ${String(command)}`)
    },
  }
}

function fakeS3() {
  const objects = new Map<string, string>()
  return {
    objects,
    async send(command: unknown) {
      if (command instanceof PutObjectCommand) { objects.set(`${command.input.Bucket}/${command.input.Key}`, String(command.input.Body)); return {} }
      if (command instanceof GetObjectCommand) {
        const body = objects.get(`${command.input.Bucket}/${command.input.Key}`)
        if (body === undefined) throw new NoSuchKey({ message: 'NoSuchKey', $metadata: {} })
        return { Body: { transformToString: async () => body } }
      }
      throw new Error(`unexpected ${String(command)}`)
    },
  }
}

/** A CA that issues a certificate for a public key it is given (as the Government Cipher Committee's would from the request). */
function authority() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
  const caKey = forge.pki.privateKeyFromPem(privateKey)
  const ca = forge.pki.createCertificate()
  ca.publicKey = forge.pki.publicKeyFromPem(publicKey)
  ca.serialNumber = '01'
  ca.validity.notBefore = new Date(Date.now() - 86_400_000)
  ca.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000)
  const caName = [{ name: 'commonName', value: 'Test Government CA' }, { name: 'countryName', value: 'VN' }]
  ca.setSubject(caName)
  ca.setIssuer(caName)
  ca.setExtensions([{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }])
  ca.sign(caKey, forge.md.sha256.create())
  const caPem = forge.pki.certificateToPem(ca)
  return {
    caPem,
    issue(spki: Uint8Array, o: { days?: number; usage?: 'sign' | 'ca' } = {}) {
      const leaf = forge.pki.createCertificate()
      leaf.publicKey = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(spki).toString('binary'))))
      leaf.serialNumber = '02'
      leaf.validity.notBefore = new Date(Date.now() - 2 * 86_400_000)
      leaf.validity.notAfter = new Date(Date.now() + (o.days ?? 365) * 86_400_000)
      leaf.setSubject([{ name: 'commonName', value: 'Thanh uy Ha Noi' }, { name: 'countryName', value: 'VN' }])
      leaf.setIssuer(caName)
      leaf.setExtensions([o.usage === 'ca' ? { name: 'keyUsage', keyCertSign: true, critical: true } : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }])
      leaf.sign(caKey, forge.md.sha256.create())
      return forge.pki.certificateToPem(leaf)
    },
  }
}

const clientsOf = (kms: ReturnType<typeof fakeKms>, s3: ReturnType<typeof fakeS3>) => ({ kms, s3 }) as never

describe('create-key', () => {
  it('creates an RSA-3072 sign/verify key behind the environment\'s alias and a request the key itself signed, with the Vietnamese name intact', async () => {
    const kms = fakeKms()
    const created = await createSigningKey(clientsOf(kms, fakeS3()), TARGET, CITY)

    expect(created.alias).toBe('alias/do-prod-org-hn-tu')
    expect(kms.sent.find((c) => c instanceof CreateKeyCommand)!.input).toMatchObject({ KeySpec: 'RSA_3072', KeyUsage: 'SIGN_VERIFY' })
    expect(kms.aliases.get('alias/do-prod-org-hn-tu')).toBe(created.keyId)
    const csr = pkijs.CertificationRequest.fromBER(pemToDer(created.csr))
    expect(await csr.verify()).toBe(true)
    expect(Buffer.from(csr.subjectPublicKeyInfo.toSchema().toBER()).equals(kms.keys.get(created.keyId)!.spki)).toBe(true)
    const names = Object.fromEntries(csr.subject.typesAndValues.map((t) => [t.type, (t.value as asn1js.Utf8String).valueBlock.value]))
    expect(names).toEqual({ '2.5.4.6': 'VN', '2.5.4.10': 'Đảng bộ thành phố Hà Nội', '2.5.4.3': 'Thành ủy Hà Nội' })
    // OpenSSL, independently, reads the request and finds its self-signature good.
    const out = execFileSync('openssl', ['req', '-noout', '-verify', '-subject', '-nameopt', 'utf8,sep_comma_plus'], { input: created.csr, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })
    expect(out).toContain('CN=Thành ủy Hà Nội')
  })

  it('refuses when the alias already has a key, and creates nothing', async () => {
    const kms = fakeKms()
    await createSigningKey(clientsOf(kms, fakeS3()), TARGET, CITY)
    const before = kms.keys.size
    await expect(createSigningKey(clientsOf(kms, fakeS3()), TARGET, CITY)).rejects.toMatchObject({ code: 'alias.exists' })
    expect(kms.keys.size).toBe(before)
  })

  it('leaves no key behind when the alias cannot be set', async () => {
    const kms = fakeKms({ failAlias: true })
    await expect(createSigningKey(clientsOf(kms, fakeS3()), TARGET, CITY)).rejects.toThrow('AlreadyExistsException')
    expect(kms.sent.some((c) => c instanceof ScheduleKeyDeletionCommand)).toBe(true)
    expect(kms.keys.size).toBe(0)
  })
})

describe('import-chain, then signing with what was provisioned', () => {
  it('keeps the chain leaf first where the signer reads it; the documents module\'s KMS signer then signs a PDF that verifies under that CA', async () => {
    const kms = fakeKms()
    const s3 = fakeS3()
    const created = await createSigningKey(clientsOf(kms, s3), TARGET, CITY)
    const ca = authority()
    const leaf = ca.issue(kms.keys.get(created.keyId)!.spki)

    // Root first in the file, as CAs often send it.
    const imported = await importChain(clientsOf(kms, s3), TARGET, CITY, ca.caPem + leaf)
    await importRoots(clientsOf(kms, s3), TARGET, ca.caPem)

    expect(imported.key).toBe('certs/organisation/hn-tu.pem')
    const kept = s3.objects.get(`${TARGET.bucket}/certs/organisation/hn-tu.pem`)!
    expect(pemBlocks(kept).map((p) => new X509Certificate(p).fingerprint256)).toEqual([leaf, ca.caPem].map((p) => new X509Certificate(p).fingerprint256))
    const signer = kmsSigningKeys(clientsOf(kms, s3), { aliasPrefix: TARGET.aliasPrefix, certsBucket: TARGET.bucket })
    const sealed = await signPdf(await draftResolution(), { signer: CITY, kind: 'seal', reason: 'Đóng dấu', location: 'Hà Nội' }, signer)
    const report = await verifyPdf(sealed, { roots: await signer.trustedRoots!() })
    expect(report.valid).toBe(true)
  })

  it('refuses a certificate for another key, an expired one and one that may not sign documents — nothing is written', async () => {
    const kms = fakeKms()
    const s3 = fakeS3()
    const created = await createSigningKey(clientsOf(kms, s3), TARGET, CITY)
    const ca = authority()
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' })
    const spki = kms.keys.get(created.keyId)!.spki

    const attempt = (bundle: string) => importChain(clientsOf(kms, s3), TARGET, CITY, bundle).then(() => 'imported', (e: ProvisionError) => e.code)
    expect(await attempt(ca.issue(other) + ca.caPem)).toBe('chain.keyMismatch')
    expect(await attempt(ca.issue(spki, { days: -1 }) + ca.caPem)).toBe('chain.expired')
    expect(await attempt(ca.issue(spki, { usage: 'ca' }) + ca.caPem)).toBe('chain.notSigningKey')
    expect(await attempt(ca.issue(spki) + authority().caPem)).toBe('chain.broken')
    expect(await attempt('not a certificate')).toBe('chain.empty')
    expect(s3.objects.size).toBe(0)
  })

  it('says which key is missing when the chain comes before the key', async () => {
    await expect(importChain(clientsOf(fakeKms(), fakeS3()), TARGET, CITY, authority().caPem)).rejects.toMatchObject({ code: 'alias.missing' })
  })
})
