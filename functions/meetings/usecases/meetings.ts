/**
 * The meetings module's use cases: prepare a meeting (agenda, documents from
 * the register or uploads, members and invitees by person or unit), send the
 * invitation (a PDF under the organising body's seal, and a mail), answers,
 * check-in (a per-participant QR token or the secretary), the chair's
 * agenda, the speakers' list, the minutes and the conclusions that become
 * tasks. Every change is written under the version read (a lost race is read
 * again and applied again: check-ins of a whole room arrive at once) with its
 * audit entry; every change is pushed to the people connected to the meeting.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/index.js'
import type { PersonRef } from '../../../shared/documents/contracts.js'
import { CONFIDENTIALITY_NAMES, contentAllowed } from '../../../shared/documents/confidentiality.js'
import { existsOn, nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import { vietnamDay } from '../../../shared/calendar/vietnam-time.js'
import type {
  AgendaItem, AnswerBody, ConclusionBody, CreateMeetingBody, Meeting, MeetingDocument, MeetingSummary, MeetingView, Participant, PartyRef, SpeakerBody,
} from '../../../shared/meetings/contracts.js'
import { meetingPolicy } from '../../../shared/meetings/policy.js'
import * as rules from '../../../shared/meetings/rules.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { sha256 } from '../../lib/hash.js'
import { files } from '../../lib/adapters/blobs.js'
import { mail } from '../../lib/adapters/mail.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { putItem } from '../../lib/adapters/items.js'
import { orgStore } from '../../org/adapters/store.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { documentStore } from '../../documents/adapters/store.js'
import { acceptUpload } from '../../documents/usecases/uploaded-files.js'
import { currentFile } from '../../documents/usecases/read.js'
import { mayView } from '../../documents/usecases/visibility.js'
import { createTask } from '../../tasks/usecases/tasks.js'
import { meetingItem, meetingPointerItem, meetingStore } from '../adapters/store.js'
import { minutesPaper, sealedPaper, signPersonally, type Body } from '../adapters/papers.js'

export type MeetingContext = OrgContext

const me = (ctx: MeetingContext): PersonRef => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })
const notFound = (id: string) => new DomainError('notFound.meeting', 404, { id })
const shortId = () => randomBytes(5).toString('hex')
const newMeetingId = (unitId: string, now: Date) => `${unitId}.m${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`
const unitName = (index: UnitIndex, id: string, date: string) => { const u = index.get(id); return u ? nameOn(u, date).name : id }
/** hh:mm in Việt Nam. */
export const clock = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso))
const dmy = (iso: string) => { const [y, m, d] = vietnamDay(iso).split('-'); return `${d}/${m}/${y}` }

export const isOrganiser = (ctx: MeetingContext, index: UnitIndex, m: Meeting) =>
  index.has(m.ownerUnitId) && meetingPolicy.can(ctx.actor, 'meeting.organise', m.ownerUnitId, index, ctx.date)
export const isLeading = (ctx: MeetingContext, m: Meeting) => m.chair.userId === ctx.actor.userId || m.secretary.userId === ctx.actor.userId
export const participantOf = (m: Meeting, userId: string): Participant | undefined => m.participants.find((p) => p.userId === userId)
/** Participants and delegates read the documents; a delegate what the member who delegated reads. */
export const mayReadDocuments = (ctx: MeetingContext, m: Meeting) => isLeading(ctx, m) || !!participantOf(m, ctx.actor.userId)

/** Who sees the meeting at all: its people, and those who oversee the organising body. */
export function mayRead(ctx: MeetingContext, index: UnitIndex, m: Meeting): boolean {
  return mayReadDocuments(ctx, m) || (index.has(m.ownerUnitId) && meetingPolicy.can(ctx.actor, 'meeting.read', m.ownerUnitId, index, ctx.date))
}

export async function load(ctx: MeetingContext, meetingId: string): Promise<{ meeting: Meeting; index: UnitIndex }> {
  const [meeting, index] = await Promise.all([meetingStore.get(meetingId), ctx.tree()])
  if (!meeting || !mayRead(ctx, index, meeting)) throw notFound(meetingId)
  return { meeting, index }
}

export const bodyOf = (index: UnitIndex, m: Meeting, date: string): Body => {
  const unit = index.get(m.ownerUnitId)
  return { unitId: m.ownerUnitId, name: m.ownerUnitName, parentName: unit?.parentId ? unitName(index, unit.parentId, date) : 'ĐẢNG CỘNG SẢN VIỆT NAM' }
}

