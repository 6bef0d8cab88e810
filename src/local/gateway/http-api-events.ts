import { randomUUID } from 'crypto';
import { ParsedRequest, clfTime } from './request-context';
import { LOCAL_ACCOUNT } from '../template/intrinsics';

/** What an HTTP API request carries beside the request: its route, stage, and what the authorizer handed on. */
export interface HttpRequestScope {
  readonly apiId: string;
  readonly routeKey: string;
  readonly stage: string;
  readonly stageVariables: { readonly [name: string]: string };
  readonly pathParameters: { readonly [name: string]: string };
  readonly requestId: string;
  readonly timeEpoch: number;
  /** `requestContext.authorizer`: `{ jwt: { claims, scopes } }`, `{ lambda: context }` or `{ iam: ... }`. */
  authorizer?: { readonly [key: string]: unknown };
}

export function newScope(apiId: string, routeKey: string, stage: string, stageVariables: { readonly [name: string]: string },
  pathParameters: { readonly [name: string]: string }, nowMs: number): HttpRequestScope {
  return { apiId, routeKey, stage, stageVariables, pathParameters, requestId: randomUUID(), timeEpoch: nowMs };
}

/**
 * Whether a content type is text, which payload 2.0 passes as it is (another body reaches the
 * function base64-encoded), and which a streamed answer is read as.
 */
export function isTextual(contentType: string): boolean {
  return contentType === '' || /^text\/|json|xml|javascript|x-www-form-urlencoded|event-stream/i.test(contentType);
}

/** Headers as payload 2.0 gives them: names in lower case, repeated ones joined with commas, cookies apart. */
function lowerHeaders(headers: { readonly [name: string]: string }): { [name: string]: string } {
  const lower: { [name: string]: string } = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    lower[key] = lower[key] === undefined ? value : `${lower[key]},${value}`;
  }
  return lower;
}

/** `requestContext` of payload 2.0 (events of functions and of Lambda authorizers). */
export function httpRequestContext(request: ParsedRequest, scope: HttpRequestScope): { [key: string]: unknown } {
  const headers = lowerHeaders(request.headers);
  const time = new Date(scope.timeEpoch);
  return {
    accountId: LOCAL_ACCOUNT,
    apiId: scope.apiId,
    ...(scope.authorizer ? { authorizer: scope.authorizer } : {}),
    domainName: `${scope.apiId}.execute-api.localhost`,
    domainPrefix: scope.apiId,
    http: { method: request.method, path: request.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
    requestId: scope.requestId,
    routeKey: scope.routeKey,
    stage: scope.stage,
    time: clfTime(time),
    timeEpoch: scope.timeEpoch,
  };
}

/** The request part of payload 2.0: raw path and query, cookies, headers, parameters, body. */
export function httpRequestFields(request: ParsedRequest, scope: HttpRequestScope): { [key: string]: unknown } {
  const headers = lowerHeaders(request.headers);
  const cookies = headers.cookie?.split(';').map(c => c.trim()).filter(c => c !== '');
  delete headers.cookie;
  const some = (o: object) => (Object.keys(o).length === 0 ? undefined : o);
  return {
    routeKey: scope.routeKey,
    rawPath: request.path,
    rawQueryString: new URLSearchParams(request.query).toString(),
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    queryStringParameters: some(request.query),
    pathParameters: some(scope.pathParameters),
    stageVariables: some(scope.stageVariables),
    requestContext: httpRequestContext(request, scope),
  };
}

/** The Lambda event of payload format 2.0. */
export function httpProxyEvent(request: ParsedRequest, scope: HttpRequestScope, binary: boolean): { [key: string]: unknown } {
  return {
    version: '2.0',
    ...httpRequestFields(request, scope),
    ...(request.body === '' ? {} : { body: binary ? Buffer.from(request.body, 'latin1').toString('base64') : request.body }),
    isBase64Encoded: binary && request.body !== '',
  };
}

/**
 * The response of a payload 2.0 answer: an object with `statusCode` is the response (its
 * cookies become `Set-Cookie`); any other answer is a 200 whose JSON body is the answer.
 * Undefined for an answer of no valid form (API Gateway's 500).
 */
export function httpProxyResponse(
  answer: unknown,
): { statusCode: number; headers: { [name: string]: string }; body: string; base64: boolean } | undefined {
  if (answer === undefined) return undefined;
  if (answer === null || typeof answer !== 'object' || !('statusCode' in answer)) {
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer), base64: false };
  }
  const result = answer as { [key: string]: any };
  const statusCode = Number(result.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return undefined;
  if (result.body !== undefined && result.body !== null && typeof result.body !== 'string') return undefined;
  const headers: { [name: string]: string } = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (Array.isArray(result.cookies) && result.cookies.length > 0) headers['set-cookie'] = result.cookies.map(String).join(', ');
  if (!Object.keys(headers).some(name => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  return { statusCode, headers, body: result.body ?? '', base64: result.isBase64Encoded === true };
}
