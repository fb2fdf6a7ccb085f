/**
 * The embedded runtime's signing keys: a development root CA created on first
 * use, and a software RSA key with a certificate from that CA per signer and
 * per organisation, all kept under `SIGNING_DIR` (the runtime points it at
 * `<dataDir>/signing`) so signatures made before a restart still verify after.
 *
 * Nothing here is fit for production: the keys sit in files (0600) and the CA
 * is self-made. It exists so the whole signing path — appearance, CMS,
 * verification, an independent verifier — runs on one machine.
 */
import {
  constants, createHash, createPrivateKey, generateKeyPair, privateEncrypt, randomBytes, X509Certificate, type KeyObject,
} from 'node:crypto'
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import forge from 'node-forge'
import type { SignerRef, SigningKeyStore } from './keys-port.js'
import { pemBlocks } from './pem.js'
import { envNow } from '../env.js'

export const DEV_CA_NAME = 'Digital Office Development CA'

export interface LocalSigningKeyStore extends SigningKeyStore {
  /** The development CA's certificate (PEM): what a verifier, or `pdfsig`, must trust. */
  caCertificate(): Promise<string>
  readonly directory: string
}

const generateRsa = promisify(generateKeyPair)
const YEAR_MS = 365 * 24 * 3600 * 1000
/** Certificates start a little in the past so clocks a few minutes apart still agree they are valid. */
const BACKDATE_MS = 3600 * 1000
const LEAF_YEARS = 3
const CA_YEARS = 10
/** A leaf this close to its end is replaced rather than used. */
const RENEW_BEFORE_MS = 24 * 3600 * 1000

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2): what KMS adds to a DIGEST before RSA PKCS#1 v1.5. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')

interface Material { key: KeyObject; chain: string[] }

export function localSigningKeys(
  directory = envNow().SIGNING_DIR ?? join('.data', 'signing'),
  clock: () => Date = () => new Date(),
): LocalSigningKeyStore {
  const loaded = new Map<string, Promise<Material>>()
  const once = (file: string, load: () => Promise<Material>): Promise<Material> => {
    let pending = loaded.get(file)
    if (!pending) {
      pending = load()
      loaded.set(file, pending)
      pending.catch(() => loaded.delete(file))
    }
    return pending
  }

  const caFile = join(directory, 'ca.pem')
  const ca = () => once(caFile, async () => {
    const bundle = await readOrCreate(caFile, () => createCa(clock()))
    const certificate = pemBlocks(bundle)[0]
    // A public copy to hand to other verifiers (pdfsig, a browser, a colleague).
    await writeFile(join(directory, 'ca-cert.pem'), certificate, { mode: 0o644 })
    return { key: createPrivateKey(bundle), chain: [certificate] }
  })

  const subjectMaterial = (subject: SignerRef) => {
    const file = join(directory, subject.kind, `${fileName(subject.id)}.pem`)
    return once(file, async () => {
      const issuer = await ca()
      const issue = () => issueLeaf(subject, issuer, clock())
      let bundle = await readOrCreate(file, issue)
      if (!usable(bundle, issuer.chain[0], clock(), subject)) {
        bundle = await issue()
        await replace(file, bundle)
      }
      return { key: createPrivateKey(bundle), chain: [pemBlocks(bundle)[0], ...issuer.chain] }
    })
  }

  return {
    directory,
    async caCertificate() { return (await ca()).chain[0] },
    async trustedRoots() { return (await ca()).chain },
    async certificateChain(subject) { return (await subjectMaterial(subject)).chain },
    async sign(subject, digest) {
      if (digest.length !== 32) throw new Error(`A SHA-256 digest has 32 bytes, not ${digest.length}`)
      const { key } = await subjectMaterial(subject)
      return new Uint8Array(privateEncrypt(
        { key, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      ))
    },
  }
}

/** Ids become file names: kept readable when they are safe, hashed otherwise. */
function fileName(id: string): string {
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(id)
    ? id
    : `h-${createHash('sha256').update(id).digest('hex').slice(0, 40)}`
}

/**
 * Read `file`, or create it with `make()` if absent. Several processes (or
 * concurrent requests) starting together must end up with one key: each
 * writes its own temporary file and hard-links it into place, which fails for
 * all but the first; everyone then reads the winner's file.
 */
async function readOrCreate(file: string, make: () => Promise<string>): Promise<string> {
  const existing = await readIfExists(file)
  if (existing !== undefined) return existing
  const content = await make()
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temporary, content, { mode: 0o600, flag: 'wx' })
  try {
    await link(temporary, file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    // File systems without hard links: exclusive create is the next best thing.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      await writeFile(file, content, { mode: 0o600, flag: 'wx' }).catch(ignoreExists)
    } else if (code !== 'EEXIST') {
      throw err
    }
  } finally {
    await unlink(temporary).catch(() => undefined)
  }
  return readFile(file, 'utf8')
}

