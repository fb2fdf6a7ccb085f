import { constants, createHash, publicDecrypt, X509Certificate } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  DEV_CA_NAME, localSigningKeys, resetSigningCaches, signingKeys, trustRoots,
} from '../../../functions/lib/signing/index.js'
import { COMMITTEE, SECRETARY, useTemporarySigningDir } from './fixtures.js'

const keyDir = useTemporarySigningDir()
afterAll(() => keyDir.cleanup())

describe('the local signing keys', () => {
  it('issues a signer an RSA 2048 certificate from the development CA, with the Vietnamese name and a document-signing key usage', async () => {
    // Act
    const [leafPem, caPem] = await signingKeys().certificateChain(SECRETARY)

    // Assess
    const leaf = new X509Certificate(leafPem)
    const ca = new X509Certificate(caPem)
    expect(leaf.subject).toBe('CN=Nguyễn Thị Thanh Hương\nO=Thành ủy Hà Nội\nC=VN')
    expect(leaf.checkIssued(ca) && leaf.verify(ca.publicKey)).toBe(true)
    expect(leaf.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
    expect(leaf.ca).toBe(false)
    expect(leaf.toLegacyObject().ext_key_usage).toBeUndefined()
    expect(ca.subject).toContain(`CN=${DEV_CA_NAME}`)
    expect(ca.ca).toBe(true)
    expect(ca.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072)
    expect(new Date(ca.validTo).getTime() - Date.now()).toBeGreaterThan(9.9 * 365 * 86_400_000)
    expect(await trustRoots()).toEqual([caPem])
  })

  it('signs a SHA-256 digest the way KMS does (PKCS#1 v1.5 over the DigestInfo), verifiable with the certificate', async () => {
    // Prepare
    const digest = createHash('sha256').update('NGHỊ QUYẾT về chuyển đổi số').digest()

    // Act
    const signature = await signingKeys().sign(COMMITTEE, digest)

    // Assess
    const [leafPem] = await signingKeys().certificateChain(COMMITTEE)
    const publicKey = new X509Certificate(leafPem).publicKey.export({ type: 'spki', format: 'pem' })
    const recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature)
    expect(recovered.subarray(-32).equals(digest)).toBe(true)
    expect(recovered.subarray(0, 19).toString('hex')).toBe('3031300d060960864801650304020105000420')
  })

  it('keeps keys and certificates across a restart', async () => {
    // Prepare
    const before = await signingKeys().certificateChain(SECRETARY)

    // Act
    resetSigningCaches()
    const after = await signingKeys().certificateChain(SECRETARY)

    // Assess
    expect(after).toEqual(before)
  })

  it('creates one key when several processes ask for a new signer at the same moment', async () => {
    // Prepare: separate stores share nothing in memory, like separate processes.
    const newcomer = { ...SECRETARY, id: 'u-new-deputy', commonName: 'Lê Văn Phó' }
    const stores = [0, 1, 2].map(() => localSigningKeys(keyDir.dir))

    // Act
    const chains = await Promise.all(stores.map((s) => s.certificateChain(newcomer)))

    // Assess
    expect(new Set(chains.map((c) => c[0])).size).toBe(1)
    expect(readdirSync(join(keyDir.dir, 'person')).filter((f) => f.startsWith('u-new-deputy'))).toEqual(['u-new-deputy.pem'])
  })

  it('keeps private keys readable by the owner only', async () => {
    await signingKeys().certificateChain(COMMITTEE)

    expect(statSync(join(keyDir.dir, 'ca.pem')).mode & 0o777).toBe(0o600)
    expect(statSync(join(keyDir.dir, 'organisation', 'tu-hanoi.pem')).mode & 0o777).toBe(0o600)
  })

  it('accepts any id, hashing ids that are unsafe as file names', async () => {
    const [leaf] = await signingKeys().certificateChain({ ...COMMITTEE, id: '../../etc/passwd' })

    expect(new X509Certificate(leaf).subject).toContain('CN=Ban Thường vụ Thành ủy Hà Nội')
    expect(readdirSync(join(keyDir.dir, 'organisation')).some((f) => f.startsWith('h-'))).toBe(true)
  })

  it('refuses anything but a SHA-256 digest', async () => {
    await expect(signingKeys().sign(SECRETARY, new Uint8Array(20))).rejects.toThrow(/32 bytes/)
  })
})
