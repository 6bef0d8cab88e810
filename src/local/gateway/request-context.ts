import { randomUUID } from 'crypto';
import { LocalRoute } from './router';
import { headerValue } from '../aws/sigv4';
import { LOCAL_ACCOUNT } from '../template/intrinsics';
import { fromJson, javaString } from '../vtl/java-values';

/** A request as the local gateway receives it: the path is the stage's (`/pets/7`), headers as sent. */
export interface ParsedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: { readonly [name: string]: string };
  readonly headers: { readonly [name: string]: string };
  readonly body: string;
}

/** `GET /pets/7?sort=name` as method, path and query string. */
export function parseRequestLine(line: string): { method: string; path: string; query: { [name: string]: string } } {
  const match = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(line);
  if (!match) throw new Error(`LocalGateway: a request is "METHOD /path?query", e.g. "GET /pets/7"; got ${JSON.stringify(line)}`);
  const [path, search = ''] = match[2].split('?', 2);
  const query: { [name: string]: string } = {};
  for (const [name, value] of new URLSearchParams(search)) query[name] = value;
  return { method: match[1].toUpperCase(), path, query };
}

/** A header's value, whatever the case of its name. */
export const header = headerValue;

/** `$context` for a request to a route of a stage, as API Gateway's mapping template reference documents it. */
export function requestContext(request: ParsedRequest, route: LocalRoute | undefined, stage: string, apiId: string): Map<string, unknown> {
  const now = new Date();
  const requestId = randomUUID();
  return fromJson({
    accountId: LOCAL_ACCOUNT,
    apiId,
    domainName: `${apiId}.execute-api.localhost`,
    extendedRequestId: requestId,
    httpMethod: request.method,
    identity: {
      sourceIp: '127.0.0.1',
      userAgent: header(request.headers, 'User-Agent') ?? '',
      caller: '',
      user: '',
      accountId: '',
      apiKey: header(request.headers, 'x-api-key') ?? '',
    },
    path: `/${stage}${request.path}`,
    protocol: 'HTTP/1.1',
    requestId,
    requestTime: clfTime(now),
    requestTimeEpoch: now.getTime(),
    resourcePath: route?.resourcePath ?? request.path,
    stage,
    authorizer: {},
    responseOverride: { header: {} },
  }) as Map<string, unknown>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The Common Log Format time API Gateway writes: `02/Dec/2026:18:40:00 +0000`. */
export function clfTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:`
    + `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/**
 * A mapping source every mapping accepts: a quoted literal, `stageVariables.NAME` or
 * `context.PATH`; undefined for any other source (`''` when the variable is not there).
 */
export function literalOrVariable(
  source: string, context: Map<string, unknown>, stageVariables: { readonly [name: string]: string },
): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal) return literal[1];
  if (source.startsWith('stageVariables.')) return stageVariables[source.slice('stageVariables.'.length)] ?? '';
  if (!source.startsWith('context.')) return undefined;
  let value: unknown = context;
  for (const key of source.slice('context.'.length).split('.')) value = value instanceof Map ? value.get(key) : undefined;
  return value === undefined ? '' : javaString(value);
}