/**
 * One change of a meeting: read, check, apply, write under the version read,
 * with its audit entry. A lost race (another check-in landed first) is read
 * again and applied again; a rule broken on the fresh state is the answer.
 */
export async function mutate(
  ctx: MeetingContext, meetingId: string, action: string,
  apply: (m: Meeting, index: UnitIndex) => Meeting | Promise<Meeting>, details?: (m: Meeting) => Record<string, unknown>,
): Promise<Meeting> {
  for (let attempt = 0; ; attempt++) {
    const { meeting, index } = await load(ctx, meetingId)
    const next = { ...(await apply(structuredClone(meeting), index)), version: meeting.version + 1, updatedAt: ctx.now.toISOString() }
    try {
      await new Transaction()
        .put(meetingItem(next), { expectVersion: meeting.version })
        .audit({ unitId: meeting.ownerUnitId, action, target: meetingId, details: { title: meeting.title, ...details?.(next) } })
        .commit(ctx.auditActor, ctx.now)
      return next
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 12) throw err
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 30 * (attempt + 1)))
    }
  }
}

const event = (m: Meeting, at: string, kind: string, text: string) => { m.events.push({ at, kind, text }) }

/** People named by person or by unit (a unit's people in the organisation's records), each once, by name. */
/** `guests`: people of a named unit there only by a temporary transfer (they attend, they do not vote there). */
async function resolvePeople(refs: readonly PartyRef[], index: UnitIndex, date: string): Promise<{ people: PersonRef[]; units: { unitId: string; name: string }[]; guests: PersonRef[] }> {
  const userIds = refs.flatMap((r) => ('userId' in r ? [r.userId] : []))
  const users = userIds.length ? await orgStore.getUsers([...new Set(userIds)]) : []
  const missing = userIds.find((id) => !users.some((u) => u.userId === id && u.status === 'active'))
  if (missing) throw new RuleError('meeting.unknownPerson', { id: missing })
  const people = new Map(users.map((u) => [u.userId, { userId: u.userId, fullName: u.fullName }]))
  const guests = new Map<string, PersonRef>()
  const units: { unitId: string; name: string }[] = []
  for (const r of refs) {
    if (!('unitId' in r)) continue
    const unit = index.get(r.unitId)
    if (!unit || !existsOn(unit, date)) throw new NotFoundError('unit', r.unitId)
    const ofUnit = await orgStore.listMembers(r.unitId)
    if (ofUnit.length === 0) throw new RuleError('meeting.noPeople', { unit: nameOn(unit, date).name })
    units.push({ unitId: r.unitId, name: nameOn(unit, date).name })
    for (const p of ofUnit) if (p.votingRights !== false) people.set(p.userId, { userId: p.userId, fullName: p.fullName })
    for (const p of ofUnit) if (p.votingRights === false && !people.has(p.userId)) guests.set(p.userId, { userId: p.userId, fullName: p.fullName })
  }
  for (const id of people.keys()) guests.delete(id)
  return { people: [...people.values()], units, guests: [...guests.values()] }
}

