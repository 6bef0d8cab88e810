import { IntegrationConfig } from '../integrations/integration-config';
import { IntegrationResponse } from '../integrations/options';
import { ApiModel, CorsModel, ParameterModel, RouteModel, ValidatorName } from '../model/api-model';
import { deriveOperationId } from '../model/operation-id';

type Json = { [key: string]: unknown };

const VALIDATORS: { [name in ValidatorName]: Json } = {
  'body-and-parameters': { validateRequestBody: true, validateRequestParameters: true },
  'body-only': { validateRequestBody: true, validateRequestParameters: false },
  'parameters-only': { validateRequestBody: false, validateRequestParameters: true },
  'none': { validateRequestBody: false, validateRequestParameters: false },
};

/** IAM authorization in OpenAPI: callers sign with SigV4. */
const SIGV4_SCHEME: Json = {
  'type': 'apiKey',
  'name': 'Authorization',
  'in': 'header',
  'x-amazon-apigateway-authtype': 'awsSigv4',
};

/** How the library's CORS preflight operations are told apart from the API's own routes. */
export const PREFLIGHT_SUMMARY = 'CORS preflight';

/** API keys in OpenAPI: API Gateway reads a requirement of `api_key` as "API key required". */
const API_KEY_SCHEME: Json = { type: 'apiKey', name: 'x-api-key', in: 'header' };

/**
 * Renders the API as one OpenAPI 3 document with API Gateway's `x-amazon-apigateway-*`
 * extensions: the `Body` of the RestApi. Paths and methods are sorted, so the body (and the
 * deployment that hashes it) changes only when the API does.
 */
export function renderOpenApiBody(api: ApiModel): Json {
  const paths: { [path: string]: Json } = {};
  const byPath = groupByPath(api.routes);
  for (const path of [...byPath.keys()].sort()) {
    const routes = byPath.get(path)!.sort((a, b) => a.key.method.localeCompare(b.key.method));
    const item: Json = {};
    for (const route of routes) item[operationKey(route.key.method)] = renderOperation(route, api.defaultValidator, api.cors);
    if (api.cors && !routes.some(r => r.key.method === 'OPTIONS')) {
      item.options = renderPreflight(api.cors, routes);
    }
    paths[path] = item;
  }
  // The API's validator is declared once at the top; a route names its own only when it differs.
  const rootValidator = api.defaultValidator === 'none' ? undefined : api.defaultValidator;
  const overrides = api.routes.map(r => r.validator).filter(v => v !== api.defaultValidator);
  const validators = [...new Set([...(rootValidator ? [rootValidator] : []), ...overrides])].sort();
  return omitEmpty({
    'openapi': '3.0.1',
    'info': omitEmpty({ title: api.title, description: api.description, version: '1.0' }),
    paths,
    'components': omitEmpty({
      schemas: api.schemas.size > 0
        ? Object.fromEntries([...api.schemas.entries()].sort(([a], [b]) => a.localeCompare(b)))
        : undefined,
      securitySchemes: omitEmpty({
        api_key: api.routes.some(r => r.apiKeyRequired) ? API_KEY_SCHEME : undefined,
        sigv4: api.routes.some(r => r.authorizationType === 'AWS_IAM') ? SIGV4_SCHEME : undefined,
        ...Object.fromEntries([...api.authorizers.entries()].sort(([a], [b]) => a.localeCompare(b))),
      }),
    }),
    'x-amazon-apigateway-api-key-source': api.apiKeySource,
    'x-amazon-apigateway-request-validator': rootValidator,
    'x-amazon-apigateway-request-validators': validators.length > 0
      ? Object.fromEntries(validators.map(v => [v, VALIDATORS[v]])) : undefined,
    'x-amazon-apigateway-gateway-responses': api.gatewayResponses.size > 0
      ? Object.fromEntries([...api.gatewayResponses.entries()].map(([type, r]) => [type, omitEmpty({
        statusCode: r.statusCode,
        responseParameters: prefixKeys('gatewayresponse.header.', r.headers),
        responseTemplates: r.templates,
      })]))
      : undefined,
  });
}

