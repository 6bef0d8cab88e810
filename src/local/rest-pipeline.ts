import { mayInvalidateCache } from './access/cache-invalidation';
import { Gatekeeper } from './access/gatekeeper';
import { Metering } from './access/usage-plans';
import { CanarySplit } from './gateway/canary-split';
import { GatewayError, RenderedResponse, gatewayResponse } from './gateway/gateway-responses';
import { httpProxy, httpWithTemplates } from './gateway/http-integrations';
import { Backends, isBinary, lambdaProxy, nonProxyIntegration } from './gateway/integrations';
import { TemplateScope, integrationRequestBody, methodResponse } from './gateway/mapping';
import { ParsedRequest, header, requestContext } from './gateway/request-context';
import { validateRequest } from './gateway/request-validation';
import { ResponseCache } from './gateway/response-cache';
import { RouteMatch, Router } from './gateway/router';
import { RoleGrant } from './template/iam-grants';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './template/intrinsics';
import { LocalRestApi, LocalStage } from './template/rest-api-reader';
import { InputParameters, UtilObject } from './vtl/builtins';
import { fromJson } from './vtl/java-values';

/** A REST API's stage ready to answer: its definition, routes, stage, backends and the state API Gateway keeps between requests. */
export interface RestRuntime {
  readonly api: LocalRestApi;
  readonly router: Router;
  readonly stage: LocalStage;
  readonly backends: Backends;
  readonly gatekeeper: Gatekeeper;
  readonly metering: Metering;
  readonly cache: ResponseCache;
  /** What the template's IAM policies allow its roles (who may invalidate cache entries). */
  readonly grants: readonly RoleGrant[];
  readonly logicalIdOf: (name: string) => string | undefined;
  readonly canary: CanarySplit;
}

const UTIL = new UtilObject();
/** API Gateway's payload limit: 10 MB. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/**
 * One request through a REST API's stage, in API Gateway's order: route, authorization, API
 * key and usage plan, request validation, the stage's cache, integration request, integration,
 * integration response. Each refusal is the gateway response API Gateway gives.
 *
 * @param iamPrincipal the principal the request is signed as
 * @param canary the side of the stage's canary the request asks for
 */
export async function handleRestRequest(
  runtime: RestRuntime, request: ParsedRequest, iamPrincipal: string | undefined, canary?: boolean,
): Promise<RenderedResponse> {
  const { api, router } = runtime;
  const stage = runtime.canary.stageFor(canary);
  const match = router.match(request.method, request.path);
  const context = requestContext(request, match?.route, stage.name, api.logicalId);
  const refuse = (error: GatewayError) => gatewayResponse(api.definition, error, context, stage.variables);
  // A binary body holds one character a byte (latin1); a text body is counted in UTF-8.
  const requestType = (header(request.headers, 'Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  const size = Buffer.byteLength(request.body, isBinary(requestType, api.binaryMediaTypes) ? 'latin1' : 'utf8');
  if (size > MAX_PAYLOAD_BYTES) return refuse({ type: 'REQUEST_TOO_LARGE', message: 'Request Too Long' });
  if (!match) return refuse({ type: 'MISSING_AUTHENTICATION_TOKEN', message: 'Missing Authentication Token' });
  const operation = match.route.operation;

  const methodArn = `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${api.logicalId}/${stage.name}/${request.method}${request.path}`;
  const admitted = await runtime.gatekeeper.admit({ request, match, stageVariables: stage.variables, context, methodArn }, iamPrincipal);
  if ('type' in admitted) return refuse(admitted);
  context.set('authorizer', fromJson(admitted.authorizer));
  const identity = context.get('identity') as Map<string, unknown>;
  for (const [name, value] of Object.entries(admitted.identity)) identity.set(name, value);
  const metered = runtime.metering.meter(match.route, admitted.apiKeyRequired, admitted.apiKey);
  if (metered) return refuse(metered);

  const params: InputParameters = { path: match.pathParameters, querystring: request.query, header: request.headers };
  const invalid = validateRequest(api.definition, operation, request, params);
  if (invalid) return refuse(invalid);

  // A canary's requests do not use the stage's cache (CanarySetting.UseStageCache is off).
  const key = stage === runtime.stage ? runtime.cache.keyOf({ match, query: request.query, headers: request.headers }) : undefined;
  if (!key) return integrate(runtime, stage, request, match, params, context, refuse);
  // `Cache-Control: max-age=0` refreshes the entry for a caller allowed to invalidate it, and is ignored for others.
  const refresh = /(^|,)\s*max-age\s*=\s*0\s*(,|$)/i.test(header(request.headers, 'Cache-Control') ?? '')
    && mayInvalidateCache(runtime.grants, admitted.identity.caller, methodArn, runtime.logicalIdOf);
  const hit = refresh ? undefined : runtime.cache.get(key.key);
  if (hit) return hit;
  const response = await integrate(runtime, stage, request, match, params, context, refuse);
  runtime.cache.put(key.key, key.ttlMs, response);
  return response;
}

/** The integration request, the integration, and the integration response. */
async function integrate(
  runtime: RestRuntime, stage: LocalStage, request: ParsedRequest, match: RouteMatch, params: InputParameters, context: Map<string, unknown>,
  refuse: (error: GatewayError) => RenderedResponse,
): Promise<RenderedResponse> {
  const { api, backends } = runtime;
  const integration = match.route.operation['x-amazon-apigateway-integration'];
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
    : await nonProxyIntegration(integration, request, params, scope, mapped, backends, `${match.route.method} ${match.route.resourcePath}`);
  if ('type' in result) return refuse(result);
  const response = methodResponse(integration, result, header(request.headers, 'Accept'), scope);
  return 'type' in response ? refuse(response) : response;
}
