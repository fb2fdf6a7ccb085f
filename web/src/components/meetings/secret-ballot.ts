/**
 * A secret ballot made in the voter's browser (RFC 9474, RSABSSA-SHA384-PSS-
 * Randomized, @cloudflare/blindrsa-ts on WebCrypto): a random token is
 * prepared and blinded against the vote's public key; the server signs the
 * blinded message for this member (once) without seeing the token; the
 * browser unblinds the signature, waits a random moment (so the ballot does
 * not follow the signature request at once), and sends token, signature and
 * choice to the public ballot box from a fresh fetch without the session.
 *
 * This device keeps, per vote, the ballot until it is counted (a retry sends
 * the same one: the server signs only once), then only its hash and choice,
 * so "verify my ballot" finds it in the published list.
 */
import type { Choice, MeetingVoteView as VoteView } from '../../../../shared/meetings/contracts'
import { castSecret, meetings } from '../../api/meetings'

const b64u = (b: Uint8Array) => btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const bytes = (s: string) => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'))
  const out = new Uint8Array(new ArrayBuffer(bin.length))
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}
const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('')

export interface KeptBallot { tokenHash: string; choice: Choice; counted: boolean; token?: string; signature?: string }
const storeKey = (meetingId: string, voteId: string) => `do.ballot.${meetingId}.${voteId}`

export function keptBallot(meetingId: string, voteId: string): KeptBallot | undefined {
  try {
    const raw = localStorage.getItem(storeKey(meetingId, voteId))
    return raw ? (JSON.parse(raw) as KeptBallot) : undefined
  } catch {
    return undefined
  }
}
function keep(meetingId: string, voteId: string, b: KeptBallot): void {
  try { localStorage.setItem(storeKey(meetingId, voteId), JSON.stringify(b)) } catch { /* private mode: verification then needs this page open */ }
}

/** Waits 0.5–3 s, drawn with the platform's random source. */
const pause = () => new Promise((r) => setTimeout(r, 500 + (crypto.getRandomValues(new Uint32Array(1))[0] % 2500)))

export async function castSecretBallot(meetingId: string, vote: Pick<VoteView, 'voteId' | 'publicKey'>, choice: Choice): Promise<KeptBallot> {
  let kept = keptBallot(meetingId, vote.voteId)
  if (!kept?.token) {
    const { RSABSSA } = await import('@cloudflare/blindrsa-ts')
    const suite = RSABSSA.SHA384.PSS.Randomized()
    const publicKey = await crypto.subtle.importKey('spki', bytes(vote.publicKey!), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify'])
    const token = suite.prepare(crypto.getRandomValues(new Uint8Array(32)))
    const { blindedMsg, inv } = await suite.blind(publicKey, token)
    const { blindSignature } = await meetings.blindSignature(meetingId, vote.voteId, b64u(blindedMsg))
    const signature = await suite.finalize(publicKey, token, bytes(blindSignature), inv)
    kept = { tokenHash: hex(await crypto.subtle.digest('SHA-256', token as Uint8Array<ArrayBuffer>)), choice, counted: false, token: b64u(token), signature: b64u(signature) }
    keep(meetingId, vote.voteId, kept)
  }
  if (!kept.counted) {
    await pause()
    try {
      await castSecret(meetingId, vote.voteId, { token: kept.token!, signature: kept.signature!, choice: kept.choice })
    } catch (e) {
      // Counted already (an earlier try reached the box): the same ballot, nothing to redo.
      if (!(e && typeof e === 'object' && 'code' in e && e.code === 'vote.ballotCounted')) throw e
    }
    kept = { tokenHash: kept.tokenHash, choice: kept.choice, counted: true }
    keep(meetingId, vote.voteId, kept)
  }
  return kept
}

/** My ballot in the published list (by its hash), with the choice the box counted. */
export function findMyBallot(vote: VoteView, kept: KeptBallot | undefined): { found: boolean; choice?: Choice } {
  const mine = kept && vote.result?.published?.find((p) => p.tokenHash === kept.tokenHash)
  return mine ? { found: true, choice: mine.choice } : { found: false }
}
