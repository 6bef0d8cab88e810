import { HttpRequestScope } from './http-api-events';
import { ParsedRequest, header } from './request-context';

/**
 * `$context.NAME` of an HTTP API request: the request's ids, route and stage, the caller's
 * address, and what the authorizer handed on (`authorizer.claims.sub` of a JWT,
 * `authorizer.NAME` of a Lambda authorizer's context).
 */
export function httpContextValue(path: string, request: ParsedRequest, scope: HttpRequestScope): string | undefined {
  type Values = { [key: string]: unknown };
  const authorizer = scope.authorizer as { jwt?: { claims: Values }; lambda?: Values; iam?: Values } | undefined;
  const fixed: { [name: string]: unknown } = {
    'requestId': scope.requestId,
    'routeKey': scope.routeKey,
    'stage': scope.stage,
    'apiId': scope.apiId,
    'httpMethod': request.method,
    'path': request.path,
    'domainName': `${scope.apiId}.execute-api.localhost`,
    'identity.sourceIp': '127.0.0.1',
    'identity.userAgent': header(request.headers, 'User-Agent') ?? '',
    'requestTimeEpoch': scope.timeEpoch,
  };
  if (path in fixed) return String(fixed[path]);
  const claim = /^authorizer\.claims\.(.+)$/.exec(path)?.[1];
  if (claim !== undefined) return stringOf(authorizer?.jwt?.claims[claim]);
  const iam = /^identity\.(userArn|caller|user|accountId|accessKey)$/.exec(path)?.[1];
  if (iam !== undefined) return stringOf(authorizer?.iam?.[iam]);
  const fromLambda = /^authorizer\.(.+)$/.exec(path)?.[1];
  return fromLambda === undefined ? undefined : stringOf(authorizer?.lambda?.[fromLambda]);
}

function stringOf(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * A parameter mapping's value: static text with `$request.header.NAME`, `$request.querystring.NAME`,
 * `$request.path.NAME`, `$request.body` (or `$request.body.FIELD`), `$context.NAME` and
 * `$stageVariables.NAME` put in (an absent one as nothing).
 */
export function mappedValue(expression: string, request: ParsedRequest, scope: HttpRequestScope): string {
  return expression.replace(/\$(request\.header|request\.querystring|request\.path|stageVariables|context)\.([A-Za-z0-9_.:-]+)|\$request\.body((?:\.[A-Za-z0-9_]+)*)/g,
    (_, kind: string | undefined, name: string | undefined, bodyPath: string | undefined) => {
      if (kind === undefined) return bodyValue(request.body, bodyPath ?? '');
      switch (kind) {
        case 'request.header': return header(request.headers, name!) ?? '';
        case 'request.querystring': return request.query[name!] ?? '';
        case 'request.path': return scope.pathParameters[name!] ?? '';
        case 'stageVariables': return scope.stageVariables[name!] ?? '';
        default: return httpContextValue(name!, request, scope) ?? '';
      }
    });
}

function bodyValue(body: string, path: string): string {
  if (path === '') return body;
  const value = bodyField(body, path.slice(1));
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value at a dotted path (`order.id`) of a JSON body; undefined where there is none, or the body is not JSON. */
export function bodyField(body: string, path: string): unknown {
  try {
    let value: any = JSON.parse(body);
    for (const field of path.split('.')) value = value?.[field];
    return value;
  } catch {
    return undefined;
  }
}

/** One response parameter mapping: where, and from what. */
interface ResponseParameter {
  readonly Destination: string;
  readonly Source: string;
}

/** A response as HTTP API response mapping sees it. */
export interface MappedResponse {
  readonly statusCode: number;
  readonly headers: { [name: string]: string };
  readonly body: string;
  readonly base64?: boolean;
}

/**
 * The integration's response parameters for the answer's status (CloudFormation's
 * `{ "404": { ResponseParameters: [{ Destination, Source }] } }`): `overwrite:statuscode`, and
 * `overwrite:`, `append:` or `remove:` of a header, whose values may name `$response.header.NAME`
 * besides the request's and the context's values.
 */
export function mapResponse(
  responseParameters: { readonly [status: string]: { readonly ResponseParameters?: ReadonlyArray<ResponseParameter> } } | undefined,
  response: MappedResponse, request: ParsedRequest, scope: HttpRequestScope,
): MappedResponse {
  const mappings = responseParameters?.[String(response.statusCode)]?.ResponseParameters;
  if (!mappings) return response;
  let statusCode = response.statusCode;
  const headers = { ...response.headers };
  for (const { Destination: target, Source: source } of mappings) {
    const value = mappedValue(source.replace(/\$response\.header\.([A-Za-z0-9_-]+)/g, (_, name: string) => header(response.headers, name) ?? ''), request, scope);
    const [, operation, location, name] = /^(overwrite|append|remove):(statuscode|header)\.?(.*)$/.exec(target) ?? [];
    if (location === 'statuscode') {
      statusCode = Number(value);
      continue;
    }
    const key = Object.keys(headers).find(h => h.toLowerCase() === name?.toLowerCase()) ?? name;
    if (operation === 'remove') delete headers[key];
    else if (operation === 'append' && headers[key] !== undefined) headers[key] = `${headers[key]},${value}`;
    else if (operation) headers[key] = value;
  }
  return { ...response, statusCode, headers };
}
