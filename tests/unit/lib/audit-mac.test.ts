import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GenerateMacCommand } from '@aws-sdk/client-kms'
import { describe, expect, it } from 'vitest'
import { kmsMac, localMac } from '../../../functions/lib/adapters/audit-mac.js'

describe('the audit MAC adapters', () => {
  it('asks KMS for an HMAC_SHA_256 of the message with the audit key, and returns it in hex', async () => {
    const sent: GenerateMacCommand[] = []
    const fake = { send: async (c: GenerateMacCommand) => { sent.push(c); return { Mac: new Uint8Array([0xde, 0xad, 0xbe, 0xef]), KeyId: 'k', MacAlgorithm: 'HMAC_SHA_256' } } }
    const mac = kmsMac('arn:aws:kms:ap-southeast-1:111122223333:key/audit', fake as never)
    expect(await mac('{"kind":"audit-entry"}')).toBe('deadbeef')
    expect(sent[0].input).toMatchObject({ KeyId: 'arn:aws:kms:ap-southeast-1:111122223333:key/audit', MacAlgorithm: 'HMAC_SHA_256' })
    expect(Buffer.from(sent[0].input.Message as Uint8Array).toString('utf8')).toBe('{"kind":"audit-entry"}')
  })

  it('lets KMS throttling and a disabled key surface as errors (the transaction is not written)', async () => {
    const throttled = kmsMac('k', { send: async () => { throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }) } } as never)
    await expect(throttled('x')).rejects.toMatchObject({ name: 'ThrottlingException' })
    const disabled = kmsMac('k', { send: async () => { throw Object.assign(new Error('key is disabled'), { name: 'DisabledException' }) } } as never)
    await expect(disabled('x')).rejects.toMatchObject({ name: 'DisabledException' })
    await expect(kmsMac('k', { send: async () => ({}) } as never)('x')).rejects.toThrow(/no MAC/)
  })

  it('keys the local MAC with the data directory\'s key: another key gives another MAC, a short key is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-key-'))
    writeFileSync(join(dir, 'a'), Buffer.alloc(32, 1).toString('base64'))
    writeFileSync(join(dir, 'b'), Buffer.alloc(32, 2).toString('base64'))
    writeFileSync(join(dir, 'short'), Buffer.alloc(8, 1).toString('base64'))
    const a = await localMac(join(dir, 'a'))('message')
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(await localMac(join(dir, 'a'))('message')).toBe(a)
    expect(await localMac(join(dir, 'b'))('message')).not.toBe(a)
    expect(() => localMac(join(dir, 'short'))).toThrow(/shorter than 32 bytes/)
  })
})
