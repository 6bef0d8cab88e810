import { literalOrVariable } from './request-context';
import { VtlTemplate } from '../vtl/evaluator';
import { fromJson } from '../vtl/java-values';

/** The responses API Gateway answers itself, by type, with their default status codes. */
const DEFAULT_STATUS: { readonly [type: string]: number } = {
  MISSING_AUTHENTICATION_TOKEN: 403,
  RESOURCE_NOT_FOUND: 404,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BAD_REQUEST_PARAMETERS: 400,
  BAD_REQUEST_BODY: 400,
  UNAUTHORIZED: 401,
  ACCESS_DENIED: 403,
  INVALID_API_KEY: 403,
  INVALID_SIGNATURE: 403,
  THROTTLED: 429,
  QUOTA_EXCEEDED: 429,
  REQUEST_TOO_LARGE: 413,
  INTEGRATION_FAILURE: 504,
  INTEGRATION_TIMEOUT: 504,
  API_CONFIGURATION_ERROR: 500,
  AUTHORIZER_CONFIGURATION_ERROR: 500,
  AUTHORIZER_FAILURE: 500,
};

const DEFAULT_TEMPLATE = '{"message":$context.error.messageString}';

/** A response API Gateway gives itself: its type and the message `$context.error.message` carries. */
export interface GatewayError {
  readonly type: string;
  /** Null where API Gateway's message is (a misconfigured authorizer's). */
  readonly message: string | null;
  /** The status, where it is not the type's default (a bad Lambda proxy answer is DEFAULT_5XX's 502). */
  readonly statusCode?: number;
}

export interface RenderedResponse {
  readonly statusCode: number;
  readonly headers: { [name: string]: string };
  readonly body: string;
  /** Whether the body is the base64 encoding of binary content the client gets as bytes. */
  readonly base64?: boolean;
}

/**
 * The gateway's own answer to an error, as the definition's `x-amazon-apigateway-gateway-responses`
 * customize it (the type's own entry, else DEFAULT_4XX or DEFAULT_5XX), else AWS's default.
 */
export function gatewayResponse(
  definition: { readonly [key: string]: any }, error: GatewayError, context: Map<string, unknown>,
  stageVariables: { readonly [name: string]: string },
): RenderedResponse {
  const status = error.statusCode ?? DEFAULT_STATUS[error.type] ?? 500;
  const custom = definition['x-amazon-apigateway-gateway-responses'] ?? {};
  const entry = custom[error.type] ?? custom[status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX'] ?? {};
  const errorMap = new Map<string, unknown>([
    ['message', error.message],
    ['messageString', JSON.stringify(error.message)],
    ['responseType', error.type],
  ]);
  context.set('error', errorMap);
  const variables = new Map<string, unknown>([['context', context], ['stageVariables', fromJson(stageVariables)]]);
  const templates: { [type: string]: string } = entry.responseTemplates ?? {};
  const contentType = templates['application/json'] !== undefined ? 'application/json' : Object.keys(templates)[0] ?? 'application/json';
  // API Gateway's own ACCESS_DENIED body (an authorizer's deny) capitalizes its field, unlike its other defaults.
  const fallback = error.type === 'ACCESS_DENIED' ? '{"Message":$context.error.messageString}' : DEFAULT_TEMPLATE;
  const body = VtlTemplate.of(templates[contentType] ?? fallback).render(variables);
  const headers: { [name: string]: string } = { 'Content-Type': contentType, 'x-amzn-ErrorType': errorTypeHeader(error.type) };
  for (const [parameter, source] of Object.entries<string>(entry.responseParameters ?? {})) {
    const name = /^gatewayresponse\.header\.(.+)$/.exec(parameter)?.[1];
    if (name) headers[name] = staticOrContext(source, context, stageVariables);
  }
  return { statusCode: Number(entry.statusCode ?? status), headers, body };
}

/** A gateway response header's value: a quoted literal, or a context or stage variable. */
function staticOrContext(source: string, context: Map<string, unknown>, stageVariables: { readonly [name: string]: string }): string {
  return literalOrVariable(source, context, stageVariables) ?? '';
}

function errorTypeHeader(type: string): string {
  return {
    MISSING_AUTHENTICATION_TOKEN: 'MissingAuthenticationTokenException',
    UNAUTHORIZED: 'UnauthorizedException',
    ACCESS_DENIED: 'AccessDeniedException',
    AUTHORIZER_CONFIGURATION_ERROR: 'AuthorizerConfigurationException',
    AUTHORIZER_FAILURE: 'AuthorizerConfigurationException',
    THROTTLED: 'TooManyRequestsException',
    QUOTA_EXCEEDED: 'LimitExceededException',
    INVALID_API_KEY: 'ForbiddenException',
    INVALID_SIGNATURE: 'InvalidSignatureException',
    BAD_REQUEST_BODY: 'BadRequestException',
    BAD_REQUEST_PARAMETERS: 'BadRequestException',
  }[type] ?? 'ApiGatewayException';
}
