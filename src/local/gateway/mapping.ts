import { GatewayError, RenderedResponse } from './gateway-responses';
import { literalOrVariable } from './request-context';
import { InputObject, InputParameters } from '../vtl/builtins';
import { VtlTemplate } from '../vtl/evaluator';
import { fromJson, javaString } from '../vtl/java-values';
import { jsonPath } from '../vtl/jsonpath';

/** What a non-proxy integration answered: its status (or a Lambda error's message), headers and body. */
export interface IntegrationResult {
  readonly statusCode: number;
  readonly headers: { readonly [name: string]: string };
  readonly body: string;
  /** What selection patterns match: the status code, or a Lambda function's error message (none when it succeeded: the default response answers). */
  readonly selector?: string;
}

/** The variables every template of a request sees besides `$input`: `$context`, `$stageVariables`, `$util`. */
export interface TemplateScope {
  readonly context: Map<string, unknown>;
  /** The method request's parameters, which `$input.params` gives in response templates too. */
  readonly requestParams: InputParameters;
  readonly stageVariables: { readonly [name: string]: string };
  readonly util: unknown;
}

/**
 * The integration request's body: the request template for the request's content type, or the
 * body passed through as the integration's passthrough behavior allows; 415 otherwise.
 */
export function integrationRequestBody(
  integration: { readonly [key: string]: any }, contentType: string, body: string, params: InputParameters, scope: TemplateScope,
): string | GatewayError {
  const templates: { [type: string]: string } = integration.requestTemplates ?? {};
  const template = templates[contentType];
  if (template !== undefined) return render(template, body, params, scope);
  const behavior = String(integration.passthroughBehavior ?? 'when_no_match').toLowerCase();
  if (behavior === 'when_no_match' || (behavior === 'when_no_templates' && Object.keys(templates).length === 0)) return body;
  return { type: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Media Type' };
}

/**
 * The method response of a non-proxy integration: the integration response whose selection
 * pattern matches (the default one otherwise), its template for the content type, its header
 * mappings, then `$context.responseOverride`.
 */
export function methodResponse(
  integration: { readonly [key: string]: any }, result: IntegrationResult, accept: string | undefined, scope: TemplateScope,
): RenderedResponse | GatewayError {
  const responses: { [pattern: string]: any } = integration.responses ?? {};
  const selector = result.selector;
  const match = Object.entries(responses).find(([pattern]) => pattern !== 'default' && selector !== undefined && fullMatch(pattern, selector))?.[1]
    ?? responses.default;
  if (!match) {
    // API Gateway answers an integration without a matching response with its own error.
    return { type: 'API_CONFIGURATION_ERROR', message: 'Internal server error' };
  }
  const templates: { [type: string]: string } = match.responseTemplates ?? {};
  const contentType = pickContentType(templates, accept);
  const template = contentType === undefined ? undefined : templates[contentType];
  const body = template === undefined ? result.body : render(template, result.body, scope.requestParams, scope);
  const headers: { [name: string]: string } = { 'Content-Type': contentType ?? result.headers['Content-Type'] ?? 'application/json' };
  for (const [parameter, source] of Object.entries<string>(match.responseParameters ?? {})) {
    const name = /^method\.response\.header\.(.+)$/.exec(parameter)?.[1];
    if (name) headers[name] = responseParameter(source, result, scope);
  }
  const override = scope.context.get('responseOverride') as Map<string, any> | undefined;
  const status = override?.get('status') ?? match.statusCode;
  for (const [name, value] of (override?.get('header') as Map<string, unknown> | undefined) ?? []) headers[name] = javaString(value);
  return { statusCode: Number(status), headers, body };
}

/** A mapping template rendered with `$input` over the body and the request parameters, `$context`, `$stageVariables` and `$util`. */
export function render(template: string, body: string, params: InputParameters, scope: TemplateScope): string {
  return VtlTemplate.of(template).render(new Map<string, unknown>([
    ['input', new InputObject(body, params)],
    ['context', scope.context],
    ['stageVariables', fromJson(scope.stageVariables)],
    ['util', scope.util],
  ]));
}

/** Java's `String.matches`: the pattern matches the whole text. */
function fullMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 's').test(text);
  } catch {
    return false;
  }
}

/** The response template for the caller's Accept, else application/json, else the first. */
function pickContentType(templates: { [type: string]: string }, accept: string | undefined): string | undefined {
  const types = Object.keys(templates);
  if (types.length === 0) return undefined;
  const wanted = (accept ?? '').split(',').map(t => t.split(';')[0].trim().toLowerCase());
  return types.find(t => wanted.includes(t.toLowerCase())) ?? (types.includes('application/json') ? 'application/json' : types[0]);
}

/** A method response header's value: a literal, the integration response's header or body, or a context or stage variable. */
function responseParameter(source: string, result: IntegrationResult, scope: TemplateScope): string {
  const header = /^integration\.response\.header\.(.+)$/.exec(source)?.[1];
  if (header) return Object.entries(result.headers).find(([name]) => name.toLowerCase() === header.toLowerCase())?.[1] ?? '';
  if (source === 'integration.response.body') return result.body;
  const bodyPath = /^integration\.response\.body\.(.+)$/.exec(source)?.[1];
  if (bodyPath) {
    try {
      const value = jsonPath(JSON.parse(result.body), `$.${bodyPath}`);
      return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      return '';
    }
  }
  return literalOrVariable(source, scope.context, scope.stageVariables) ?? '';
}