function renderOperation(route: RouteModel, defaultValidator: ValidatorName, cors: CorsModel | undefined): Json {
  const integration = cors ? withCorsHeaders(route.integration, cors) : route.integration;
  const cacheKeyParameters = route.cache.keyParameters.length > 0 ? [...route.cache.keyParameters].sort() : undefined;
  return omitEmpty({
    'operationId': route.operationId,
    'summary': route.summary,
    'parameters': route.parameters.map(renderParameter),
    'requestBody': route.requestBody && {
      required: true,
      content: {
        [route.requestBody.contentType]: { schema: { $ref: `#/components/schemas/${route.requestBody.modelName}` } },
      },
    },
    'responses': renderMethodResponses(integration),
    'security': renderSecurity(route),
    'x-amazon-apigateway-request-validator': route.validator === defaultValidator ? undefined : route.validator,
    'x-amazon-apigateway-integration': { ...renderIntegration(integration), ...omitEmpty({ cacheKeyParameters }) },
  });
}

/** One requirement: every scheme in it applies (IAM and an API key, when both). */
function renderSecurity(route: RouteModel): Json[] | undefined {
  const requirement: Json = {};
  if (route.apiKeyRequired) requirement.api_key = [];
  if (route.authorizationType === 'AWS_IAM') requirement.sigv4 = [];
  if (route.authorizer) requirement[route.authorizer.name] = route.authorizer.scopes;
  return Object.keys(requirement).length > 0 ? [requirement] : undefined;
}

function renderParameter(p: ParameterModel): Json {
  return { name: p.name, in: p.in, required: p.required, schema: { type: 'string' } };
}

/** Method responses: one per status code the integration can answer, with the headers it sets. */
function renderMethodResponses(integration: IntegrationConfig): Json {
  if (!integration.responses) return { 200: { description: 'The backend\'s response' } };
  const responses: Json = {};
  for (const r of integration.responses) {
    const existing = (responses[r.statusCode] ?? { description: `${r.statusCode} response` }) as Json;
    const headers = { ...(existing.headers as Json | undefined), ...responseHeaders(r) };
    responses[r.statusCode] = omitEmpty({ ...existing, headers });
  }
  return responses;
}

function responseHeaders(r: IntegrationResponse): Json {
  return Object.fromEntries(Object.keys(r.responseParameters ?? {})
    .map(p => [p.replace('method.response.header.', ''), { schema: { type: 'string' } }]));
}

function renderIntegration(c: IntegrationConfig): Json {
  return omitEmpty({
    type: c.type,
    httpMethod: c.method,
    uri: c.uri,
    connectionType: c.vpcLink ? 'VPC_LINK' : undefined,
    connectionId: c.vpcLink?.vpcLinkId,
    integrationTarget: c.integrationTarget,
    credentials: c.credentials,
    requestParameters: c.requestParameters,
    requestTemplates: c.requestTemplates,
    passthroughBehavior: c.passthroughBehavior?.toLowerCase(),
    contentHandling: c.contentHandling,
    timeoutInMillis: c.timeoutInMillis,
    responseTransferMode: c.responseTransferMode,
    responses: c.responses && Object.fromEntries(c.responses.map(r => [r.selectionPattern ?? 'default', omitEmpty({
      statusCode: r.statusCode,
      responseTemplates: r.responseTemplates,
      responseParameters: r.responseParameters,
      contentHandling: r.contentHandling,
    })])),
  });
}

