/**
 * S3 stand-in: s3rver, a real S3-compatible HTTP server with SigV4 and
 * presigned URLs, files under the data directory. The uploads bucket gets the
 * same CORS rule the CDK bucket has (PUT from the SPA).
 */
import S3rver from 's3rver'
import { mkdirSync } from 'node:fs'

const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`

export interface S3Local { endpoint: string; stop(): Promise<void> }

export async function startS3Local(opts: { port: number; dataDir: string; buckets: string[] }): Promise<S3Local> {
  mkdirSync(opts.dataDir, { recursive: true })
  const server = new S3rver({
    port: opts.port, address: '127.0.0.1', silent: true, directory: opts.dataDir, vhostBuckets: false,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [CORS] })),
  })
  await server.run()
  return { endpoint: `http://127.0.0.1:${opts.port}`, stop: () => server.close() }
}