/** A document of an agenda item: a register entry the organiser may see (catalogue only when MẬT or above), or an upload checked as every upload is. */
async function agendaDocument(ctx: MeetingContext, index: UnitIndex, meetingId: string, ownerUnitId: string, input: CreateMeetingBody['agenda'][number]['documents'][number], path: string): Promise<MeetingDocument> {
  const docId = shortId()
  if ('documentId' in input) {
    const doc = await documentStore.getDocument(input.documentId)
    // A classified entry is catalogued by its register metadata; its content never was on the platform.
    const visible = doc && (!contentAllowed(doc.confidentiality) ? [doc.ownerUnitId, ...doc.readerUnitIds].some((u) => index.has(u) && meetingPolicy.can(ctx.actor, 'meeting.read', u, index, ctx.date)) : mayView(ctx.actor, doc, index, ctx.date))
    if (!doc || !visible) throw new DomainError('notFound.document', 404, { id: input.documentId })
    const catalogueOnly = !contentAllowed(doc.confidentiality)
    const file = catalogueOnly ? undefined : currentFile(doc)
    return {
      docId, title: doc.summary, ...(doc.symbol ? { symbol: doc.symbol } : {}), source: 'register', documentId: doc.documentId,
      ...(file ? { objectKey: file.objectKey, fileName: file.fileName } : {}),
      draft: doc.flow === 'outgoing' && doc.status !== 'issued', confidentiality: doc.confidentiality, catalogueOnly,
    }
  }
  const accepted = await acceptUpload(ctx, input, ['pdf', 'docx'], path)
  const objectKey = objectKeys.meetingDocument(ownerUnitId, meetingId, docId, accepted.kind)
  await files.put(objectKey, accepted.bytes, accepted.kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  await files.remove(input.objectKey)
  return { docId, title: input.title, source: 'upload', objectKey, fileName: input.fileName, draft: input.draft, confidentiality: 'none', catalogueOnly: false }
}

export async function createMeeting(ctx: MeetingContext, body: CreateMeetingBody): Promise<MeetingView> {
  const index = await ctx.tree()
  const unit = index.get(body.unitId)
  if (!unit || !existsOn(unit, ctx.date)) throw new NotFoundError('unit', body.unitId)
  meetingPolicy.authorize(ctx.actor, 'meeting.organise', body.unitId, index, ctx.date)
  if (new Date(body.startsAt).getTime() < ctx.now.getTime() - 3_600_000) throw new RuleError('meeting.startsInPast')
  const [members, invitees, leaders] = await Promise.all([
    resolvePeople(body.members, index, ctx.date), resolvePeople(body.invitees, index, ctx.date),
    resolvePeople([{ userId: body.chairUserId }, { userId: body.secretaryUserId }], index, ctx.date),
  ])
  const chair = leaders.people.find((p) => p.userId === body.chairUserId)!
  const secretary = leaders.people.find((p) => p.userId === body.secretaryUserId)!
  if (!members.people.some((p) => p.userId === chair.userId)) throw new RuleError('meeting.chairNotMember')
  const participants: Participant[] = [
    ...members.people.map((p) => ({ ...p, role: 'member' as const })),
    ...[...invitees.people, ...members.guests, ...invitees.guests, secretary].filter((p) => !members.people.some((x) => x.userId === p.userId)).map((p) => ({ ...p, role: 'invitee' as const })),
  ].filter((p, i, all) => all.findIndex((x) => x.userId === p.userId) === i)
  const meetingId = newMeetingId(body.unitId, ctx.now)
  const presenterIds = body.agenda.flatMap((a) => (a.presenterUserId ? [a.presenterUserId] : []))
  const presenters = presenterIds.length ? (await resolvePeople(presenterIds.map((userId) => ({ userId })), index, ctx.date)).people : []
  const agenda: AgendaItem[] = []
  for (const [i, a] of body.agenda.entries()) {
    const documents: MeetingDocument[] = []
    for (const [j, d] of a.documents.entries()) documents.push(await agendaDocument(ctx, index, meetingId, body.unitId, d, `agenda.${i}.documents.${j}.objectKey`))
    const presenter = presenters.find((p) => p.userId === a.presenterUserId)
    agenda.push({ itemId: `i${i + 1}`, title: a.title, ...(presenter ? { presenter } : {}), minutes: a.minutes, documents })
  }
  const at = ctx.now.toISOString()
  const meeting: Meeting = {
    meetingId, ownerUnitId: body.unitId, ownerUnitName: nameOn(unit, ctx.date).name, title: body.title, kind: body.kind,
    startsAt: new Date(body.startsAt).toISOString(), day: vietnamDay(body.startsAt), place: body.place, sites: body.sites,
    chair, secretary, status: 'planned', agenda, participants, invitedUnits: [...members.units, ...invitees.units],
    speakers: [], events: [], voteIds: [], conclusions: [], checkInKey: randomBytes(32).toString('base64url'),
    createdBy: me(ctx), createdAt: at, updatedAt: at, version: 1,
  }
  await new Transaction().put(meetingItem(meeting), { expectVersion: 'new' }).audit({ unitId: body.unitId, action: 'meeting.create', target: meetingId, details: { title: body.title, startsAt: meeting.startsAt, participants: participants.length } })
    .commit(ctx.auditActor, ctx.now)
  // Pointers after the meeting (a conference has more participants than one transaction holds); each is idempotent.
  // The office that prepared it finds it among "my meetings" too, as its organiser.
  const pointed = [...new Set([...participants.map((p) => p.userId), ctx.actor.userId])]
  for (let i = 0; i < pointed.length; i += 25) await Promise.all(pointed.slice(i, i + 25).map((userId) => putItem(meetingPointerItem(meeting, userId))))
  return view(ctx, index, meeting)
}

/**
 * The invitation (giấy mời): one PDF under the organising body's seal naming
 * the meeting, its time, place (and sites), agenda and who is invited; kept
 * with the meeting, mailed to each participant with the link to answer.
 */
export async function sendInvitation(ctx: MeetingContext, meetingId: string): Promise<MeetingView> {
  const { meeting, index } = await load(ctx, meetingId)
  if (!isOrganiser(ctx, index, meeting)) throw new ForbiddenError('meeting.notOrganiser')
  if (meeting.invitation) throw new RuleError('meeting.invitationSent')
  const body = bodyOf(index, meeting, ctx.date)
  const addressees = [...meeting.invitedUnits.map((u) => u.name), ...meeting.participants.filter((p) => !meeting.invitedUnits.length || p.role !== 'member').map((p) => `đồng chí ${p.fullName}`)]
  const lines = [
    `Kính gửi: ${addressees.join('; ')}.`,
    `${meeting.ownerUnitName} trân trọng kính mời dự: ${meeting.title}.`,
    `Thời gian: ${clock(meeting.startsAt)}, ngày ${dmy(meeting.startsAt)}.`,
    `Địa điểm: ${meeting.place}${meeting.sites.length ? `; các điểm cầu: ${meeting.sites.join(', ')}` : ''}.`,
    'Nội dung:',
    ...meeting.agenda.map((a, i) => `${i + 1}. ${a.title}${a.presenter ? ` (trình bày: đồng chí ${a.presenter.fullName}, ${a.minutes} phút)` : ` (${a.minutes} phút)`}`),
    'Tài liệu họp được đăng trên phòng họp không giấy của Văn phòng số; đề nghị đồng chí xác nhận tham dự, báo vắng hoặc ủy quyền trên hệ thống.',
  ]
  const pdf = await sealedPaper({
    body, title: 'Giấy mời', subtitle: meeting.title, lines, at: ctx.now, reason: 'Giấy mời họp',
    signer: { lines: [`T/M ${meeting.ownerUnitName.toUpperCase()}`], fullName: ctx.actor.fullName },
  })
  const objectKey = objectKeys.meetingPaper(meeting.ownerUnitId, meetingId, 'giay-moi')
  await files.put(objectKey, pdf, 'application/pdf')
  const next = await mutate(ctx, meetingId, 'meeting.invite', (m) => {
    if (m.invitation) throw new RuleError('meeting.invitationSent')
    m.invitation = { objectKey, sha256: sha256(pdf), at: ctx.now.toISOString(), number: '' }
    m.status = m.status === 'planned' ? 'invited' : m.status
    event(m, ctx.now.toISOString(), 'invite', `Gửi giấy mời tới ${m.participants.length} người`)
    return m
  })
  const users = await orgStore.getUsers(meeting.participants.map((p) => p.userId))
  await Promise.all(users.filter((u) => u.email).map((u) => mail().send({
    to: [u.email!],
    subject: `Giấy mời: ${meeting.title} — ${clock(meeting.startsAt)} ngày ${dmy(meeting.startsAt)}`,
    text: [
      `Kính gửi đồng chí ${u.fullName},`, '',
      `${meeting.ownerUnitName} kính mời đồng chí dự ${meeting.title}, ${clock(meeting.startsAt)} ngày ${dmy(meeting.startsAt)} tại ${meeting.place}.`,
      `Xác nhận tham dự, báo vắng hoặc ủy quyền: /meetings/${meetingId}`, '',
      `Invitation: ${meeting.title}, ${dmy(meeting.startsAt)} ${clock(meeting.startsAt)}, ${meeting.place}. Answer at /meetings/${meetingId}.`,
    ].join('\n'),
  })))
  return view(ctx, index, next)
}

export async function invitationFile(ctx: MeetingContext, meetingId: string) {
  const { meeting } = await load(ctx, meetingId)
  if (!meeting.invitation) throw notFound(meetingId)
  return files.presignDownload(meeting.invitation.objectKey, 'giay-moi.pdf', 'application/pdf')
}

export async function answer(ctx: MeetingContext, meetingId: string, body: AnswerBody): Promise<MeetingView> {
  let delegate: PersonRef | undefined
  if (body.answer === 'delegate' && body.delegateUserId) {
    const u = await orgStore.getUser(body.delegateUserId)
    if (!u || u.status !== 'active') throw new RuleError('meeting.unknownPerson', { id: body.delegateUserId })
    delegate = { userId: u.userId, fullName: u.fullName }
  }
  const next = await mutate(ctx, meetingId, 'meeting.answer', (m) => {
    const who = participantOf(m, ctx.actor.userId)
    if (!who || who.role === 'delegate') throw new ForbiddenError('meeting.notParticipant')
    rules.checkAnswer(m, who, body, delegate)
    // A new answer replaces the last: a delegate named before is no longer one.
    m.participants = m.participants.filter((p) => !(p.role === 'delegate' && p.delegateFor?.userId === who.userId))
    const w = participantOf(m, ctx.actor.userId)!
    w.answer = { answer: body.answer, ...(body.reason ? { reason: body.reason } : {}), ...(delegate ? { delegate } : {}), at: ctx.now.toISOString() }
    if (delegate && !participantOf(m, delegate.userId)) m.participants.push({ ...delegate, role: 'delegate', delegateFor: { userId: w.userId, fullName: w.fullName } })
    return m
  }, () => ({ answer: body.answer, delegate: delegate?.fullName }))
  if (delegate) await putItem(meetingPointerItem(next, delegate.userId))
  return view(ctx, await ctx.tree(), next)
}

/** The participant's check-in token: their id under the meeting's own MAC key (never shown to anyone else). */
const mac = (m: Meeting, userId: string) => createHmac('sha256', Buffer.from(m.checkInKey, 'base64url')).update(`checkin|${m.meetingId}|${userId}`).digest().subarray(0, 16)
export const checkInToken = (m: Meeting, userId: string) => `${Buffer.from(userId).toString('base64url')}.${mac(m, userId).toString('base64url')}`.replace('.', '_-_')

function tokenUser(m: Meeting, token: string): string | undefined {
  const [u, t] = token.split('_-_')
  if (!u || !t) return undefined
  const userId = Buffer.from(u, 'base64url').toString('utf8')
  const given = Buffer.from(t, 'base64url')
  const want = mac(m, userId)
  return given.length === want.length && timingSafeEqual(given, want) ? userId : undefined
}

export async function myCheckInCode(ctx: MeetingContext, meetingId: string): Promise<{ token: string; svg: string }> {
  const { meeting } = await load(ctx, meetingId)
  if (!participantOf(meeting, ctx.actor.userId)) throw new ForbiddenError('meeting.notParticipant')
  const token = checkInToken(meeting, ctx.actor.userId)
  const { default: QRCode } = await import('qrcode')
  return { token, svg: await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) }
}

