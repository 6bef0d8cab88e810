import * as http from 'http';
import { AddressInfo } from 'net';
import { LocalGateway } from '../local/local-gateway';

/** Where the server listens. */
export interface ListenOptions {
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  /** Writes one line per request answered (method, path, status, milliseconds). */
  readonly log?: (line: string) => void;
  /** The side of a stage's canary every request goes to (`true` the canary); by default, the canary's percentage. */
  readonly canary?: boolean;
}

/**
 * A local gateway served over HTTP: each request (its method, path and query, headers as the
 * client spelled them, body) goes to the gateway, its answer back. The URL's path is the
 * stage's, as on a custom domain without a base path: `http://127.0.0.1:8080/pets/7`.
 */
export async function serveGateway(gateway: LocalGateway, options: ListenOptions): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const started = process.hrtime.bigint();
      void answer(gateway, req, Buffer.concat(chunks), options.canary).then(({ statusCode, headers, body }) => {
        res.writeHead(statusCode, headers);
        res.end(body);
        options.log?.(`${req.method} ${req.url} ${statusCode} ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)} ms`);
      }).catch((e: unknown) => {
        // A header HTTP cannot carry (a function's malformed one): the server answers 500 and keeps serving.
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json', 'x-local-gateway-error': 'true' });
        res.end(JSON.stringify({ message: String((e as Error)?.message ?? e) }));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}

/** The URL a server listens at. */
export function serverUrl(server: http.Server): string {
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** What the server writes back: a binary answer as its bytes. */
interface HttpAnswer {
  readonly statusCode: number;
  readonly headers: { [name: string]: string };
  readonly body: string | Buffer;
}

async function answer(gateway: LocalGateway, req: http.IncomingMessage, body: Buffer, canary: boolean | undefined): Promise<HttpAnswer> {
  // Headers as the client spelled them (Node lowercases req.headers); a repeated one joined with commas.
  const headers: { [name: string]: string } = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    headers[name] = headers[name] === undefined ? req.rawHeaders[i + 1] : `${headers[name]},${req.rawHeaders[i + 1]}`;
  }
  try {
    const response = await gateway.request(`${req.method} ${req.url}`, { headers, body: body.toString('base64'), isBase64Encoded: true, canary });
    return { statusCode: response.statusCode, headers: response.headers, body: response.isBase64Encoded ? Buffer.from(response.body, 'base64') : response.body };
  } catch (e) {
    // What the local gateway cannot run is the server's own error: a 500 that says what, never a made-up answer.
    const message = e instanceof Error ? e.message : String(e);
    return { statusCode: 500, headers: { 'Content-Type': 'application/json', 'x-local-gateway-error': 'true' }, body: JSON.stringify({ message }) };
  }
}
