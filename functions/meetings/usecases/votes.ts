/**
 * Votes of a meeting. Open votes record each member's choice under their name.
 * Secret ballots use blind RSA signatures (RFC 9474): an authenticated member
 * sends a blinded token and gets one blind signature per vote (the server
 * records only that this member received it); later, with no token of the
 * session, the member's browser sends the unblinded token, its signature and
 * the choice. The ballot box keeps the token's hash and the choice, nothing
 * else, and takes each token once; a ballot counts only while the vote is open
 * (the vote's version is checked in the same transaction). After closing, the
 * list of (token hash, choice) is published so each member finds their own.
 * Shares are of all members of the body (Party rules), not of those present.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, RuleError } from '../../../shared/errors/index.js'
import type { PersonRef } from '../../../shared/documents/contracts.js'
import type { Choice, Meeting, OpenVoteBody, Vote } from '../../../shared/meetings/contracts.js'
import * as rules from '../../../shared/meetings/rules.js'
import { keys } from '../../../shared/table/keys.js'
import { meetingOwnerOf } from '../../../shared/meetings/contracts.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { sha256 } from '../../lib/hash.js'
import { files } from '../../lib/adapters/blobs.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import { ballotItem, meetingStore, voteItem, voteKeyItem, voteSignatureItem } from '../adapters/store.js'
import { b64u, blindSign, fromB64u, newVoteKeys, verifyToken } from '../adapters/blind.js'
import { sealedPaper } from '../adapters/papers.js'
import { bodyOf, isLeading, load, mutate, type MeetingContext } from './meetings.js'

const voteNotFound = (id: string) => new DomainError('notFound.vote', 404, { id })
/** The ballot box writes without a person: the route has no caller. */
const BALLOT_BOX = { userId: 'ballot-box', name: 'Hòm phiếu kín' }

async function loadVote(ctx: MeetingContext, meetingId: string, voteId: string): Promise<{ meeting: Meeting; vote: Vote }> {
  const { meeting } = await load(ctx, meetingId)
  const vote = meeting.voteIds.includes(voteId) ? await meetingStore.vote(meetingId, voteId) : undefined
  if (!vote) throw voteNotFound(voteId)
  return { meeting, vote }
}

const voterOf = (meeting: Meeting, vote: Vote, userId: string): PersonRef => {
  const voter = vote.electorate.find((p) => p.userId === userId)
  if (!voter) throw new ForbiddenError('meeting.notMember', { body: meeting.ownerUnitName })
  return voter
}

export function voteView(v: Vote, signed?: boolean) {
  return { ...v, ...(signed === undefined ? {} : { iHaveSignature: signed }) }
}

export async function openVote(ctx: MeetingContext, meetingId: string, body: OpenVoteBody) {
  const { meeting } = await load(ctx, meetingId)
  if (!isLeading(ctx, meeting)) throw new ForbiddenError('meeting.notChair')
  rules.checkRunning(meeting)
  const q = rules.quorum(meeting)
  if (!q.reached) throw new RuleError('vote.noQuorum', { present: q.present, members: q.members, needed: q.needed })
  let candidates: PersonRef[] = []
  if (body.subject === 'personnel') {
    if (body.candidateUserIds.length === 0) throw new RuleError('vote.needsCandidates')
    const users = await orgStore.getUsers([...new Set(body.candidateUserIds)])
    const missing = body.candidateUserIds.find((id) => !users.some((u) => u.userId === id))
    if (missing) throw new RuleError('meeting.unknownPerson', { id: missing })
    candidates = body.candidateUserIds.map((id) => { const u = users.find((x) => x.userId === id)!; return { userId: u.userId, fullName: u.fullName } })
  }
  const keysOfVote = body.secret ? await newVoteKeys() : undefined
  const vote: Vote = {
    meetingId, voteId: `v${ctx.now.getTime().toString(36)}${randomBytes(3).toString('hex')}`, title: body.title, subject: body.subject, secret: body.secret,
    ...(body.itemId ? { itemId: body.itemId } : {}), candidates, ...(body.seats ? { seats: body.seats } : {}),
    status: 'open', openedAt: ctx.now.toISOString(), electorate: rules.members(meeting).map((p) => ({ userId: p.userId, fullName: p.fullName })),
    openBallots: [], ...(keysOfVote ? { publicKey: keysOfVote.publicKey } : {}), version: 1,
  }
  const tx = new Transaction().put(voteItem(vote), { expectVersion: 'new' })
  if (keysOfVote) tx.put(voteKeyItem(vote, keysOfVote.privateKey), { expectVersion: 'new' })
  await tx.commit(ctx.auditActor, ctx.now)
  await mutate(ctx, meetingId, 'meeting.voteOpen', (m) => {
    m.voteIds.push(vote.voteId)
    m.events.push({ at: vote.openedAt, kind: 'vote', text: `Mở biểu quyết${vote.secret ? ' (bỏ phiếu kín)' : ''}: ${vote.title}` })
    return m
  }, () => ({ voteId: vote.voteId, secret: vote.secret }))
  return voteView(vote)
}

