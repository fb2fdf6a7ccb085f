import net from 'node:net'

/** Resolves once something accepts TCP connections on the port. */
export async function waitForPort(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await isListening(port, host)) return
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`Nothing listened on ${host}:${port} within ${timeoutMs} ms`)
}

export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host })
    s.once('connect', () => { s.destroy(); resolve(true) })
    s.once('error', () => resolve(false))
  })
}

/** Throws a clear error when a port is taken (e.g. the platform already runs). */
export async function assertPortFree(port: number, what: string): Promise<void> {
  if (await isListening(port)) {
    throw new PortInUseError(`Port ${port} (${what}) is already in use — is Digital Office already running? ` +
      `Stop it or choose other ports (see --help). / Cổng ${port} đang được dùng — hệ thống có đang chạy không?`)
  }
}

export class PortInUseError extends Error { readonly code = 'PORT_IN_USE' }

/** Asks the OS for a free port (tests run the platform on random ports). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}
