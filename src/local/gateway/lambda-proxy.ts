import { GatewayError, RenderedResponse } from './gateway-responses';
import { ParsedRequest } from './request-context';
import { LocalRoute } from './router';
import { toJson } from '../vtl/java-values';

/**
 * The Lambda proxy event a REST API sends (payload format 1.0): the request as it came, its
 * route, path parameters, stage variables and request context.
 */
export function proxyEvent(
  request: ParsedRequest, route: LocalRoute, pathParameters: { [name: string]: string }, stageVariables: { readonly [name: string]: string },
  context: Map<string, unknown>, binary: boolean,
): { [key: string]: unknown } {
  const none = (o: object) => (Object.keys(o).length === 0 ? null : o);
  const identity = context.get('identity');
  return {
    resource: route.resourcePath,
    path: request.path,
    httpMethod: request.method,
    headers: none(request.headers),
    multiValueHeaders: none(Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, [v]]))),
    queryStringParameters: none(request.query),
    multiValueQueryStringParameters: none(Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, [v]]))),
    pathParameters: none(pathParameters),
    stageVariables: none(stageVariables),
    requestContext: {
      accountId: context.get('accountId'),
      apiId: context.get('apiId'),
      resourcePath: route.resourcePath,
      httpMethod: request.method,
      path: context.get('path'),
      stage: context.get('stage'),
      requestId: context.get('requestId'),
      extendedRequestId: context.get('extendedRequestId'),
      requestTime: context.get('requestTime'),
      requestTimeEpoch: context.get('requestTimeEpoch'),
      protocol: context.get('protocol'),
      domainName: context.get('domainName'),
      identity: toJson(identity ?? new Map()),
      // Only routes with an authorizer (Lambda or Cognito) carry one.
      authorizer: (context.get('authorizer') as Map<string, unknown> | undefined)?.size ? toJson(context.get('authorizer')) : undefined,
    },
    body: request.body === '' ? null : binary ? Buffer.from(request.body, 'latin1').toString('base64') : request.body,
    isBase64Encoded: binary && request.body !== '',
  };
}

/** What API Gateway answers when a Lambda proxy function fails or answers out of format: 502. */
export const LAMBDA_FAILURE: GatewayError = { type: 'DEFAULT_5XX', message: 'Internal server error', statusCode: 502 };

/**
 * The method response of what a Lambda proxy function returned: its status, headers and body
 * (base64-encoded where the function says so); a malformed answer (or none) is API Gateway's 502.
 */
export function proxyResponse(result: unknown): RenderedResponse | GatewayError {
  const malformed = LAMBDA_FAILURE;
  if (result === null || typeof result !== 'object') return malformed;
  const answer = result as { [key: string]: any };
  const known = ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded', 'cookies'];
  if (Object.keys(answer).some(key => !known.includes(key))) return malformed;
  const statusCode = answer.statusCode === undefined ? 200 : Number(answer.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return malformed;
  if (answer.body !== undefined && answer.body !== null && typeof answer.body !== 'string') return malformed;
  const headers: { [name: string]: string } = {};
  for (const [name, values] of Object.entries<unknown[]>(answer.multiValueHeaders ?? {})) headers[name] = values.map(String).join(',');
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers[name] = String(value);
  // An answer that names no content type is sent as JSON, as API Gateway sends it.
  if (!Object.keys(headers).some(name => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  return { statusCode, headers, body: answer.body ?? '', base64: answer.isBase64Encoded === true };
}