async function replace(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temporary, content, { mode: 0o600, flag: 'wx' })
  await rename(temporary, file)
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
}

function ignoreExists(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EEXIST') throw err
}

/**
 * A stored leaf is used only while it is valid, was issued by the current CA
 * and still names the signer as asked (a unit renamed, or a seal once made
 * out to the superior body, gets a new certificate).
 */
function usable(bundle: string, caPem: string, now: Date, subject: SignerRef): boolean {
  const [leafPem] = pemBlocks(bundle)
  if (!leafPem || !bundle.includes('PRIVATE KEY')) return false
  const leaf = new X509Certificate(leafPem)
  const caCert = new X509Certificate(caPem)
  return namesOf(leafPem, 'CN') === subject.commonName && namesOf(leafPem, 'O') === subject.organisation
    && new Date(leaf.validTo).getTime() - now.getTime() > RENEW_BEFORE_MS
    && leaf.checkIssued(caCert) && leaf.verify(caCert.publicKey)
}

/** A subject attribute of a certificate, decoded (node-forge keeps UTF-8 strings as raw bytes). */
function namesOf(pem: string, field: 'CN' | 'O'): string | undefined {
  const attribute = forge.pki.certificateFromPem(pem).subject.getField(field) as forge.pki.CertificateField | null
  if (!attribute) return undefined
  const value = String(attribute.value)
  return attribute.valueTagClass === (forge.asn1.Type.UTF8 as unknown as forge.asn1.Class) ? forge.util.decodeUtf8(value) : value
}

async function rsaKeyPair(bits: number): Promise<{ privateKey: string; publicKey: string }> {
  return generateRsa('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
}

/** A positive serial of 16 random bytes (the high bit cleared: DER integers are signed). */
function serialNumber(): string {
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] & 0x7f) | 0x01
  return bytes.toString('hex')
}

const utf8 = (name: string, value: string) => ({ name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class })

async function createCa(now: Date): Promise<string> {
  const { privateKey, publicKey } = await rsaKeyPair(3072)
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey)
  cert.serialNumber = serialNumber()
  cert.validity.notBefore = new Date(now.getTime() - BACKDATE_MS)
  cert.validity.notAfter = new Date(now.getTime() + CA_YEARS * YEAR_MS)
  const name = [utf8('commonName', DEV_CA_NAME), utf8('organizationName', 'Digital Office'), { name: 'countryName', value: 'VN' }]
  cert.setSubject(name)
  cert.setIssuer(name)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create())
  return `${privateKey}${forge.pki.certificateToPem(cert)}`
}

async function issueLeaf(subject: SignerRef, issuer: Material, now: Date): Promise<string> {
  const { privateKey, publicKey } = await rsaKeyPair(2048)
  const caCert = forge.pki.certificateFromPem(issuer.chain[0])
  const caKey = forge.pki.privateKeyFromPem(issuer.key.export({ type: 'pkcs8', format: 'pem' }) as string)
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey)
  cert.serialNumber = serialNumber()
  cert.validity.notBefore = new Date(now.getTime() - BACKDATE_MS)
  cert.validity.notAfter = new Date(Math.min(now.getTime() + LEAF_YEARS * YEAR_MS, caCert.validity.notAfter.getTime()))
  cert.setSubject([
    utf8('commonName', subject.commonName),
    utf8('organizationName', subject.organisation),
    { name: 'countryName', value: 'VN' },
  ])
  // node-forge keeps parsed UTF-8 names as raw bytes and would encode them a second time.
  cert.setIssuer(caCert.subject.attributes.map((a) => (a.valueTagClass === (forge.asn1.Type.UTF8 as unknown as forge.asn1.Class)
    ? { ...a, value: forge.util.decodeUtf8(a.value as string) }
    : a)))
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    // What a signature of a document needs; no extended usage, which would narrow where verifiers accept it.
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ])
  cert.sign(caKey, forge.md.sha256.create())
  return `${privateKey}${forge.pki.certificateToPem(cert)}`
}
