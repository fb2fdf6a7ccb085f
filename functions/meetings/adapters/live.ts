/**
 * Live updates of a meeting: whoever is connected to it (WebSocket: API
 * Gateway's WebSocket API on AWS, the embedded gateway's `ws` server locally)
 * is told when it changed. The port is here; the module's entry registers
 * the broadcaster (usecases/live.ts), which sends through the host's sender
 * (functions/lib/adapters/websocket.ts).
 */
export interface LivePort { changed(change: LiveChange): Promise<void> }

import type { LiveChange } from '../usecases/live.js'

let port: LivePort = { async changed() { /* nobody connected on this host */ } }
export const live = (): LivePort => port
/** The broadcaster, registered by the module's entry (a use case cannot be imported here without a cycle). */
export function useLive(p: LivePort): void { port = p }