export async function showVote(ctx: MeetingContext, meetingId: string, voteId: string) {
  const { vote } = await loadVote(ctx, meetingId, voteId)
  return voteView(vote, vote.secret ? (await meetingStore.signedFor(vote)).includes(ctx.actor.userId) : undefined)
}

/** An open vote: the member's choice under their name, once. */
export async function castOpen(ctx: MeetingContext, meetingId: string, voteId: string, choice: Choice) {
  for (let attempt = 0; ; attempt++) {
    const { meeting, vote } = await loadVote(ctx, meetingId, voteId)
    const voter = voterOf(meeting, vote, ctx.actor.userId)
    if (vote.status === 'closed') throw new RuleError('vote.closed', { title: vote.title })
    if (vote.secret) throw new RuleError('vote.notOpen')
    if (vote.openBallots.some((b) => b.voter.userId === voter.userId)) throw new ConflictError('vote.alreadyVoted')
    rules.checkChoice(vote, choice)
    const next: Vote = { ...vote, openBallots: [...vote.openBallots, { voter, choice }], version: vote.version + 1 }
    try {
      await new Transaction().put(voteItem(next), { expectVersion: vote.version })
        .audit({ unitId: meeting.ownerUnitId, action: 'meeting.voteCast', target: `${meetingId}#${voteId}`, details: { title: vote.title, choice: JSON.stringify(choice) } })
        .commit(ctx.auditActor, ctx.now)
      return voteView(next)
    } catch (err) {
      if (!(err instanceof ConflictError) || err.code !== 'conflict.version' || attempt >= 12) throw err
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 30 * (attempt + 1)))
    }
  }
}

/**
 * A secret vote's blind signature for a member, once: the record "this member
 * received a signature" is written first (its key refuses a second), then the
 * blinded message is signed. The server never sees the token.
 */
export async function issueBlindSignature(ctx: MeetingContext, meetingId: string, voteId: string, blindedMsg: string) {
  const { meeting, vote } = await loadVote(ctx, meetingId, voteId)
  voterOf(meeting, vote, ctx.actor.userId)
  if (vote.status === 'closed') throw new RuleError('vote.closed', { title: vote.title })
  if (!vote.secret) throw new RuleError('vote.notSecret')
  const privateKey = await meetingStore.voteKey(meetingId, voteId)
  if (!privateKey) throw voteNotFound(voteId)
  const blinded = fromB64u(blindedMsg)
  if (blinded.length !== 256) throw new RuleError('vote.badSignature')
  await new Transaction()
    .put(voteSignatureItem(vote, ctx.actor.userId, ctx.now.toISOString()), { expectVersion: 'new', onConflict: new ConflictError('vote.alreadySigned') })
    .check(keys.vote(meetingOwnerOf(meetingId), meetingId, voteId), vote.version, new RuleError('vote.closed', { title: vote.title }))
    .audit({ unitId: meeting.ownerUnitId, action: 'meeting.ballotIssued', target: `${meetingId}#${voteId}`, details: { title: vote.title } })
    .commit(ctx.auditActor, ctx.now)
  return { blindSignature: b64u(await blindSign(privateKey, blinded)) }
}

/**
 * A secret ballot (no caller): the token with its unblinded signature under
 * the vote's key, and the choice. Counted once, while the vote is open.
 */
export async function castSecret(meetingId: string, voteId: string, body: { token: string; signature: string; choice: Choice }, now = new Date()) {
  const vote = await meetingStore.vote(meetingId, voteId)
  if (!vote) throw voteNotFound(voteId)
  if (!vote.secret) throw new RuleError('vote.notSecret')
  if (vote.status === 'closed') throw new RuleError('vote.closed', { title: vote.title })
  const token = fromB64u(body.token)
  if (!(await verifyToken(vote.publicKey!, token, fromB64u(body.signature)))) throw new RuleError('vote.badSignature')
  rules.checkChoice(vote, body.choice)
  const tokenHash = sha256(token)
  await new Transaction()
    .put(ballotItem(meetingId, voteId, tokenHash, body.choice), { expectVersion: 'new', onConflict: new ConflictError('vote.ballotCounted') })
    .check(keys.vote(meetingOwnerOf(meetingId), meetingId, voteId), vote.version, new RuleError('vote.closed', { title: vote.title }))
    .commit(BALLOT_BOX, now)
  return { counted: true, tokenHash }
}

