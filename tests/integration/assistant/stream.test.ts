import { describe, expect, it, vi } from 'vitest'
import { baseUrl, login } from '../../support/api.js'
import { settled } from '../documents/support.js'

vi.setConfig({ testTimeout: 120_000 })

interface Read { events: any[] }

/** Posts to the streaming endpoint and records which events each network read brought. */
async function stream(token: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl()}/api/assistant/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'vi', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const reads: Read[] = []
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += decoder.decode(value, { stream: true })
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    reads.push({ events: lines.filter(Boolean).map((l) => JSON.parse(l)) })
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', reads, rest: buffer, events: reads.flatMap((r) => r.events) }
}

describe('the answer streams as it is produced', () => {
  it('sends the text in several pieces before the whole answer with its citations, and keeps the turn', async () => {
    const secretary = await login('bithu.hoankiem')
    const out = await settled(async () => {
      const r = await stream(secretary.token, { question: 'Chỉ thị 42-CT/TU yêu cầu các đơn vị hoàn thành việc gì trước ngày 30 tháng 4 năm 2025?' })
      expect(r.status).toBe(200)
      expect(r.events.at(-1)).toMatchObject({ type: 'done', result: { answer: { answered: true } } })
      return r
    })
    expect(out.contentType).toContain('application/x-ndjson')
    const deltas = out.events.filter((e) => e.type === 'delta')
    expect(deltas.length).toBeGreaterThan(1)
    // The first piece arrived in an earlier read than the end: the client saw text before the answer was complete.
    const firstDeltaRead = out.reads.findIndex((r) => r.events.some((e) => e.type === 'delta'))
    const doneRead = out.reads.findIndex((r) => r.events.some((e) => e.type === 'done'))
    expect(firstDeltaRead).toBeGreaterThanOrEqual(0)
    expect(firstDeltaRead).toBeLessThan(doneRead)
    const done = out.events.at(-1).result
    expect(deltas.map((d) => d.text).join('')).toBe(done.answer.text)
    expect(done.answer.citations[0]).toMatchObject({ symbol: '42-CT/TU', location: { label: 'Điều 2' } })

    // The streamed turn is kept like any other: a follow-up continues the conversation.
    const follow = await stream(secretary.token, { question: 'Ai chủ trì theo dõi, đôn đốc việc thực hiện?', conversationId: done.conversationId })
    expect(follow.events.at(-1)).toMatchObject({ type: 'done', result: { conversationId: done.conversationId, turn: 1 } })
    const kept = await secretary.get(`/api/assistant/conversations/${done.conversationId}`)
    expect(kept.body.turns).toHaveLength(2)
    expect(kept.body.turns[0].answer.text).toBe(done.answer.text)
  })

  it('refuses without a valid token, a bad body or an unknown conversation with the API\'s 4xx and a clear message, keeping nothing', async () => {
    const noToken = await stream(undefined, { question: 'Chỉ thị 42-CT/TU ban hành ngày nào?' })
    expect(noToken.status).toBe(401)
    const forged = await stream('eyJhbGciOiJSUzI1NiJ9.eyJ1c2VybmFtZSI6ImFkbWluIn0.c2lnbmF0dXJl', { question: 'Chỉ thị 42-CT/TU ban hành ngày nào?' })
    expect(forged.status).toBe(401)

    const clerk = await login('vanthu.tu')
    const empty = await stream(clerk.token, { question: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.rest).toContain('question')
    const tooLong = await stream(clerk.token, { question: 'a'.repeat(20_000) })
    expect(tooLong.status).toBe(400)
    const malformed = await stream(clerk.token, '{"question":')
    expect(malformed.status).toBe(400)
    const unknown = await stream(clerk.token, { question: 'Chỉ thị 42-CT/TU ban hành ngày nào?', conversationId: 'zzzzzzzzzzzz' })
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.rest).error.message).toMatch(/hội thoại/i)
    expect((await clerk.get('/api/assistant/conversations')).body.items.some((c: any) => c.conversationId === 'zzzzzzzzzzzz')).toBe(false)
  })

  it('accepts the token in X-Access-Token (CloudFront signs the origin request in Authorization)', async () => {
    const clerk = await login('vanthu.tu')
    const r = await stream(undefined, { question: 'Chỉ thị 42-CT/TU ban hành ngày nào?' }, { 'x-access-token': `Bearer ${clerk.token}`, authorization: 'AWS4-HMAC-SHA256 Credential=x' })
    expect(r.status).toBe(200)
    expect(r.events.at(-1)).toMatchObject({ type: 'done' })
  })
})
