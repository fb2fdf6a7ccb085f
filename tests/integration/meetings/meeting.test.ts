/**
 * A whole meeting through the embedded platform: the ward office prepares a
 * meeting of the ward's committee (agenda with a presenter, a register entry,
 * a MẬT entry catalogued only, an uploaded draft), sends the signed
 * invitation (read back with pdftotext and pdfsig) and the mail; members
 * answer (one delegates); check-in by QR token and by the secretary; the
 * quorum of all members; agenda and speakers; an open vote and a secret
 * ballot by blind RSA signatures (the ballot store holds no voter link; a
 * second ballot, a forged one, a non-member's and one after closing are
 * refused and change nothing; the published list shows each voter's own
 * ballot); minutes signed by the secretary and the chair; a conclusion
 * becomes a task.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { webcrypto, createHash } from 'node:crypto'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { RSABSSA } from '@cloudflare/blindrsa-ts'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { call, login, uniq, type Session } from '../../support/api.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { download, newWard, pdfOf, person, upload } from '../documents/support.js'

const work = mkdtempSync(join(tmpdir(), 'meetings-'))
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({
  endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
}))
const items = async (pk: string, skPrefix = '') => (await ddb.send(new QueryCommand({
  TableName: 'digital-office-local', KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix }, ConsistentRead: true,
}))).Items ?? []

function pdftext(pdf: Uint8Array): string {
  const file = join(work, `t-${uniq()}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}
/** pdfsig's report per signature, trusting the platform's development CA. */
function pdfsig(pdf: Uint8Array): string[] {
  const db = join(work, 'nss')
  if (!existsSync(db)) {
    mkdirSync(db, { recursive: true })
    execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password'])
    execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'digital-office-dev-ca', '-t', 'CT,C,C', '-i', join(inject('dataDir'), 'signing', 'ca-cert.pem')])
  }
  const file = join(work, `s-${uniq()}.pdf`)
  writeFileSync(file, pdf)
  return spawnSync('pdfsig', ['-nssdir', `sql:${db}`, file], { encoding: 'utf8' }).stdout.split(/^Signature #\d+:$/m).slice(1)
}

