import { X509Certificate } from 'node:crypto'
import { GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3'
import { NotFoundException, SignCommand } from '@aws-sdk/client-kms'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  kmsSigningKeys, localSigningKeys, resetSigningCaches, signPdf, signingKeys, trustRoots, verifyPdf, type SignerRef,
} from '../../../functions/lib/signing/index.js'
import { COMMITTEE, SECRETARY, draftResolution, foreignAuthority, useTemporarySigningDir } from './fixtures.js'

const CFG = { aliasPrefix: 'digital-office-prod', certsBucket: 'do-prod-signing' }

/** An AWS client stand-in that records the commands it is sent and answers from a script. */
function fakeClient(answer: (command: unknown) => unknown | Promise<unknown>) {
  const sent: unknown[] = []
  return {
    sent,
    send: async (command: unknown) => {
      sent.push(command)
      const result = await answer(command)
      if (result instanceof Error) throw result
      return result
    },
  }
}
type Clients = Parameters<typeof kmsSigningKeys>[0]
const s3Body = (text: string) => ({ Body: { transformToString: async () => text } })

const keyDir = useTemporarySigningDir()
/** Stands in for what KMS holds and what the platform keeps in the bucket: the dev CA's keys and chains. */
const issued = localSigningKeys(keyDir.dir)
let roots: string[]
beforeAll(async () => { roots = await trustRoots() })
afterAll(() => keyDir.cleanup())

describe('kmsSigningKeys.sign', () => {
  it('asks KMS to sign the digest with the organisation\'s key alias, as a DIGEST with RSASSA-PKCS1-v1.5 SHA-256', async () => {
    // Prepare
    const kms = fakeClient(() => ({ Signature: new Uint8Array([1, 2, 3]) }))
    const s3 = fakeClient(() => ({}))
    const digest = new Uint8Array(32).fill(7)

    // Act
    const signature = await kmsSigningKeys({ kms, s3 } as unknown as Clients, CFG).sign(COMMITTEE, digest)

    // Assess
    expect(signature).toEqual(new Uint8Array([1, 2, 3]))
    expect(kms.sent).toHaveLength(1)
    expect(kms.sent[0]).toBeInstanceOf(SignCommand)
    expect((kms.sent[0] as SignCommand).input).toEqual({
      KeyId: 'alias/digital-office-prod-org-tu-hanoi', Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
    })
    expect(s3.sent).toEqual([])
  })

  it('uses the person\'s own key for a personal signature', async () => {
    const kms = fakeClient(() => ({ Signature: new Uint8Array([9]) }))

    await kmsSigningKeys({ kms, s3: fakeClient(() => ({})) } as unknown as Clients, CFG).sign(SECRETARY, new Uint8Array(32))

    expect((kms.sent[0] as SignCommand).input.KeyId).toBe('alias/digital-office-prod-person-u-bithu-tu')
  })

  it('answers signature.noCertificate when the signer has no key in KMS', async () => {
    const kms = fakeClient(() => new NotFoundException({ message: 'Alias not found', $metadata: {} }))

    await expect(kmsSigningKeys({ kms, s3: fakeClient(() => ({})) } as unknown as Clients, CFG).sign(SECRETARY, new Uint8Array(32)))
      .rejects.toMatchObject({ code: 'signature.noCertificate', params: { name: 'Nguyễn Thị Thanh Hương' } })
  })
})

describe('kmsSigningKeys.certificateChain', () => {
  it('reads the chain from the platform\'s bucket, leaf first even when the bundle was saved root first, once per signer', async () => {
    // Prepare
    const [leaf, root] = await issued.certificateChain(COMMITTEE)
    const s3 = fakeClient(() => s3Body(`${root}\n${leaf}`))
    const keys = kmsSigningKeys({ kms: fakeClient(() => ({})), s3 } as unknown as Clients, CFG)

    // Act
    const chain = await keys.certificateChain(COMMITTEE)
    await keys.certificateChain(COMMITTEE)

    // Assess
    expect(chain).toEqual([leaf, root])
    expect(s3.sent).toHaveLength(1)
    expect(s3.sent[0]).toBeInstanceOf(GetObjectCommand)
    expect((s3.sent[0] as GetObjectCommand).input).toEqual({ Bucket: 'do-prod-signing', Key: 'certs/organisation/tu-hanoi.pem' })
  })

  it('answers signature.noCertificate when no chain was kept for the signer', async () => {
    const s3 = fakeClient(() => new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }))

    await expect(kmsSigningKeys({ kms: fakeClient(() => ({})), s3 } as unknown as Clients, CFG).certificateChain(SECRETARY))
      .rejects.toMatchObject({ code: 'signature.noCertificate' })
  })
})