/** Check-in: the scanned token (at the door: the secretary's device, or the participant's own), or the secretary ticking a name. */
export async function checkIn(ctx: MeetingContext, meetingId: string, body: { token: string } | { userId: string }): Promise<MeetingView> {
  const next = await mutate(ctx, meetingId, 'meeting.checkIn', (m, index) => {
    if (m.status === 'ended') throw new RuleError('meeting.ended', { title: m.title })
    const byToken = 'token' in body
    const userId = byToken ? tokenUser(m, body.token) : body.userId
    if (!userId) throw new RuleError('meeting.badCheckIn')
    const mayTick = isLeading(ctx, m) || isOrganiser(ctx, index, m)
    if (!mayTick && !(byToken && userId === ctx.actor.userId)) throw new ForbiddenError('meeting.notChair')
    const p = participantOf(m, userId)
    if (!p) throw new RuleError('meeting.badCheckIn')
    if (p.checkedInAt) throw new RuleError('meeting.alreadyCheckedIn', { name: p.fullName, time: clock(p.checkedInAt) })
    p.checkedInAt = ctx.now.toISOString()
    p.checkedInBy = byToken ? 'qr' : 'secretary'
    event(m, p.checkedInAt, 'checkin', p.role === 'delegate' ? `${p.fullName} (dự thay đồng chí ${p.delegateFor?.fullName}) điểm danh` : `${p.fullName} điểm danh`)
    return m
  })
  return view(ctx, await ctx.tree(), next)
}

