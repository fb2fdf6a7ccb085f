/**
 * Blind RSA signatures (RFC 9474, RSABSSA-SHA384-PSS-Randomized) for secret
 * ballots, through @cloudflare/blindrsa-ts on WebCrypto: the same library
 * blinds in the voter's browser. The server signs a blinded message it cannot
 * read and later verifies the unblinded token and signature; nothing it holds
 * links the two. One key pair per vote, made when the vote opens.
 */
import { webcrypto } from 'node:crypto'
import { RSABSSA } from '@cloudflare/blindrsa-ts'

const suite = () => RSABSSA.SHA384.PSS.Randomized()
const ALG = { name: 'RSA-PSS', hash: 'SHA-384' }
const subtle = webcrypto.subtle as unknown as SubtleCrypto
export const b64u = (bytes: Uint8Array | ArrayBuffer): string => Buffer.from(bytes as ArrayBuffer).toString('base64url')
export const fromB64u = (s: string): Uint8Array<ArrayBuffer> => { const b = Buffer.from(s, 'base64url'); const out = new Uint8Array(new ArrayBuffer(b.length)); out.set(b); return out }

export async function newVoteKeys(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await suite().generateKey({ publicExponent: Uint8Array.from([1, 0, 1]), modulusLength: 2048 })
  return {
    publicKey: b64u(await subtle.exportKey('spki', pair.publicKey)),
    privateKey: b64u(await subtle.exportKey('pkcs8', pair.privateKey)),
  }
}

export async function blindSign(privateKey: string, blindedMsg: Uint8Array): Promise<Uint8Array> {
  const key = await subtle.importKey('pkcs8', fromB64u(privateKey), ALG, true, ['sign'])
  return suite().blindSign(key, blindedMsg)
}

export async function verifyToken(publicKey: string, token: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    const key = await subtle.importKey('spki', fromB64u(publicKey), ALG, true, ['verify'])
    return await suite().verify(key, signature, token)
  } catch {
    return false
  }
}