const suite = RSABSSA.SHA384.PSS.Randomized()
const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url')
const bytes = (s: string) => { const b = Buffer.from(s, 'base64url'); const u = new Uint8Array(new ArrayBuffer(b.length)); u.set(b); return u }
/** What the voter's browser does: a random token, prepared and blinded; the server's blind signature finalised. */
async function secretBallot(s: Session, meetingId: string, vote: { voteId: string; publicKey: string }) {
  const pk = await webcrypto.subtle.importKey('spki', bytes(vote.publicKey), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify'])
  const token = suite.prepare(webcrypto.getRandomValues(new Uint8Array(32)))
  const { blindedMsg, inv } = await suite.blind(pk as CryptoKey, token)
  const signed = await s.post(`/api/meetings/${meetingId}/votes/${vote.voteId}/blind-signatures`, { blindedMsg: b64u(blindedMsg) })
  expect(signed.status, JSON.stringify(signed.body)).toBe(200)
  const signature = await suite.finalize(pk as CryptoKey, token, bytes(signed.body.blindSignature), inv)
  return { token: b64u(token), signature: b64u(signature), tokenHash: createHash('sha256').update(token).digest('hex') }
}
const cast = (meetingId: string, voteId: string, body: unknown, lang: 'vi' | 'en' = 'vi') => call('POST', `/api/ballots/${meetingId}/${voteId}`, { body, lang })

let admin: Session
let ward: string
let chair: Session & { userId: string }
let clerk: Session & { userId: string }
let m1: Session & { userId: string }
let m2: Session & { userId: string }
let guest: Session & { userId: string }
let delegate: Session & { userId: string }
let meetingId: string

beforeAll(async () => {
  admin = await login('admin')
  ward = await newWard(admin, `Đảng ủy phường Họp Không Giấy ${uniq()}`)
  chair = await person(admin, ward, 'secretary', 'Trần Chủ Trì', 'Bí thư Đảng ủy')
  clerk = await person(admin, ward, 'clerk', 'Lê Thư Ký', 'Văn thư', 'confidential')
  m1 = await person(admin, ward, 'specialist', 'Phạm Ủy Viên Một')
  m2 = await person(admin, ward, 'specialist', 'Hoàng Ủy Viên Hai')
  const other = await newWard(admin, `Đảng ủy phường Khách Mời ${uniq()}`)
  guest = await person(admin, other, 'specialist', 'Ngô Khách Mời')
  delegate = await person(admin, other, 'specialist', 'Vũ Dự Thay')
}, 120_000)

describe('a paperless meeting from invitation to conclusions', () => {
  it('is prepared with its documents and invites by a signed PDF and a mail', async () => {
    // Prepare: a MẬT register entry (catalogued only) and an uploaded draft.
    const secret = await clerk.post('/api/documents/incoming', {
      unitId: ward, symbol: '31-BC/TU', issuerName: 'Thành ủy Hà Nội', documentDate: vietnamDate(), receivedDate: vietnamDate(),
      summary: 'Báo cáo tình hình nội bộ', confidentiality: 'mat',
    })
    expect(secret.status, JSON.stringify(secret.body)).toBe(201)
    const draft = await upload(clerk, await pdfOf('Dự thảo nghị quyết về chuyển đổi số'), 'du-thao.pdf')
    const startsAt = new Date(Date.now() + 60_000).toISOString()

    // Act
    const created = await clerk.post('/api/meetings', {
      unitId: ward, title: 'Hội nghị Ban Chấp hành Đảng bộ phường', kind: 'committee', startsAt, place: 'Hội trường tầng 3',
      chairUserId: chair.userId, secretaryUserId: clerk.userId, members: [{ unitId: ward }], invitees: [{ userId: guest.userId }],
      agenda: [
        { title: 'Thông qua nghị quyết chuyển đổi số', presenterUserId: m1.userId, minutes: 30, documents: [{ ...draft, title: 'Dự thảo nghị quyết về chuyển đổi số', draft: true }, { documentId: secret.body.document.documentId }] },
        { title: 'Công tác cán bộ', minutes: 20 },
      ],
    })

    // Assess
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    meetingId = created.body.meetingId
    expect(created.body.checkInKey).toBeUndefined()
    expect(created.body.quorum).toEqual({ members: 4, present: 0, needed: 3, reached: false })
    expect(created.body.agenda[0].presenter.fullName).toBe('Phạm Ủy Viên Một')
    const [upl, mat] = created.body.agenda[0].documents
    expect(upl).toMatchObject({ title: 'Dự thảo nghị quyết về chuyển đổi số', draft: true, catalogueOnly: false, canOpen: true })
    expect(mat).toMatchObject({ symbol: '31-BC/TU', confidentiality: 'mat', catalogueOnly: true, canOpen: false })
    // The MẬT entry has no file to open, even for a participant.
    const closed = await chair.get(`/api/meetings/${meetingId}/documents/${mat.docId}`)
    expect(closed.status).toBe(422)
    expect(closed.body.error.message).toContain('chỉ ghi danh mục')

    // Act: the invitation
    const invited = await clerk.post(`/api/meetings/${meetingId}/invitation`, {})
    expect(invited.status, JSON.stringify(invited.body)).toBe(200)
    const pdf = await download((await m1.get(`/api/meetings/${meetingId}/invitation`)).body.url)
    const text = pdftext(pdf)
    expect(text).toContain('GIẤY MỜI')
    expect(text).toContain('Hội nghị Ban Chấp hành Đảng bộ phường')
    expect(text).toContain('đồng chí Phạm Ủy Viên Một')
    expect(text).toContain('Hội trường tầng 3')
    expect(text).not.toContain(m1.userId)
    const sigs = pdfsig(pdf)
    expect(sigs).toHaveLength(1)
    expect(sigs[0]).toMatch(/Signature Validation: Signature is Valid/)
    expect(sigs[0]).toContain('Đảng ủy phường Họp Không Giấy')

    // The invitation waits for an answer in "my work today"; a second sending is refused.
    const work = await m2.get('/api/me/work')
    expect(work.body.sections.find((s: any) => s.id === 'meetings.to-answer').items.map((i: any) => i.title)).toContain('Hội nghị Ban Chấp hành Đảng bộ phường')
    expect((await clerk.post(`/api/meetings/${meetingId}/invitation`, {})).status).toBe(422)
  })

  it('takes answers and checks in by QR token and by the secretary, counting the quorum of all members', async () => {
    expect((await m1.post(`/api/meetings/${meetingId}/answer`, { answer: 'absent' })).body.error.code).toBe('meeting.reasonNeeded')
    expect((await m2.post(`/api/meetings/${meetingId}/answer`, { answer: 'delegate', delegateUserId: delegate.userId })).status).toBe(200)
    expect((await chair.post(`/api/meetings/${meetingId}/answer`, { answer: 'attend' })).status).toBe(200)
    // A delegate sees what the member sees: the meeting and its documents.
    const seen = await delegate.get(`/api/meetings/${meetingId}`)
    expect(seen.status).toBe(200)
    expect(seen.body.me).toMatchObject({ role: 'delegate', delegateFor: { fullName: 'Hoàng Ủy Viên Hai' } })
    const draftDoc = seen.body.agenda[0].documents[0]
    expect((await delegate.get(`/api/meetings/${meetingId}/documents/${draftDoc.docId}`)).status).toBe(200)
    // Someone outside it does not see it at all.
    const outsider = await login('chuyenvien.badinh')
    expect((await outsider.get(`/api/meetings/${meetingId}`)).status).toBe(404)

    // QR: each participant's own token, scanned at the door (the secretary's device posts it).
    const code = await chair.get(`/api/meetings/${meetingId}/checkin-code`)
    expect(code.body.svg).toContain('<svg')
    const byQr = await clerk.post(`/api/meetings/${meetingId}/checkins`, { token: code.body.token })
    expect(byQr.body.quorum).toMatchObject({ present: 1, reached: false })
    const forged = await clerk.post(`/api/meetings/${meetingId}/checkins`, { token: code.body.token.slice(0, -3) + 'AAA' })
    expect(forged.status).toBe(422)
    const own = await clerk.get(`/api/meetings/${meetingId}/checkin-code`)
    await clerk.post(`/api/meetings/${meetingId}/checkins`, { token: own.body.token })
    const ticked = await clerk.post(`/api/meetings/${meetingId}/checkins`, { userId: m1.userId })
    expect(ticked.body.quorum).toEqual({ members: 4, present: 3, needed: 3, reached: true })
    const again = await clerk.post(`/api/meetings/${meetingId}/checkins`, { userId: m1.userId }, 'en')
    expect(again.body.error.message).toMatch(/Phạm Ủy Viên Một checked in already/)
    // The delegate attends but does not make the member present.
    const d = await clerk.post(`/api/meetings/${meetingId}/checkins`, { userId: delegate.userId })
    expect(d.body.quorum.present).toBe(3)
  })

  it('runs the agenda and the speakers list', async () => {
    expect((await m1.post(`/api/meetings/${meetingId}/open`, {})).status).toBe(403)
    const opened = await chair.post(`/api/meetings/${meetingId}/open`, {})
    expect(opened.body).toMatchObject({ status: 'in-progress', currentItemId: 'i1' })
    const asked = await m1.post(`/api/meetings/${meetingId}/speakers`, { action: 'request' })
    const speaker = asked.body.speakers[0]
    expect(speaker).toMatchObject({ status: 'waiting', person: { fullName: 'Phạm Ủy Viên Một' }, seconds: 300 })
    expect((await m1.post(`/api/meetings/${meetingId}/speakers`, { action: 'request' })).body.error.code).toBe('meeting.alreadyListed')
    await chair.post(`/api/meetings/${meetingId}/speakers`, { action: 'start', speakerId: speaker.speakerId })
    const done = await chair.post(`/api/meetings/${meetingId}/speakers`, { action: 'finish', speakerId: speaker.speakerId })
    expect(done.body.speakers[0].status).toBe('done')
  })

  it('counts an open vote per person and a secret ballot nobody can link to its voter', async () => {
    // Open vote: recorded per person.
    const open = await chair.post(`/api/meetings/${meetingId}/votes`, { title: 'Thông qua nghị quyết chuyển đổi số', subject: 'resolution', secret: false, itemId: 'i1' })
    expect(open.status, JSON.stringify(open.body)).toBe(201)
    for (const s of [chair, clerk, m1]) expect((await s.post(`/api/meetings/${meetingId}/votes/${open.body.voteId}/ballots`, { choice: { option: 'agree' } })).status).toBe(200)
    expect((await m1.post(`/api/meetings/${meetingId}/votes/${open.body.voteId}/ballots`, { choice: { option: 'agree' } })).body.error.code).toBe('vote.alreadyVoted')
    expect((await guest.post(`/api/meetings/${meetingId}/votes/${open.body.voteId}/ballots`, { choice: { option: 'agree' } })).status).toBe(403)
    const openResult = await chair.post(`/api/meetings/${meetingId}/votes/${open.body.voteId}/close`, {})
    expect(openResult.body.result.tallies[0]).toMatchObject({ key: 'agree', count: 3, shareOfMembers: 75, passed: true })

    // Secret ballot, personnel: two candidates, one seat.
    const vote = (await chair.post(`/api/meetings/${meetingId}/votes`, {
      title: 'Bầu Phó Bí thư', subject: 'personnel', secret: true, candidateUserIds: [m1.userId, m2.userId], seats: 1,
    })).body
    expect(vote.publicKey).toBeTruthy()
    const ballots = [await secretBallot(chair, meetingId, vote), await secretBallot(clerk, meetingId, vote), await secretBallot(m1, meetingId, vote)]
    // One signature per member; a non-member gets none.
    expect((await chair.post(`/api/meetings/${meetingId}/votes/${vote.voteId}/blind-signatures`, { blindedMsg: b64u(new Uint8Array(256)) })).body.error.code).toBe('vote.alreadySigned')
    const outsider = await guest.post(`/api/meetings/${meetingId}/votes/${vote.voteId}/blind-signatures`, { blindedMsg: b64u(new Uint8Array(256)) }, 'en')
    expect(outsider.status).toBe(403)
    expect(outsider.body.error.message).toContain('Only members of')

    const choices = [{ candidates: [m1.userId] }, { candidates: [m1.userId] }, { candidates: [m2.userId] }]
    for (const [i, b] of ballots.entries()) expect((await cast(meetingId, vote.voteId, { token: b.token, signature: b.signature, choice: choices[i] })).status).toBe(201)
    // The same token again, and a token with a forged signature: refused, nothing written.
    const twice = await cast(meetingId, vote.voteId, { token: ballots[0].token, signature: ballots[0].signature, choice: { candidates: [m2.userId] } }, 'en')
    expect([twice.status, twice.body.error.code]).toEqual([409, 'vote.ballotCounted'])
    const forged = await cast(meetingId, vote.voteId, { token: b64u(suite.prepare(new Uint8Array(32))), signature: ballots[1].signature, choice: { candidates: [m2.userId] } })
    expect([forged.status, forged.body.error.code]).toEqual([422, 'vote.badSignature'])

    // The ballot store: token hash and choice only — no voter, no time.
    const box = await items(`BALLOTS#${meetingId}#${vote.voteId}`, "BALLOT#")
    expect(box).toHaveLength(3)
    for (const item of box) expect(Object.keys(item).sort()).toEqual(['choice', 'entity', 'pk', 'schemaVersion', 'sk', 'tokenHash'])
    const boxText = JSON.stringify(box)
    // (The candidates are named by the choices; the voters who are not candidates appear nowhere.)
    for (const p of [chair, clerk]) expect(boxText).not.toContain(p.userId)
    // What the server knows of voters: who received a signature, never a token.
    const signatures = await items(`UNIT#${ward}`, `MEETING#${meetingId}#VOTESIG#${vote.voteId}#`)
    expect(signatures.map((s) => s.userId).sort()).toEqual([chair.userId, clerk.userId, m1.userId].sort())
    for (const b of ballots) expect(JSON.stringify(signatures)).not.toContain(b.tokenHash)

    // A member holds a signed ballot but sends it only after the vote closes.
    const tooLate = await secretBallot(m2, meetingId, vote)

    // Close: shares of all members; 2 of 4 is not more than half, so nobody is elected.
    const closed = await chair.post(`/api/meetings/${meetingId}/votes/${vote.voteId}/close`, {})
    expect(closed.body.result).toMatchObject({ members: 4, cast: 3 })
    expect(closed.body.result.tallies).toEqual([
      { key: m1.userId, label: 'Phạm Ủy Viên Một', count: 2, shareOfMembers: 50, passed: false },
      { key: m2.userId, label: 'Hoàng Ủy Viên Hai', count: 1, shareOfMembers: 25, passed: false },
    ])
    // Each voter finds their own ballot in the published list.
    const published = (await m1.get(`/api/meetings/${meetingId}/votes/${vote.voteId}`)).body.result.published
    expect(published.find((p: any) => p.tokenHash === ballots[2].tokenHash).choice).toEqual({ candidates: [m2.userId] })
    // After closing: a ballot, and closing again, are refused; nothing changes.
    const late = await cast(meetingId, vote.voteId, { token: tooLate.token, signature: tooLate.signature, choice: { candidates: [m2.userId] } }, 'en')
    expect([late.status, late.body.error.message]).toEqual([422, 'Vote "Bầu Phó Bí thư" is closed; the ballot was not counted.'])
    expect((await secretBallotAfterClose(chair, vote)).status).toBe(422)
    expect((await chair.post(`/api/meetings/${meetingId}/votes/${vote.voteId}/close`, {})).body.error.code).toBe('vote.cannotReopen')
    expect(await items(`BALLOTS#${meetingId}#${vote.voteId}`, "BALLOT#")).toHaveLength(3)

    // The signed result record.
    const record = await download((await m1.get(`/api/meetings/${meetingId}/votes/${vote.voteId}/record`)).body.url)
    const recordText = pdftext(record)
    expect(recordText).toContain('BIÊN BẢN KẾT QUẢ BIỂU QUYẾT')
    expect(recordText).toMatch(/Phạm Ủy Viên Một: 2\/4 — 50% tổng số thành viên/)
    expect(pdfsig(record)[0]).toMatch(/Signature is Valid/)
  })

  it('ends with minutes signed by the secretary and the chair, and conclusions as tasks', async () => {
    const deadline = CALENDAR.addWorkingDays(CALENDAR.nextWorkingDay(vietnamDate()), 10)
    const concluded = await chair.post(`/api/meetings/${meetingId}/conclusions`, { title: 'Triển khai nghị quyết chuyển đổi số', leadUnitId: ward, leadUserId: m1.userId, deadline, itemId: 'i1' })
    expect(concluded.status, JSON.stringify(concluded.body)).toBe(201)
    const mine = await m1.get('/api/tasks?view=mine')
    expect(mine.body.tasks.find((t: any) => t.title === 'Triển khai nghị quyết chuyển đổi số')).toMatchObject({ deadline, assigner: { fullName: 'Trần Chủ Trì' } })

    const ended = await chair.post(`/api/meetings/${meetingId}/end`, {})
    const drafted = await clerk.post(`/api/meetings/${meetingId}/minutes`, { version: ended.body.version, notes: 'Hội nghị kết thúc lúc 11 giờ.' })
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200)
    expect(drafted.body.lines.join('\n')).toContain('Có mặt: 3/4 thành viên')
    expect((await chair.post(`/api/meetings/${meetingId}/minutes/sign`, { version: drafted.body.version })).body.error.code).toBe('meeting.secretaryFirst')
    const bySecretary = await clerk.post(`/api/meetings/${meetingId}/minutes/sign`, { version: drafted.body.version })
    const byChair = await chair.post(`/api/meetings/${meetingId}/minutes/sign`, { version: bySecretary.body.version })
    expect(byChair.status, JSON.stringify(byChair.body)).toBe(200)
    const minutes = await download((await m2.get(`/api/meetings/${meetingId}/minutes`)).body.url)
    const text = pdftext(minutes)
    for (const words of ['BIÊN BẢN', 'Chủ trì: đồng chí Trần Chủ Trì', 'Vắng mặt: Hoàng Ủy Viên Hai (ủy quyền đồng chí Vũ Dự Thay dự thay)',
      'Phát biểu: đồng chí Phạm Ủy Viên Một', 'Bầu Phó Bí thư', 'Triển khai nghị quyết chuyển đổi số — giao Phạm Ủy Viên Một']) expect(text).toContain(words)
    const sigs = pdfsig(minutes)
    expect(sigs).toHaveLength(2)
    expect(sigs[0]).toContain('Lê Thư Ký')
    expect(sigs[1]).toContain('Trần Chủ Trì')
    for (const s of sigs) expect(s).toMatch(/Signature is Valid/)
  })
})

/** A member who never took a signature cannot get one after closing either. */
async function secretBallotAfterClose(s: Session, vote: { voteId: string; publicKey: string }) {
  const pk = await webcrypto.subtle.importKey('spki', bytes(vote.publicKey), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify'])
  const { blindedMsg } = await suite.blind(pk as CryptoKey, suite.prepare(new Uint8Array(32)))
  return s.post(`/api/meetings/${meetingId}/votes/${vote.voteId}/blind-signatures`, { blindedMsg: b64u(blindedMsg) })
}
