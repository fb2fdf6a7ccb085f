/**
 * Live updates of a meeting through the embedded gateway's WebSocket server
 * (the same handler API Gateway's WebSocket API calls): two participants'
 * devices follow the meeting, the chair's action reaches both with the new
 * state, each as that person sees it; a device reconnecting mid-meeting gets
 * the current state; someone outside the meeting is refused and hears
 * nothing; a bad token does not connect. Real `ws` clients.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { WebSocket } from 'ws'
import { LiveMirror } from '../../../shared/meetings/live.js'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { baseUrl, login, uniq, type Session } from '../../support/api.js'
import { newWard, person } from '../documents/support.js'

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({
  endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
}))
const followers = async (meetingId: string) => (await ddb.send(new QueryCommand({
  TableName: 'digital-office-local', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `LIVE#${meetingId}` }, ConsistentRead: true,
}))).Items ?? []

const wsUrl = () => `${baseUrl().replace(/^http/, 'ws')}/ws`

/**
 * A device following a meeting as the page does (shared/meetings/live.ts): the
 * full state, then each patch applied; every state it holds, and every
 * refusal, kept in order; `next` waits for the first unread one that matches.
 */
class Device {
  readonly messages: any[] = []
  private read = 0
  private wake: (() => void) | undefined
  private mirror = new LiveMirror()
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data))
      if (m.type === 'refused') this.messages.push(m)
      else {
        const outcome = this.mirror.receive(m)
        if (outcome === 'resync') this.subscribe(m.meetingId)
        if (outcome === 'changed') this.messages.push({ type: 'state', meetingId: m.meetingId, meeting: this.mirror.meeting, votes: this.mirror.votes })
      }
      this.wake?.()
    })
  }

  /** As a browser does it: the token beside the protocol name; or in the query. Rejects with the handshake's status. */
  static open(token: string | undefined, how: 'protocol' | 'query' = 'protocol'): Promise<Device> {
    const ws = how === 'protocol'
      ? new WebSocket(wsUrl(), token ? ['digital-office.live', token] : ['digital-office.live'])
      : new WebSocket(`${wsUrl()}?token=${encodeURIComponent(token ?? '')}`)
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Device(ws)))
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`handshake ${res.statusCode}`), { status: res.statusCode })))
      ws.once('error', reject)
    })
  }

  subscribe(meetingId: string) { this.ws.send(JSON.stringify({ action: 'subscribe', meetingId })) }

  async next(match: (m: any) => boolean = () => true): Promise<any> {
    const deadline = Date.now() + 20_000
    for (;;) {
      while (this.read < this.messages.length) {
        const m = this.messages[this.read++]
        if (match(m)) return m
      }
      if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(this.messages.map((m) => m.type ?? m.message))}`)
      await new Promise<void>((r) => { this.wake = r; setTimeout(r, 500) })
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => { this.ws.once('close', () => resolve()); this.ws.close() })
  }
}

let chair: Session & { userId: string }
let clerk: Session & { userId: string }
let member: Session & { userId: string }
let outsider: Session & { userId: string }
let meetingId: string
const devices: Device[] = []
const device = async (token: string | undefined, how?: 'protocol' | 'query') => { const d = await Device.open(token, how); devices.push(d); return d }

beforeAll(async () => {
  const admin = await login('admin')
  const ward = await newWard(admin, `Đảng ủy phường Họp Trực Tuyến ${uniq()}`)
  chair = await person(admin, ward, 'secretary', 'Đỗ Chủ Trì', 'Bí thư Đảng ủy')
  clerk = await person(admin, ward, 'clerk', 'Bùi Thư Ký', 'Văn thư')
  member = await person(admin, ward, 'specialist', 'Đinh Ủy Viên')
  outsider = await person(admin, await newWard(admin, `Đảng ủy phường Bên Ngoài ${uniq()}`), 'specialist', 'Lý Người Ngoài')
  const created = await clerk.post('/api/meetings', {
    unitId: ward, title: 'Hội nghị Ban Thường vụ trực tuyến', kind: 'standing-committee', startsAt: new Date(Date.now() + 60_000).toISOString(), place: 'Phòng họp số 2',
    chairUserId: chair.userId, secretaryUserId: clerk.userId, members: [{ unitId: ward }], invitees: [],
    agenda: [{ title: 'Khai mạc', minutes: 5 }, { title: 'Công tác cán bộ', minutes: 30 }],
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  meetingId = created.body.meetingId
}, 120_000)

afterAll(async () => { for (const d of devices) d.ws.terminate() })

describe('live updates of a meeting', () => {
  let chairs: Device
  let members: Device

  it('sends each follower the current state on subscribing, and the chair\'s action to both, each as that person sees it', async () => {
    // Prepare: the chair's tablet (token as a browser sends it) and the member's phone (token in the query).
    chairs = await device(chair.token)
    members = await device(member.token, 'query')
    expect(chairs.ws.protocol).toBe('digital-office.live')

    // Act
    chairs.subscribe(meetingId)
    members.subscribe(meetingId)
    const [a, b] = await Promise.all([chairs.next(), members.next()])

    // Assess: the state now, as each may see it
    for (const s of [a, b]) expect(s).toMatchObject({ type: 'state', meetingId, meeting: { title: 'Hội nghị Ban Thường vụ trực tuyến', status: 'planned' }, votes: [] })
    expect(a.meeting.can.chair).toBe(true)
    expect(b.meeting.can.chair).toBe(false)
    expect(b.meeting.me.role).toBe('member')
    expect(a.meeting.checkInKey).toBeUndefined()

    // Act: the chair opens the meeting
    expect((await chair.post(`/api/meetings/${meetingId}/open`, {})).status).toBe(200)

    // Assess: both devices have the new state
    const [c, d] = await Promise.all([chairs.next(), members.next()])
    for (const s of [c, d]) {
      expect(s.meeting.status).toBe('in-progress')
      expect(s.meeting.currentItemId).toBe('i1')
      expect(s.meeting.events.at(-1).text).toMatch(/^Khai mạc: có mặt 0\/3 thành viên/)
    }
    expect(c.meeting.can.chair).toBe(true)
    expect(d.meeting.can.chair).toBe(false)
  })

  it('gives a device that reconnects mid-meeting the current state, and forgets the closed connection', async () => {
    // Prepare: the member's phone drops
    await members.close()
    await expect.poll(async () => (await followers(meetingId)).length, { timeout: 10_000 }).toBe(1)

    // Act: the meeting moves on meanwhile; the phone comes back
    expect((await chair.post(`/api/meetings/${meetingId}/agenda`, { itemId: 'i2' })).status).toBe(200)
    await chairs.next((m) => m.meeting?.currentItemId === 'i2')
    members = await device(member.token)
    members.subscribe(meetingId)

    // Assess
    const now = await members.next()
    expect(now).toMatchObject({ type: 'state', meeting: { status: 'in-progress', currentItemId: 'i2' } })
    expect(now.meeting.events.at(-1).text).toBe('Chuyển sang nội dung: Công tác cán bộ')
    expect((await followers(meetingId)).map((f) => f.userId).sort()).toEqual([chair.userId, member.userId].sort())
  })

  it('carries votes live: a member\'s open ballot reaches the chair by name', async () => {
    // Prepare: the quorum (the secretary ticks two members of three)
    for (const userId of [chair.userId, member.userId]) expect((await clerk.post(`/api/meetings/${meetingId}/checkins`, { userId })).status).toBe(200)
    const vote = await chair.post(`/api/meetings/${meetingId}/votes`, { title: 'Thông qua chương trình', subject: 'resolution', secret: false })
    expect(vote.status, JSON.stringify(vote.body)).toBe(201)
    await members.next((m) => m.votes?.length === 1)

    // Act
    expect((await member.post(`/api/meetings/${meetingId}/votes/${vote.body.voteId}/ballots`, { choice: { option: 'agree' } })).status).toBe(200)

    // Assess
    const seen = await chairs.next((m) => m.votes?.[0]?.openBallots.length === 1)
    expect(seen.votes[0].openBallots[0]).toMatchObject({ voter: { fullName: 'Đinh Ủy Viên' }, choice: { option: 'agree' } })
  })

  it('refuses a subscription from someone outside the meeting, in their language, and tells them nothing after', async () => {
    // Prepare
    const stranger = await device(outsider.token)

    // Act
    stranger.subscribe(meetingId)
    const refused = await stranger.next()
    expect((await chair.post(`/api/meetings/${meetingId}/speakers`, { action: 'request' })).status).toBe(200)
    await members.next((m) => m.meeting?.speakers?.length === 1)

    // Assess
    expect(refused).toMatchObject({ type: 'refused', code: 'notFound.meeting' })
    expect(refused.message).toContain('Không tìm thấy cuộc họp')
    expect(stranger.messages.filter((m) => m.type === 'state')).toEqual([])
    expect((await followers(meetingId)).map((f) => f.userId)).not.toContain(outsider.userId)
  })

  it('does not connect with a bad token or none', async () => {
    const forged = chair.token.slice(0, -4) + (chair.token.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    await expect(Device.open(forged)).rejects.toMatchObject({ status: 401 })
    await expect(Device.open(undefined)).rejects.toMatchObject({ status: 401 })
    await expect(Device.open('not-a-token', 'query')).rejects.toMatchObject({ status: 401 })
  })
})
