/**
 * Lambda response streaming, written once for both hosts. On AWS the
 * function is invoked through a function URL in `RESPONSE_STREAM` mode: the
 * Node.js runtime provides the global `awslambda`, whose `streamifyResponse`
 * hands the handler a writable response stream and whose
 * `HttpResponseStream.from` sets the status and headers before the first
 * byte. In the embedded runtime there is no `awslambda`: the handler is
 * marked as streaming and the local gateway calls it with the HTTP response
 * itself as the stream, so every chunk the handler writes goes to the socket
 * as it is written. The handler code is the same on both.
 */
import type { Writable } from 'node:stream'
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda'

export interface ResponseMetadata { statusCode: number; headers?: Record<string, string> }
/** What the Lambda Node.js runtime exposes as the global `awslambda` (the part used here). */
export interface LambdaStreamingRuntime {
  streamifyResponse(fn: StreamingHandler): unknown
  HttpResponseStream: { from(stream: Writable, metadata: ResponseMetadata): Writable }
}
export type StreamingHandler = (event: APIGatewayProxyEventV2, responseStream: Writable, context: Context) => Promise<void>

/** Marks a handler the embedded gateway calls with the HTTP response as its stream. */
export const STREAMING = Symbol.for('digital-office.streaming-handler')
export type LocalStreamingHandler = StreamingHandler & { [STREAMING]: true }

/** The runtime's streaming API, when there is one (the AWS SDK sets an empty `awslambda` object everywhere, so the function is what counts). */
const lambdaRuntime = (): LambdaStreamingRuntime | undefined => {
  const rt = (globalThis as unknown as { awslambda?: Partial<LambdaStreamingRuntime> }).awslambda
  return typeof rt?.streamifyResponse === 'function' && rt.HttpResponseStream ? rt as LambdaStreamingRuntime : undefined
}

export function streamifyResponse(fn: StreamingHandler, runtime: LambdaStreamingRuntime | undefined = lambdaRuntime()): unknown {
  if (runtime) return runtime.streamifyResponse(fn)
  return Object.assign(fn, { [STREAMING]: true as const })
}

export const isLocalStreamingHandler = (h: unknown): h is LocalStreamingHandler => typeof h === 'function' && (h as Partial<LocalStreamingHandler>)[STREAMING] === true

/** A node:http response (the embedded gateway's stream). */
interface LocalResponse extends Writable { writeHead(status: number, headers?: Record<string, string>): unknown; flushHeaders?(): void }
const isLocalResponse = (s: Writable): s is LocalResponse => typeof (s as Partial<LocalResponse>).writeHead === 'function'

/** Sets the status and headers, then returns the stream to write the body to. */
export function openResponse(stream: Writable, metadata: ResponseMetadata, runtime: LambdaStreamingRuntime | undefined = lambdaRuntime()): Writable {
  if (runtime) return runtime.HttpResponseStream.from(stream, metadata)
  if (isLocalResponse(stream)) { stream.writeHead(metadata.statusCode, metadata.headers); stream.flushHeaders?.() }
  return stream
}

/** Writes a chunk and resolves once it was handed to the stream (back-pressure respected). */
export function writeChunk(stream: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (err) => (err ? reject(err) : resolve()))
  })
}

export const endStream = (stream: Writable): Promise<void> => new Promise((resolve) => { stream.end(() => resolve()) })
