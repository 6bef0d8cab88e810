import { GatewayError, RenderedResponse } from './gateway-responses';
import { IntegrationResult, TemplateScope } from './mapping';
import { ParsedRequest, header, literalOrVariable } from './request-context';
import { InputParameters } from '../vtl/builtins';

/** Headers a proxy does not forward: they describe the hop, not the request. */
export const HOP_HEADERS = ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'];
const DEFAULT_TIMEOUT_MS = 29_000;

/** Origins of the definition's URLs and where a test sends them instead, e.g. `https://legacy.example.com` to a loopback server. */
export type Origins = { readonly [origin: string]: string };

/** The integration request an HTTP integration sends: its URL, method, headers and body. */
export interface BackendRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: { [name: string]: string };
  readonly body?: string;
}

/**
 * An HTTP proxy integration: the request goes to the URI (its `{name}` placeholders and query
 * string filled by the integration's request parameters), its answer comes back as it is.
 */
export async function httpProxy(
  integration: { readonly [key: string]: any }, request: ParsedRequest, params: InputParameters, scope: TemplateScope, origins: Origins,
): Promise<RenderedResponse | GatewayError> {
  const forwarded = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_HEADERS.includes(name.toLowerCase())));
  const backend = backendRequest(integration, request, params, scope, { headers: forwarded, query: request.query, body: request.body });
  const answer = await send(backend, integration.timeoutInMillis, origins);
  return 'type' in answer ? answer : { statusCode: answer.statusCode, headers: answer.headers, body: answer.body };
}

/** An HTTP integration with templates: the mapped body goes to the URI; the answer is the integration response. */
export async function httpWithTemplates(
  integration: { readonly [key: string]: any }, request: ParsedRequest, params: InputParameters, scope: TemplateScope, mapped: string,
  origins: Origins,
): Promise<IntegrationResult | GatewayError> {
  const contentType = header(request.headers, 'Content-Type') ?? 'application/json';
  const backend = backendRequest(integration, request, params, scope, { headers: { 'Content-Type': contentType }, query: {}, body: mapped });
  const answer = await send(backend, integration.timeoutInMillis, origins);
  return 'type' in answer ? answer : { ...answer, selector: String(answer.statusCode) };
}

function backendRequest(
  integration: { readonly [key: string]: any }, request: ParsedRequest, params: InputParameters, scope: TemplateScope,
  base: { headers: { [name: string]: string }; query: { readonly [name: string]: string }; body: string },
): BackendRequest {
  const mapped = integrationParameters(integration, params, scope, base);
  const stageVariables = scope.stageVariables;
  let url = fillPath(String(integration.uri).replace(/\$\{stageVariables\.([^}]+)\}/g, (_, name: string) => stageVariables[name] ?? ''), mapped.path);
  const search = new URLSearchParams(mapped.querystring).toString();
  if (search) url += (url.includes('?') ? '&' : '?') + search;
  const method = String(integration.httpMethod ?? 'ANY').toUpperCase();
  const withBody = !['GET', 'HEAD'].includes(method === 'ANY' ? request.method : method) && base.body !== '';
  return { url, method: method === 'ANY' ? request.method : method, headers: mapped.header, body: withBody ? base.body : undefined };
}

/** The integration request's path parameters, query string and headers: the base ones, then the integration's request parameters. */
export function integrationParameters(
  integration: { readonly [key: string]: any }, params: InputParameters, scope: TemplateScope,
  base: { headers: { [name: string]: string }; query: { readonly [name: string]: string } },
): { path: { [name: string]: string }; querystring: { [name: string]: string }; header: { [name: string]: string } } {
  const mapped = { path: {} as { [name: string]: string }, querystring: { ...base.query }, header: { ...base.headers } };
  for (const [target, source] of Object.entries<string>(integration.requestParameters ?? {})) {
    const location = /^integration\.request\.(path|querystring|header)\.(.+)$/.exec(target);
    if (location) mapped[location[1] as 'path' | 'querystring' | 'header'][location[2]] = parameterValue(source, params, scope);
  }
  return mapped;
}

/** A path's `{name}` placeholders filled with the mapped path parameters (encoded; a greedy one keeps its slashes). */
export function fillPath(path: string, values: { readonly [name: string]: string }): string {
  return path.replace(/\{([^}]+)\}/g, (placeholder, name: string) => (values[name] !== undefined ? encodePath(values[name]) : placeholder));
}

/** A proxied greedy path keeps its slashes; each of its segments is encoded. */
function encodePath(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/');
}

/** An integration request parameter's value: the method request's, a literal, a context or stage variable. */
function parameterValue(source: string, params: InputParameters, scope: TemplateScope): string {
  const method = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(source);
  if (method) {
    const values = params[method[1] as keyof InputParameters];
    return method[1] === 'header' ? header(values, method[2]) ?? '' : values[method[2]] ?? '';
  }
  return literalOrVariable(source, scope.context, scope.stageVariables) ?? '';
}

/** Sends the request; past the integration's timeout API Gateway answers 504, an unreachable backend 500. */
export async function send(
  backend: BackendRequest, timeoutInMillis: unknown, origins: Origins,
): Promise<{ statusCode: number; headers: { [name: string]: string }; body: string } | GatewayError> {
  const timeout = Number(timeoutInMillis ?? DEFAULT_TIMEOUT_MS);
  const origin = Object.keys(origins).find(o => backend.url === o || backend.url.startsWith(`${o}/`) || backend.url.startsWith(`${o}?`));
  const url = origin === undefined ? backend.url : origins[origin] + backend.url.slice(origin.length);
  try {
    const response = await fetch(url, {
      method: backend.method, headers: backend.headers, body: backend.body, signal: AbortSignal.timeout(timeout), redirect: 'manual',
    });
    const headers: { [name: string]: string } = {};
    // fetch has decoded the body already: its original encoding and length no longer describe it.
    response.headers.forEach((value, name) => { if (name !== 'content-encoding' && name !== 'content-length') headers[name] = value; });
    return { statusCode: response.status, headers, body: await response.text() };
  } catch (e) {
    if ((e as Error).name === 'TimeoutError') return { type: 'INTEGRATION_TIMEOUT', message: 'Endpoint request timed out' };
    return { type: 'INTEGRATION_FAILURE', message: 'Internal server error', statusCode: 500 };
  }
}
