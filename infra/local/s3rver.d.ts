declare module 's3rver' {
  interface S3rverOptions { port?: number; address?: string; silent?: boolean; directory?: string; vhostBuckets?: boolean; resetOnClose?: boolean; allowMismatchedSignatures?: boolean; configureBuckets?: { name: string; configs?: (string | Buffer)[] }[] }
  export default class S3rver { constructor(opts: S3rverOptions); run(): Promise<unknown>; close(): Promise<void> }
}