const leading = (ctx: MeetingContext, m: Meeting) => { if (!isLeading(ctx, m)) throw new ForbiddenError('meeting.notChair') }

export const openMeeting = async (ctx: MeetingContext, meetingId: string) => view(ctx, await ctx.tree(), await mutate(ctx, meetingId, 'meeting.open', (m) => {
  leading(ctx, m)
  if (m.status === 'ended') throw new RuleError('meeting.ended', { title: m.title })
  if (m.status === 'in-progress') throw new RuleError('meeting.alreadyStarted')
  const q = rules.quorum(m)
  m.status = 'in-progress'
  m.currentItemId = m.agenda[0].itemId
  event(m, ctx.now.toISOString(), 'open', `Khai mạc: có mặt ${q.present}/${q.members} thành viên${q.reached ? ', đủ số lượng theo quy định' : ', chưa đủ số lượng theo quy định'}`)
  return m
}))

export const moveAgenda = async (ctx: MeetingContext, meetingId: string, itemId: string) => view(ctx, await ctx.tree(), await mutate(ctx, meetingId, 'meeting.agenda', (m) => {
  leading(ctx, m)
  rules.moveTo(m, itemId)
  m.currentItemId = itemId
  event(m, ctx.now.toISOString(), 'agenda', `Chuyển sang nội dung: ${m.agenda.find((i) => i.itemId === itemId)!.title}`)
  return m
}))