describe('kmsSigningKeys.trustedRoots', () => {
  it('reads the platform\'s roots kept next to the chains, once', async () => {
    // Prepare
    const [, root] = await issued.certificateChain(COMMITTEE)
    const s3 = fakeClient(() => s3Body(root))
    const keys = kmsSigningKeys({ kms: fakeClient(() => ({})), s3 } as unknown as Clients, CFG)

    // Act
    const roots = await keys.trustedRoots!()
    await keys.trustedRoots!()

    // Assess
    expect(roots.map((pem) => new X509Certificate(pem).fingerprint256)).toEqual([new X509Certificate(root).fingerprint256])
    expect(s3.sent).toHaveLength(1)
    expect((s3.sent[0] as GetObjectCommand).input).toEqual({ Bucket: 'do-prod-signing', Key: 'certs/roots.pem' })
  })

  it('has no roots of its own when none are kept', async () => {
    const s3 = fakeClient(() => new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }))

    expect(await kmsSigningKeys({ kms: fakeClient(() => ({})), s3 } as unknown as Clients, CFG).trustedRoots!()).toEqual([])
  })
})

describe('signing through the KMS adapter', () => {
  it('gives a PDF that verifies, when KMS signs digests as it does on AWS', async () => {
    // Prepare: a KMS that signs DIGEST messages with the key behind the alias.
    const byAlias = new Map<string, SignerRef>([
      ['alias/digital-office-prod-person-u-bithu-tu', SECRETARY], ['alias/digital-office-prod-org-tu-hanoi', COMMITTEE],
    ])
    const kms = fakeClient(async (command) => {
      const { KeyId, Message } = (command as SignCommand).input
      return { Signature: await issued.sign(byAlias.get(KeyId!)!, Message!) }
    })
    const s3 = fakeClient(async (command) => {
      const key = (command as GetObjectCommand).input.Key!
      return s3Body((await issued.certificateChain(key.includes('organisation') ? COMMITTEE : SECRETARY)).join(''))
    })
    const keys = kmsSigningKeys({ kms, s3 } as unknown as Clients, CFG)

    // Act
    const personal = await signPdf(await draftResolution(), { signer: SECRETARY, kind: 'personal', reason: 'Ký', location: 'Hà Nội' }, keys)
    const sealed = await signPdf(personal, { signer: COMMITTEE, kind: 'seal', reason: 'Đóng dấu', location: 'Hà Nội' }, keys)

    // Assess
    const report = await verifyPdf(sealed, { roots })
    expect(report.valid).toBe(true)
    expect(kms.sent.every((c) => c instanceof SignCommand)).toBe(true)
    expect(kms.sent).toHaveLength(2)
  })

  it('refuses to produce a signature when the key in KMS does not match the kept certificate', async () => {
    // Prepare: the alias points at the organisation's key, the bucket holds the person's certificate.
    const kms = fakeClient(async (command) => ({ Signature: await issued.sign(COMMITTEE, (command as SignCommand).input.Message!) }))
    const s3 = fakeClient(async () => s3Body((await issued.certificateChain(SECRETARY)).join('')))

    // Act / Assess
    await expect(signPdf(await draftResolution(), { signer: SECRETARY, kind: 'personal', reason: 'Ký', location: 'Hà Nội' },
      kmsSigningKeys({ kms, s3 } as unknown as Clients, CFG))).rejects.toThrow(/does not match/)
  })
})

describe('signingKeys', () => {
  it('chooses KMS when SIGNING=kms, and then does not trust the development CA', async () => {
    // Prepare: no certificates bucket, so only the roots given in the environment.
    const foreign = foreignAuthority()
    process.env.SIGNING = 'kms'
    process.env.SIGNING_TRUST_ROOTS_PEM = foreign.caPem
    delete process.env.SIGNING_CERTS_BUCKET
    resetSigningCaches()
    try {
      // Act
      const keys = signingKeys()
      const configured = await trustRoots()

      // Assess
      expect('caCertificate' in keys).toBe(false)
      expect(configured).not.toContain(roots[0])
      expect(configured.map((pem) => new X509Certificate(pem).fingerprint256)).toEqual([new X509Certificate(foreign.caPem).fingerprint256])
    } finally {
      delete process.env.SIGNING
      delete process.env.SIGNING_TRUST_ROOTS_PEM
      resetSigningCaches()
    }
  })
})
