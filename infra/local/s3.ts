/**
 * S3 stand-in: s3rver, a real S3-compatible HTTP server with SigV4 and
 * presigned URLs, files under the data directory. The uploads bucket gets the
 * same CORS rule the CDK bucket has (PUT from the SPA). s3rver itself serves
 * anonymous requests and does not check SigV4, so it listens on a port of its
 * own and the advertised port is the guard (s3-guard.ts): only requests signed
 * with the local credentials, or unexpired presigned URLs, reach it.
 */
import S3rver from 's3rver'
import { mkdirSync } from 'node:fs'
import { freePort } from './ports.js'
import { startS3Guard, type S3Credentials } from './s3-guard.js'

/** The local credentials (s3rver's own account); the platform's SDK clients sign with them. */
export const LOCAL_S3_CREDENTIALS: S3Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`

export interface S3Local { endpoint: string; stop(): Promise<void> }

export async function startS3Local(opts: { port: number; dataDir: string; buckets: string[] }): Promise<S3Local> {
  mkdirSync(opts.dataDir, { recursive: true })
  const upstreamPort = await freePort()
  const server = new S3rver({
    port: upstreamPort, address: '127.0.0.1', silent: true, directory: opts.dataDir, vhostBuckets: false,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [CORS] })),
  })
  await server.run()
  const guard = await startS3Guard({ port: opts.port, upstreamPort, credentials: LOCAL_S3_CREDENTIALS }).catch(async (err) => { await server.close(); throw err })
  return { endpoint: `http://127.0.0.1:${opts.port}`, stop: async () => { await guard.close(); await server.close() } }
}