export const endMeeting = async (ctx: MeetingContext, meetingId: string) => view(ctx, await ctx.tree(), await mutate(ctx, meetingId, 'meeting.end', (m) => {
  leading(ctx, m)
  rules.checkRunning(m)
  m.status = 'ended'
  event(m, ctx.now.toISOString(), 'end', 'Bế mạc')
  return m
}))

export async function speakers(ctx: MeetingContext, meetingId: string, body: SpeakerBody): Promise<MeetingView> {
  const at = ctx.now.toISOString()
  const next = await mutate(ctx, meetingId, `meeting.speaker.${body.action}`, (m) => {
    if (body.action === 'request') {
      if (!participantOf(m, ctx.actor.userId)) throw new ForbiddenError('meeting.notParticipant')
      m.speakers.push(rules.requestToSpeak(m, me(ctx), body.itemId ?? m.currentItemId ?? m.agenda[0].itemId, at, shortId()))
      return m
    }
    const own = m.speakers.find((s) => s.speakerId === body.speakerId)?.person.userId === ctx.actor.userId
    if (!(body.action === 'withdraw' && own)) leading(ctx, m)
    const changed = body.action === 'start' ? rules.startSpeaker(m, body.speakerId, at) : rules.finishSpeaker(m, body.speakerId, at, body.action === 'withdraw')
    m.speakers = m.speakers.map((s) => (s.speakerId === changed.speakerId ? changed : s))
    if (changed.status === 'done') {
      const item = m.agenda.find((i) => i.itemId === changed.itemId)
      const seconds = Math.round((Date.parse(changed.endedAt!) - Date.parse(changed.startedAt!)) / 1000)
      event(m, at, 'speaker', `Đồng chí ${changed.person.fullName} phát biểu về "${item?.title}" (${Math.max(1, Math.round(seconds / 60))} phút)`)
    }
    return m
  })
  return view(ctx, await ctx.tree(), next)
}

