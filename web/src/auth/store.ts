/** Who is signed in, as an external store React can subscribe to. */
import { useSyncExternalStore } from 'react'
import { endpoints, type ChallengeResponse, type SignInResponse } from '../api/endpoints'
import type { ChallengeBody } from '../../../shared/org/contracts'
import { session, type SessionUser } from '../api/session'

const listeners = new Set<() => void>()
let current: SessionUser | null = session.user()
let expiredFlag = false
// A refresh that ended the session (revoked, expired) is seen by the layout.
session.onChange(() => { if (current && !session.user()) expiredFlag = true; emit() })

function emit(): void {
  current = session.user()
  for (const l of listeners) l()
}

function finish(res: SignInResponse): SessionUser | ChallengeResponse {
  if ('challenge' in res) return res
  session.save(res.token, res.expiresIn, res.user)
  expiredFlag = false
  emit()
  return res.user
}

export const auth = {
  /** Signs in, or gives the next step the identity provider asks for (a new password, the authenticator). */
  async login(username: string, password: string): Promise<SessionUser | ChallengeResponse> {
    return finish(await endpoints.login(username, password))
  },
  /** Answers a sign-in step: signed in, or the step after it. */
  async answer(body: ChallengeBody): Promise<SessionUser | ChallengeResponse> {
    return finish(await endpoints.answerChallenge(body))
  },
  /** Sign-out: the refresh token is revoked on the server, nothing stays in the page. */
  async logout(): Promise<void> {
    await session.signOut()
    emit()
  },
  /** At page load: the session from the refresh cookie, if any. */
  async restore(): Promise<void> {
    await session.restore()
    emit()
  },
  /** The session ended on the server side (401): forget it locally. */
  expired(): void {
    expiredFlag = true
    emit()
  },
  /** Whether the last session ended because the server refused the token. */
  wasExpired(): boolean {
    return expiredFlag
  },
  subscribe(fn: () => void): () => void {
    listeners.add(fn)
    return () => listeners.delete(fn)
  },
  user(): SessionUser | null {
    return current
  },
}

export function useAuthUser(): SessionUser | null {
  return useSyncExternalStore(auth.subscribe, auth.user, auth.user)
}
