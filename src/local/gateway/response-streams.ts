import { PassThrough } from 'stream';
import { isTextual } from './http-api-events';

const STREAMING = Symbol('streamifyResponse');

type StreamingHandler = ((event: unknown, stream: PassThrough, context: unknown) => Promise<unknown>) & { [STREAMING]?: true };

/** A response stream that keeps what the function writes, and the status and headers it opens with. */
class CollectingStream extends PassThrough {
  public readonly chunks: Buffer[] = [];
  public metadata: { statusCode?: number; headers?: { [name: string]: string }; cookies?: string[] } = {};

  constructor() {
    super();
    this.on('data', (chunk: Buffer) => this.chunks.push(Buffer.from(chunk)));
  }
}

/**
 * The `awslambda` global of Lambda's Node.js runtime, as far as response streaming goes:
 * `streamifyResponse(handler)` and `HttpResponseStream.from(stream, { statusCode, headers })`.
 */
export const AWS_LAMBDA_GLOBAL = {
  streamifyResponse(handler: StreamingHandler): StreamingHandler {
    handler[STREAMING] = true;
    return handler;
  },
  HttpResponseStream: {
    from(stream: CollectingStream, metadata: CollectingStream['metadata']): CollectingStream {
      stream.metadata = metadata ?? {};
      return stream;
    },
  },
};

export function isStreaming(handler: unknown): handler is StreamingHandler {
  return typeof handler === 'function' && (handler as StreamingHandler)[STREAMING] === true;
}

/**
 * Runs a streaming handler to the end of its stream, and answers what the client gets in the
 * end: the status and headers it opened with, and every chunk it wrote, as a proxy answer (text
 * for a textual content type, base64 otherwise). The chunks' timing is not kept.
 */
export async function runStreaming(handler: StreamingHandler, event: unknown, context: unknown): Promise<unknown> {
  const stream = new CollectingStream();
  const finished = new Promise<void>(resolve => stream.on('end', () => resolve()));
  await handler(event, stream, context);
  if (!stream.writableEnded) stream.end();
  await finished;
  const { statusCode = 200, headers = {}, cookies } = stream.metadata;
  const body = Buffer.concat(stream.chunks);
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
  const text = isTextual(contentType);
  return { statusCode, headers, ...(cookies ? { cookies } : {}), body: body.toString(text ? 'utf8' : 'base64'), isBase64Encoded: !text };
}