/** A document of the meeting, for its participants (and delegates) only; a catalogued entry has no file. */
export async function documentFile(ctx: MeetingContext, meetingId: string, docId: string) {
  const { meeting } = await load(ctx, meetingId)
  if (!mayReadDocuments(ctx, meeting)) throw new ForbiddenError('meeting.documentNotVisible')
  const doc = meeting.agenda.flatMap((a) => a.documents).find((d) => d.docId === docId)
  if (!doc) throw new DomainError('notFound.document', 404, { id: docId })
  if (doc.catalogueOnly || !doc.objectKey) throw new RuleError('meeting.secretClassified', { title: doc.title, mark: CONFIDENTIALITY_NAMES[doc.confidentiality].vi })
  return files.presignDownload(doc.objectKey, doc.fileName ?? `${doc.docId}.pdf`, doc.fileName?.endsWith('.docx') ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf')
}

/** A conclusion of the meeting becomes a task through the tasks module's use case, given by the chair. */
export async function addConclusion(ctx: MeetingContext, meetingId: string, body: ConclusionBody): Promise<MeetingView> {
  const { meeting } = await load(ctx, meetingId)
  if (meeting.chair.userId !== ctx.actor.userId) throw new ForbiddenError('meeting.notChair')
  const task = await createTask(ctx, {
    title: body.title, description: `Kết luận của ${meeting.title} (${dmy(meeting.startsAt)})`, source: { kind: 'direct' }, priority: 'normal',
    leadUnitId: body.leadUnitId, ...(body.leadUserId ? { leadUserId: body.leadUserId } : {}), coordinatingUnitIds: [], watcherIds: [], deadline: body.deadline,
  })
  const next = await mutate(ctx, meetingId, 'meeting.conclusion', (m) => {
    m.conclusions.push({ title: body.title, taskId: task.taskId, leadName: task.leadUser?.fullName ?? task.leadUnitName, deadline: body.deadline, ...(body.itemId ? { itemId: body.itemId } : {}) })
    event(m, ctx.now.toISOString(), 'conclusion', `Kết luận: ${body.title} — chủ trì: ${task.leadUser?.fullName ?? task.leadUnitName}, hạn ${dmy(body.deadline)}`)
    return m
  }, () => ({ taskId: task.taskId }))
  return view(ctx, await ctx.tree(), next)
}

/** The minutes drafted from the agenda and what the meeting recorded: attendance, speakers, votes, conclusions. */
export function minutesLines(m: Meeting, votes: readonly { title: string; secret: boolean; result?: { members: number; cast: number; tallies: { label: string; count: number; shareOfMembers: number; passed: boolean }[] } }[], notes: string): string[] {
  const q = rules.quorum(m)
  const absent = rules.members(m).filter((p) => !p.checkedInAt)
  const delegates = m.participants.filter((p) => p.role === 'delegate' && p.checkedInAt)
  return [
    `Thời gian: ${clock(m.startsAt)}, ngày ${dmy(m.startsAt)}. Địa điểm: ${m.place}.`,
    `Chủ trì: đồng chí ${m.chair.fullName}. Thư ký: đồng chí ${m.secretary.fullName}.`,
    `Có mặt: ${q.present}/${q.members} thành viên${q.reached ? ' (đủ số lượng theo quy định)' : ' (chưa đủ số lượng theo quy định)'}.`,
    ...(absent.length ? [`Vắng mặt: ${absent.map((p) => `${p.fullName}${p.answer?.reason ? ` (${p.answer.reason})` : p.answer?.answer === 'delegate' ? ` (ủy quyền đồng chí ${p.answer.delegate?.fullName} dự thay)` : ''}`).join('; ')}.`] : []),
    ...(delegates.length ? [`Dự thay: ${delegates.map((p) => `${p.fullName} (thay đồng chí ${p.delegateFor?.fullName})`).join('; ')}.`] : []),
    'Nội dung:',
    ...m.agenda.flatMap((a, i) => [
      `${i + 1}. ${a.title}${a.presenter ? ` — đồng chí ${a.presenter.fullName} trình bày` : ''}.`,
      ...m.speakers.filter((s) => s.itemId === a.itemId && s.status === 'done').map((s) => `   Phát biểu: đồng chí ${s.person.fullName}.`),
    ]),
    ...votes.filter((v) => v.result).flatMap((v) => [
      `Biểu quyết ${v.secret ? '(bỏ phiếu kín)' : '(công khai)'}: ${v.title} — ${v.result!.cast}/${v.result!.members} thành viên tham gia.`,
      ...v.result!.tallies.map((t) => `   ${t.label}: ${t.count}/${v.result!.members} (${t.shareOfMembers.toLocaleString('vi-VN')}% tổng số thành viên)${t.passed ? ' — đạt quá nửa' : ''}.`),
    ]),
    ...(m.conclusions.length ? ['Kết luận:', ...m.conclusions.map((c, i) => `${i + 1}. ${c.title} — giao ${c.leadName}, hạn ${dmy(c.deadline)}.`)] : []),
    ...(notes ? ['Ghi chú của thư ký:', ...notes.split('\n')] : []),
  ]
}

export async function draftMinutes(ctx: MeetingContext, meetingId: string, body: { version: number; notes: string }): Promise<MeetingView & { lines: string[] }> {
  const next = await mutate(ctx, meetingId, 'meeting.minutes', (m) => {
    if (m.secretary.userId !== ctx.actor.userId) throw new ForbiddenError('meeting.notChair')
    if (m.version !== body.version) throw new ConflictError('conflict.version')
    if (m.minutes?.signedBy.length) throw new RuleError('meeting.minutesSigned')
    m.minutes = { notes: body.notes, draftedAt: ctx.now.toISOString(), signedBy: [] }
    return m
  })
  const votes = await meetingStore.votes(next)
  return { ...view(ctx, await ctx.tree(), next), lines: minutesLines(next, votes, body.notes) }
}

/** The secretary signs first (the PDF is made then, from the draft), the chair after, each into their own block. */
export async function signMinutes(ctx: MeetingContext, meetingId: string, body: { version: number }): Promise<MeetingView> {
  const { meeting, index } = await load(ctx, meetingId)
  if (!isLeading(ctx, meeting)) throw new ForbiddenError('meeting.notChair')
  if (meeting.version !== body.version) throw new ConflictError('conflict.version')
  if (!meeting.minutes) throw new RuleError('meeting.minutesNotDrafted')
  if (meeting.minutes.signedBy.some((p) => p.userId === ctx.actor.userId)) throw new RuleError('meeting.alreadySigned')
  const asSecretary = meeting.secretary.userId === ctx.actor.userId && meeting.minutes.signedBy.length === 0
  if (!asSecretary && meeting.minutes.signedBy.length === 0) throw new RuleError('meeting.secretaryFirst')
  const body_ = bodyOf(index, meeting, ctx.date)
  const objectKey = objectKeys.meetingPaper(meeting.ownerUnitId, meetingId, 'bien-ban')
  const layout = await minutesPaper({
    body: body_, title: 'Biên bản', subtitle: meeting.title, at: ctx.now, secretary: meeting.secretary, chair: meeting.chair,
    lines: minutesLines(meeting, await meetingStore.votes(meeting), meeting.minutes.notes),
  })
  const base = asSecretary ? layout.pdf : new Uint8Array(await files.read(meeting.minutes.paper!.objectKey, 50_000_000))
  const signed = await signPersonally(base, me(ctx), body_, asSecretary ? layout.rects.secretary : layout.rects.chair, layout.page, asSecretary ? 'Thư ký ký biên bản' : 'Chủ trì ký biên bản', ctx.now)
  await files.put(objectKey, signed, 'application/pdf')
  const next = await mutate(ctx, meetingId, 'meeting.minutesSign', (m) => {
    if (m.version !== body.version) throw new ConflictError('conflict.version')
    m.minutes = { ...m.minutes!, signedBy: [...m.minutes!.signedBy, me(ctx)], paper: { objectKey, sha256: sha256(signed), at: ctx.now.toISOString() } }
    return m
  })
  return view(ctx, index, next)
}

export async function minutesFile(ctx: MeetingContext, meetingId: string) {
  const { meeting } = await load(ctx, meetingId)
  if (!mayReadDocuments(ctx, meeting) || !meeting.minutes?.paper) throw notFound(meetingId)
  return files.presignDownload(meeting.minutes.paper.objectKey, 'bien-ban.pdf', 'application/pdf')
}

/** What every reader of the meeting shares (names only, the quorum; never the check-in key nor a file's object key): one of two variants, by whether they read the documents. */
export type SharedMeetingView = Omit<MeetingView, 'me' | 'can'>
export function sharedView(m: Meeting, readsDocuments: boolean): SharedMeetingView {
  const { checkInKey: _key, ...rest } = m
  return {
    ...rest,
    agenda: m.agenda.map((a) => ({ ...a, documents: a.documents.map(({ objectKey: _o, ...d }) => ({ ...d, canOpen: readsDocuments && !d.catalogueOnly })) })),
    quorum: rules.quorum(m),
  }
}

/** What is mine in the meeting: my place in it, what I may do. */
export function personalView(ctx: MeetingContext, index: UnitIndex, m: Meeting): Pick<MeetingView, 'me' | 'can'> {
  const self = participantOf(m, ctx.actor.userId)
  return {
    me: self ? { role: self.role, answer: self.answer, checkedInAt: self.checkedInAt, delegateFor: self.delegateFor } : undefined,
    can: { organise: isOrganiser(ctx, index, m), lead: isLeading(ctx, m), chair: m.chair.userId === ctx.actor.userId, readDocuments: mayReadDocuments(ctx, m) },
  }
}

/** The meeting as its page shows it: what every reader shares, and what is mine. */
export function view(ctx: MeetingContext, index: UnitIndex, m: Meeting): MeetingView {
  return { ...sharedView(m, mayReadDocuments(ctx, m)), ...personalView(ctx, index, m) }
}

export async function showMeeting(ctx: MeetingContext, meetingId: string): Promise<MeetingView> {
  const { meeting, index } = await load(ctx, meetingId)
  return view(ctx, index, meeting)
}

export async function myMeetings(ctx: MeetingContext): Promise<Meeting[]> {
  return (await meetingStore.of(ctx.actor.userId)).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
}
export async function listMeetings(ctx: MeetingContext): Promise<{ meetings: MeetingSummary[] }> {
  const mine = await myMeetings(ctx)
  return {
    meetings: mine.map((m) => {
      const p = participantOf(m, ctx.actor.userId)
      return {
        meetingId: m.meetingId, title: m.title, kind: m.kind, startsAt: m.startsAt, place: m.place, status: m.status, ownerUnitName: m.ownerUnitName,
        ...(p?.answer ? { myAnswer: p.answer.answer } : {}), ...(p ? { role: p.role } : {}), organising: m.createdBy.userId === ctx.actor.userId,
      }
    }),
  }
}
