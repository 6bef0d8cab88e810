import { HttpLambdaAuthorizers, HttpRefusal, authorizeJwt } from './access/http-authorizers';
import { SigningCredential, verifySignature } from './access/iam-signatures';
import { LocalClock } from './gateway/clock';
import { RenderedResponse } from './gateway/gateway-responses';
import { HttpRequestScope, newScope } from './gateway/http-api-events';
import { HttpBackends, httpApiIntegration } from './gateway/http-api-integrations';
import { httpContextValue, mapResponse } from './gateway/http-api-mapping';
import { ParsedRequest, header } from './gateway/request-context';
import { Router } from './gateway/router';
import { TokenBuckets } from './gateway/token-bucket';
import { LocalHttpApi, LocalHttpRoute, LocalHttpStage } from './template/http-api-reader';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './template/intrinsics';

/** An HTTP API's stage ready to answer, with what it keeps between requests. */
export interface HttpRuntime {
  readonly api: LocalHttpApi;
  readonly stage: LocalHttpStage;
  readonly router: Router;
  readonly backends: HttpBackends;
  readonly lambdaAuthorizers: HttpLambdaAuthorizers;
  /** The keys JWTs are verified against: the gateway's own and the test's. */
  readonly tokenKeys: () => ReadonlyArray<{ readonly [key: string]: unknown }>;
  readonly credentials: { readonly [accessKeyId: string]: SigningCredential };
  readonly clock: LocalClock;
  readonly buckets: TokenBuckets;
}

/** The router of an HTTP API's route keys (`$default` apart). */
export function httpRouter(api: LocalHttpApi): Router {
  const paths: { [path: string]: { [method: string]: LocalHttpRoute } } = {};
  for (const route of api.routes) {
    const [method, path] = route.routeKey.split(' ');
    if (path === undefined) continue;
    paths[path] = { ...paths[path], [method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase()]: route };
  }
  return new Router(paths);
}

function refused(refusal: HttpRefusal, headers: { [name: string]: string } = {}): RenderedResponse {
  return { statusCode: refusal.statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ message: refusal.message }) };
}

/**
 * One request through an HTTP API's stage, as API Gateway answers it: a CORS preflight by the
 * API's CORS configuration; the most specific route of the method (or `$default`; 404 Not
 * Found); the stage's throttle for the route (429); the route's authorization (IAM, JWT, a
 * Lambda authorizer); the integration; the CORS headers of an allowed origin.
 */
export async function handleHttpRequest(runtime: HttpRuntime, request: ParsedRequest, iamPrincipal: string | undefined): Promise<RenderedResponse> {
  const { api, stage } = runtime;
  const cors = corsHeaders(api.cors, request);
  if (api.cors && request.method === 'OPTIONS' && header(request.headers, 'Access-Control-Request-Method') !== undefined) {
    return { statusCode: 204, headers: { ...cors, ...preflightHeaders(api.cors) }, body: '' };
  }
  const match = runtime.router.match(request.method, request.path, true);
  const route: LocalHttpRoute | undefined = match ? match.route.operation as LocalHttpRoute : api.routes.find(r => r.routeKey === '$default');
  if (!route) return refused({ statusCode: 404, message: 'Not Found' }, cors);
  const scope = newScope(api.logicalId, route.routeKey, stage.name, stage.variables, match?.pathParameters ?? {}, runtime.clock.now());

  const throttle = stage.routeThrottles[route.routeKey] ?? stage.defaultThrottle;
  if (throttle && !runtime.buckets.take(route.routeKey, throttle)) return refused({ statusCode: 429, message: 'Too Many Requests' }, cors);
  const denied = await authorize(runtime, route, request, scope, iamPrincipal);
  if (denied) return refused(denied, cors);
  if (!route.integration) return refused({ statusCode: 500, message: 'Internal Server Error' }, cors);
  const answer = await httpApiIntegration(route.integration, request, scope, runtime.backends);
  if ('refusal' in answer) return refused(answer.refusal, cors);
  const mapped = mapResponse(route.integration.ResponseParameters, answer, request, scope);
  return { ...mapped, headers: { ...mapped.headers, ...cors } };
}

/** The route's authorization; undefined when it admits, with what it learned in the scope. */
async function authorize(
  runtime: HttpRuntime, route: LocalHttpRoute, request: ParsedRequest, scope: HttpRequestScope, iamPrincipal: string | undefined,
): Promise<HttpRefusal | undefined> {
  const routeArn = `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${scope.apiId}/${scope.stage}/${request.method}${request.path}`;
  switch (route.authorizationType) {
    case 'AWS_IAM': {
      const principal = iamPrincipal ?? verifySignature(request, runtime.credentials, runtime.clock.now());
      if (typeof principal !== 'string') return { statusCode: 403, message: principal.type === 'MISSING_AUTHENTICATION_TOKEN' ? 'Forbidden' : String(principal.message) };
      scope.authorizer = { iam: { userArn: principal, caller: principal, user: principal, accountId: principal.split(':')[4] || LOCAL_ACCOUNT } };
      return undefined;
    }
    case 'JWT': {
      const admitted = authorizeJwt(route.authorizer ?? {}, route.scopes, request, runtime.tokenKeys(), runtime.clock.now());
      if ('statusCode' in admitted) return admitted as HttpRefusal;
      scope.authorizer = admitted;
      return undefined;
    }
    case 'CUSTOM': {
      const admitted = await runtime.lambdaAuthorizers.authorize(route.authorizer ?? {}, request, scope, routeArn,
        path => httpContextValue(path, request, scope));
      if ('statusCode' in admitted) return admitted as HttpRefusal;
      scope.authorizer = admitted;
      return undefined;
    }
    default: return undefined;
  }
}

/** The CORS headers of a request from an allowed origin (none for another origin, or without CORS). */
function corsHeaders(cors: { readonly [key: string]: any } | undefined, request: ParsedRequest): { [name: string]: string } {
  const origin = header(request.headers, 'Origin');
  if (!cors || origin === undefined) return {};
  const origins: string[] = cors.AllowOrigins ?? [];
  if (!origins.includes('*') && !origins.includes(origin)) return {};
  return {
    'access-control-allow-origin': origins.includes('*') && !cors.AllowCredentials ? '*' : origin,
    ...(cors.AllowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
    ...(cors.ExposeHeaders?.length ? { 'access-control-expose-headers': cors.ExposeHeaders.join(',') } : {}),
  };
}

function preflightHeaders(cors: { readonly [key: string]: any }): { [name: string]: string } {
  return {
    ...(cors.AllowMethods?.length ? { 'access-control-allow-methods': cors.AllowMethods.join(',') } : {}),
    ...(cors.AllowHeaders?.length ? { 'access-control-allow-headers': cors.AllowHeaders.join(',').toLowerCase() } : {}),
    ...(cors.MaxAge !== undefined ? { 'access-control-max-age': String(cors.MaxAge) } : {}),
  };
}
