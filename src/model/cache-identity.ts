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
 * API Gateway does by default.
 */
export function routeCached(route: RouteModel): boolean {
  return route.cache.enabled ?? route.key.method === 'GET';
}
