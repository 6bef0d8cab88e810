import { Duration } from 'aws-cdk-lib';

/**
 * How one route is cached on the stages that have a cache. API Gateway caches GET routes on
 * such stages by default; other methods only when `enabled` is true.
 */
export interface RouteCacheOptions {
  /**
   * Whether the route's responses are cached on stages with a cache.
   *
   * @default - the stage's setting: on for GET (and ANY) routes of stages with a cache
   */
  readonly enabled?: boolean;

  /**
   * How long a cached response is served, 0 to 3600 seconds.
   *
   * @default - the stage cache's TTL
   */
  readonly ttl?: Duration;

  /**
   * The request parameters that tell cached responses apart, e.g.
   * `method.request.path.petId`, `method.request.querystring.page` or
   * `method.request.header.Authorization`. Query strings and headers named here are declared
   * on the route (optional unless `requestParameters` requires them).
   *
   * @default - none: one cached response per resource path
   */
  readonly keyParameters?: string[];
}

export const MAX_CACHE_TTL_SECONDS = 3600;
