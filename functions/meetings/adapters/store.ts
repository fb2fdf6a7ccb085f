/**
 * DynamoDB items of the meetings module: the meeting (under its organising
 * body), a pointer in each participant's partition (by start time), each vote
 * beside the meeting, a secret vote's signing key apart from it, and the
 * ballot box — one item per token hash holding the choice only: no voter, no
 * time, nothing that links a ballot to the person who received its signature.
 * Keys come from shared/table/keys.ts.
 */
import { getRecord, getRecords, queryPrefix } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { meetingOwnerOf, type Choice, type Meeting, type Vote } from '../../../shared/meetings/contracts.js'

export const meetingItem = (m: Meeting) => ({ ...keys.meeting(m.ownerUnitId, m.meetingId), entity: ENTITY.meeting, schemaVersion: SCHEMA_VERSION, ...m })
export const meetingPointerItem = (m: Meeting, userId: string) => ({
  ...keys.meetingFor(userId, m.startsAt, m.meetingId), entity: ENTITY.meetingPointer, schemaVersion: SCHEMA_VERSION, meetingId: m.meetingId,
})
export const voteItem = (v: Vote) => ({ ...keys.vote(meetingOwnerOf(v.meetingId), v.meetingId, v.voteId), entity: ENTITY.vote, schemaVersion: SCHEMA_VERSION, ...v })
export const voteKeyItem = (v: Pick<Vote, 'meetingId' | 'voteId'>, privateKey: string) => ({
  ...keys.voteKey(meetingOwnerOf(v.meetingId), v.meetingId, v.voteId), entity: ENTITY.voteKey, schemaVersion: SCHEMA_VERSION, privateKey,
})
/** The record that a voter received a blind signature: who and when, never a token or a choice. */
export const voteSignatureItem = (v: Pick<Vote, 'meetingId' | 'voteId'>, userId: string, at: string) => ({
  ...keys.voteSignature(meetingOwnerOf(v.meetingId), v.meetingId, v.voteId, userId), entity: ENTITY.voteSignature, schemaVersion: SCHEMA_VERSION, userId, at,
})
/** The ballot item: its key names the vote and the token's hash; its only field is the choice. */
export const ballotItem = (meetingId: string, voteId: string, tokenHash: string, choice: Choice) => ({
  ...keys.ballot(meetingId, voteId, tokenHash), entity: ENTITY.ballot, schemaVersion: SCHEMA_VERSION, tokenHash, choice,
})

export const meetingStore = {
  get: (meetingId: string) => getRecord<Meeting>(keys.meeting(meetingOwnerOf(meetingId), meetingId)),
  getMany: (ids: readonly string[]) => getRecords<Meeting>(ids.map((id) => keys.meeting(meetingOwnerOf(id), id))),
  async of(userId: string): Promise<Meeting[]> {
    const pointers = await queryPrefix<{ meetingId: string }>(keys.meetingsFor(userId), { ScanIndexForward: false })
    return meetingStore.getMany([...new Set(pointers.map((p) => p.meetingId))])
  },
  vote: (meetingId: string, voteId: string) => getRecord<Vote>(keys.vote(meetingOwnerOf(meetingId), meetingId, voteId)),
  votes: (m: Meeting) => getRecords<Vote>(m.voteIds.map((v) => keys.vote(m.ownerUnitId, m.meetingId, v)), true),
  voteKey: async (meetingId: string, voteId: string) => (await getRecord<{ privateKey: string }>(keys.voteKey(meetingOwnerOf(meetingId), meetingId, voteId)))?.privateKey,
  signedFor: async (v: Pick<Vote, 'meetingId' | 'voteId'>) =>
    (await queryPrefix<{ userId: string }>(keys.voteSignatures(meetingOwnerOf(v.meetingId), v.meetingId, v.voteId), { ConsistentRead: true })).map((x) => x.userId),
  /** Every ballot of a secret vote (read consistently, after the vote is closed). */
  ballots: (meetingId: string, voteId: string) => queryPrefix<{ tokenHash: string; choice: Choice }>(keys.ballotsOf(meetingId, voteId), { ConsistentRead: true }),
}
