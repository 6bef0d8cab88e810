import { GatewayError, RenderedResponse, gatewayResponse } from './gateway-responses';
import { httpProxy, httpWithTemplates } from './http-integrations';
import { Backends, lambdaProxy, nonProxyIntegration } from './integrations';
import { TemplateScope, integrationRequestBody, methodResponse } from './mapping';
import { ParsedRequest, header, requestContext } from './request-context';
import { Router } from './router';
import { validSchema } from './schema-validation';
import { LocalRestApi, LocalStage } from '../template/rest-api-reader';
import { InputParameters, UtilObject } from '../vtl/builtins';

/** What the caller brings besides the request: the API keys its world holds, and the IAM principal it signs as. */
export interface CallerSetting {
  readonly apiKeys: readonly string[];
  readonly iamPrincipal?: string;
}

const UTIL = new UtilObject();

/**
 * One request through a REST API's stage, in API Gateway's order: route, authorization, API
 * key, request validation, integration request, integration, integration response. Each
 * refusal is the gateway response API Gateway gives.
 */
export async function handleRestRequest(
  api: LocalRestApi, router: Router, stage: LocalStage, request: ParsedRequest, caller: CallerSetting, backends: Backends,
): Promise<RenderedResponse> {
  const match = router.match(request.method, request.path);
  const context = requestContext(request, match?.route, stage.name, api.logicalId);
  const refuse = (error: GatewayError) => gatewayResponse(api.definition, error, context, stage.variables);
  if (!match) return refuse({ type: 'MISSING_AUTHENTICATION_TOKEN', message: 'Missing Authentication Token' });
  const operation = match.route.operation;

  const denied = authorize(api.definition, operation, request, caller);
  if (denied) return refuse(denied);
  const params: InputParameters = { path: match.pathParameters, querystring: request.query, header: request.headers };
  const invalid = validate(api.definition, operation, request, params);
  if (invalid) return refuse(invalid);

  const integration = operation['x-amazon-apigateway-integration'];
  if (!integration) return refuse({ type: 'API_CONFIGURATION_ERROR', message: 'Internal server error' });
  const scope: TemplateScope = { context, requestParams: params, stageVariables: stage.variables, util: UTIL };
  const contentType = (header(request.headers, 'Content-Type') ?? 'application/json').split(';')[0].trim().toLowerCase();
  const type = String(integration.type).toLowerCase();
  if (type === 'aws_proxy') {
    const response = await lambdaProxy(api, backends, integration, request, match, stage, context, contentType);
    return 'type' in response ? refuse(response) : response;
  }
  if (type === 'http_proxy') {
    const response = await httpProxy(integration, request, params, scope, backends.origins);
    return 'type' in response ? refuse(response) : response;
  }
  const mapped = integrationRequestBody(integration, contentType, request.body, params, scope);
  if (typeof mapped !== 'string') return refuse(mapped);
  const result = type === 'http'
    ? await httpWithTemplates(integration, request, params, scope, mapped, backends.origins)
    : await nonProxyIntegration(integration, mapped, backends, `${match.route.method} ${match.route.resourcePath}`);
  if ('type' in result) return refuse(result);
  const response = methodResponse(integration, result, header(request.headers, 'Accept'), scope);
  return 'type' in response ? refuse(response) : response;
}

/**
 * The route's authorization and API key: IAM routes need a signed request (the caller's
 * `iamPrincipal`), API-key routes one of the caller's keys. Cognito and Lambda authorizers
 * are not run yet.
 */
function authorize(
  definition: { readonly [key: string]: any }, operation: { readonly [key: string]: any }, request: ParsedRequest, caller: CallerSetting,
): GatewayError | undefined {
  const schemes: { [name: string]: any } = definition.components?.securitySchemes ?? {};
  const required = (operation.security ?? definition.security ?? []).flatMap((entry: object) => Object.keys(entry));
  for (const name of required) {
    const scheme = schemes[name] ?? {};
    if (scheme['x-amazon-apigateway-authtype'] === 'awsSigv4') {
      if (caller.iamPrincipal === undefined) return { type: 'MISSING_AUTHENTICATION_TOKEN', message: 'Missing Authentication Token' };
    } else if (scheme.in === 'header' && String(scheme.name).toLowerCase() === 'x-api-key') {
      const key = header(request.headers, 'x-api-key');
      if (key === undefined || !caller.apiKeys.includes(key)) return { type: 'INVALID_API_KEY', message: 'Forbidden' };
    } else if (scheme['x-amazon-apigateway-authorizer']) {
      throw new Error(`LocalGateway: the route is authorized by ${name}, whose authorizer the local gateway does not run yet`);
    }
  }
  return undefined;
}

/** The request validator of the route (or the API's): required parameters, then the body's model. */
function validate(
  definition: { readonly [key: string]: any }, operation: { readonly [key: string]: any }, request: ParsedRequest, params: InputParameters,
): GatewayError | undefined {
  const name = operation['x-amazon-apigateway-request-validator'] ?? definition['x-amazon-apigateway-request-validator'];
  const validator = name === undefined ? undefined : definition['x-amazon-apigateway-request-validators']?.[name];
  if (!validator) return undefined;
  if (validator.validateRequestParameters) {
    const missing = (operation.parameters ?? []).filter((p: any) => p.required && !hasParameter(p, params)).map((p: any) => p.name);
    if (missing.length > 0) return { type: 'BAD_REQUEST_PARAMETERS', message: `Missing required request parameters: [${missing.join(', ')}]` };
  }
  const content = operation.requestBody?.content;
  if (validator.validateRequestBody && content) {
    const contentType = (header(request.headers, 'Content-Type') ?? 'application/json').split(';')[0].trim().toLowerCase();
    const schema = content[contentType]?.schema;
    if (schema !== undefined && !validBody(request.body, schema, definition)) return { type: 'BAD_REQUEST_BODY', message: 'Invalid request body' };
  }
  return undefined;
}

function hasParameter(parameter: { readonly name: string; readonly in: string }, params: InputParameters): boolean {
  switch (parameter.in) {
    case 'path': return params.path[parameter.name] !== undefined;
    case 'query': return params.querystring[parameter.name] !== undefined;
    default: return header(params.header, parameter.name) !== undefined;
  }
}

function validBody(body: string, schema: unknown, definition: { readonly [key: string]: any }): boolean {
  try {
    return validSchema(JSON.parse(body), schema, definition);
  } catch {
    return false;
  }
}