/** The preflight: a mock integration that answers the CORS headers, open to anyone by design. */
function renderPreflight(cors: CorsModel, routes: RouteModel[]): Json {
  const status = String(cors.statusCode);
  const headers = preflightHeaders(cors, routes);
  const template = cors.allowOrigins.length > 1 ? originEchoTemplate(cors.allowOrigins) : undefined;
  const pathParameters = routes[0].parameters.filter(p => p.in === 'path');
  return omitEmpty({
    'operationId': deriveOperationId('OPTIONS', routes[0].key.path),
    'summary': PREFLIGHT_SUMMARY,
    'parameters': pathParameters.map(renderParameter),
    'responses': {
      [status]: {
        description: PREFLIGHT_SUMMARY,
        headers: Object.fromEntries(Object.keys(headers).map(h => [h, { schema: { type: 'string' } }])),
      },
    },
    'x-amazon-apigateway-integration': omitEmpty({
      type: 'mock',
      requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
      passthroughBehavior: 'when_no_match',
      responses: {
        default: omitEmpty({
          statusCode: status,
          responseParameters: prefixKeys('method.response.header.', headers),
          responseTemplates: template && { 'application/json': template },
        }),
      },
    }),
  });
}

/**
 * Responses that API Gateway builds (non-proxy integrations) carry the CORS headers too;
 * a proxy backend answers for itself. A header the user maps wins.
 */
function withCorsHeaders(integration: IntegrationConfig, cors: CorsModel): IntegrationConfig {
  if (!integration.responses) return integration;
  const headers = prefixKeys('method.response.header.', corsHeaders(cors));
  return {
    ...integration,
    responses: integration.responses.map(r => ({ ...r, responseParameters: { ...headers, ...r.responseParameters } })),
  };
}

/**
 * The CORS header values as API Gateway static values (single-quoted). With several origins,
 * only the preflight can pick the caller's origin; responses API Gateway builds itself name the first.
 */
export function corsHeaders(cors: CorsModel): { [header: string]: string } {
  const headers: { [header: string]: string } = { 'Access-Control-Allow-Origin': `'${cors.allowOrigins[0]}'` };
  if (cors.allowOrigins.length > 1) headers.Vary = "'Origin'";
  if (cors.allowCredentials) headers['Access-Control-Allow-Credentials'] = "'true'";
  if (cors.exposeHeaders?.length) headers['Access-Control-Expose-Headers'] = `'${cors.exposeHeaders.join(',')}'`;
  return headers;
}

function preflightHeaders(cors: CorsModel, routes: RouteModel[]): { [header: string]: string } {
  const methods = cors.allowMethods
    ?? (routes.some(r => r.key.method === 'ANY')
      ? ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
      : [...routes.map(r => r.key.method), 'OPTIONS'].sort());
  const headers = corsHeaders(cors);
  delete headers['Access-Control-Expose-Headers'];
  headers['Access-Control-Allow-Methods'] = `'${methods.join(',')}'`;
  headers['Access-Control-Allow-Headers'] = `'${cors.allowHeaders.join(',')}'`;
  if (cors.maxAgeSeconds !== undefined) headers['Access-Control-Max-Age'] = `'${cors.maxAgeSeconds}'`;
  return headers;
}

/** With several allowed origins, answer the caller's origin when it is one of them. */
function originEchoTemplate(origins: string[]): string {
  const condition = origins.map(o => `$origin == "${o}"`).join(' || ');
  return [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if("$!origin" == "")#set($origin = $input.params().header.get("origin"))#end',
    `#if(${condition})`,
    '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
  ].join('\n');
}

/** The key of a route's operation in the definition's path item (ANY has API Gateway's own). */
export function operationKey(method: string): string {
  return method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase();
}

function groupByPath(routes: RouteModel[]): Map<string, RouteModel[]> {
  const map = new Map<string, RouteModel[]>();
  for (const r of routes) map.set(r.key.path, [...(map.get(r.key.path) ?? []), r]);
  return map;
}

function prefixKeys(prefix: string, record: { [k: string]: string }): { [k: string]: string } {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Drops undefined values, empty objects and empty lists, so the body carries no noise. */
function omitEmpty(obj: Json): Json {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => {
    if (v === undefined) return false;
    if (Array.isArray(v)) return v.length > 0;
    if (v !== null && typeof v === 'object' && !isToken(v)) return Object.keys(v).length > 0;
    return true;
  }));
}

function isToken(v: object): boolean {
  // Tokens embedded as objects (IResolvable) carry a resolve method; never drop them.
  return typeof (v as { resolve?: unknown }).resolve === 'function';
}
