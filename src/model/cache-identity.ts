import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { RouteModel } from './api-model';

/**
 * Routes whose cached responses a cached stage would hand to every authorized caller: behind
 * authorization, cached, and with none of the caller's identity sources in the cache key.
 */
export function cachedWithoutIdentity(routes: readonly RouteModel[]): RouteModel[] {
  return routes.filter(route => route.authorizationType !== 'NONE'
    && routeCached(route)
    && !route.identitySources.some(source => route.cache.keyParameters.includes(source)));
}

/**
 * Whether a stage with a cache caches the route: as the route says, else GET routes only, as
 * API Gateway does by default; never a streamed route, which API Gateway cannot cache.
 */
export function routeCached(route: RouteModel): boolean {
  if (routeStreamed(route)) return false;
  return route.cache.enabled ?? route.key.method === 'GET';
}

/** Whether the route's response is streamed to the caller. */
export function routeStreamed(route: RouteModel): boolean {
  return route.integration.responseTransferMode === apigw.ResponseTransferMode.STREAM;
}