/**
 * Close: the vote is marked closed first (from then on no ballot passes the
 * version check), then the ballots are read and counted, the list published,
 * and the result record made under the body's seal. A closed vote never opens
 * again: nothing writes `open` over `closed`.
 */
export async function closeVote(ctx: MeetingContext, meetingId: string, voteId: string) {
  const { meeting, vote } = await loadVote(ctx, meetingId, voteId)
  if (!isLeading(ctx, meeting)) throw new ForbiddenError('meeting.notChair')
  if (vote.status === 'closed') throw new RuleError('vote.cannotReopen')
  const closed: Vote = { ...vote, status: 'closed', closedAt: ctx.now.toISOString(), version: vote.version + 1 }
  await new Transaction().put(voteItem(closed), { expectVersion: vote.version }).commit(ctx.auditActor, ctx.now)
  const ballots = vote.secret ? await meetingStore.ballots(meetingId, voteId) : []
  const choices = vote.secret ? ballots.map((b) => b.choice) : vote.openBallots.map((b) => b.choice)
  const counted = rules.tally(vote, choices)
  const result = { ...counted, ...(vote.secret ? { published: ballots.map((b) => ({ tokenHash: b.tokenHash, choice: b.choice })).sort((a, b) => a.tokenHash.localeCompare(b.tokenHash)) } : {}) }
  const index = await ctx.tree()
  const pct = (n: number) => `${n.toLocaleString('vi-VN')}%`
  const pdf = await sealedPaper({
    body: bodyOf(index, meeting, ctx.date), title: 'Biên bản kết quả biểu quyết', subtitle: `${meeting.title}: ${vote.title}`, at: ctx.now, reason: 'Kết quả biểu quyết',
    lines: [
      `Hình thức: ${vote.secret ? 'bỏ phiếu kín (chữ ký mù RSA, RFC 9474)' : 'biểu quyết công khai'}.`,
      `Tổng số thành viên: ${result.members}. Số phiếu: ${result.cast}.`,
      ...result.tallies.map((t) => `${t.label}: ${t.count}/${result.members} — ${pct(t.shareOfMembers)} tổng số thành viên${t.passed ? (vote.subject === 'personnel' ? ' — trúng cử' : ' — thông qua') : ''}.`),
      ...(vote.secret ? [`Danh sách ${ballots.length} phiếu (mã băm của phiếu và lựa chọn) được công bố để mỗi thành viên tự kiểm tra phiếu của mình.`] : vote.openBallots.map((b) => `${b.voter.fullName}: ${'option' in b.choice ? result.tallies.find((t) => t.key === (b.choice as { option: string }).option)?.label : ''}`)),
    ],
    signer: { lines: [`T/M ${meeting.ownerUnitName.toUpperCase()}`, 'CHỦ TRÌ'], fullName: meeting.chair.fullName },
  })
  const objectKey = objectKeys.meetingPaper(meeting.ownerUnitId, meetingId, `ket-qua-${voteId}`)
  await files.put(objectKey, pdf, 'application/pdf')
  const done: Vote = { ...closed, result, record: { objectKey, sha256: sha256(pdf), at: ctx.now.toISOString() }, version: closed.version + 1 }
  await new Transaction().put(voteItem(done), { expectVersion: closed.version })
    .audit({ unitId: meeting.ownerUnitId, action: 'meeting.voteClose', target: `${meetingId}#${voteId}`, details: { title: vote.title, cast: result.cast, members: result.members } })
    .commit(ctx.auditActor, ctx.now)
  await mutate(ctx, meetingId, 'meeting.voteResult', (m) => {
    m.events.push({ at: ctx.now.toISOString(), kind: 'vote', text: `Kết quả biểu quyết "${vote.title}": ${result.tallies.map((t) => `${t.label} ${t.count}/${result.members}`).join(', ')}` })
    return m
  })
  return voteView(done)
}

export async function voteRecord(ctx: MeetingContext, meetingId: string, voteId: string) {
  const { vote } = await loadVote(ctx, meetingId, voteId)
  if (!vote.record) throw voteNotFound(voteId)
  return files.presignDownload(vote.record.objectKey, `ket-qua-bieu-quyet.pdf`, 'application/pdf')
}

