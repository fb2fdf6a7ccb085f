/**
 * Live updates of a meeting: whoever is connected to it (WebSocket: API
 * Gateway's WebSocket API on AWS, the embedded gateway's `ws` server locally)
 * is told when it changed. The port is here; the host registers how a message
 * reaches a connection.
 */
export interface LivePort { changed(meetingId: string): Promise<void> }

let port: LivePort = { async changed() { /* nobody connected on this host */ } }
export const live = (): LivePort => port
/** The host's way of pushing (the embedded gateway, or the API Gateway management API). */
export function useLive(p: LivePort): void { port = p }
