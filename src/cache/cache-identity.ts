import { RouteModel } from '../model/api-model';
import { routeCached } from '../stage/method-settings';

/**
 * Routes whose cached responses a cached stage would hand to every authorized caller: behind
 * authorization, cached, and with none of the caller's identity sources in the cache key.
 */
export function cachedWithoutIdentity(routes: readonly RouteModel[]): RouteModel[] {
  return routes.filter(route => route.authorizationType !== 'NONE'
    && routeCached(route)
    && !route.identitySources.some(source => route.cache.keyParameters.includes(source)));
}
