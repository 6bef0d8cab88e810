import { LocalClock } from './clock';
import { RenderedResponse } from './gateway-responses';
import { header } from './request-context';
import { RouteMatch } from './router';
import { LocalStage, methodSetting } from '../template/rest-api-reader';

/** A request as the cache keys it: its route, parameters and headers. */
export interface CacheableRequest {
  readonly match: RouteMatch;
  readonly query: { readonly [name: string]: string };
  readonly headers: { readonly [name: string]: string };
}

/**
 * The stage's response cache, as API Gateway keeps it: on a stage with a cache cluster, a route
 * whose method setting enables caching (GET routes under a setting for every method; another
 * method only by a setting of its own) keeps each successful response for the setting's TTL,
 * keyed on the route and the values of the integration's `cacheKeyParameters` (a path
 * parameter not among them shares one entry, as on AWS).
 */
export class ResponseCache {
  private readonly entries = new Map<string, { readonly expires: number; readonly response: RenderedResponse }>();

  constructor(private readonly stage: LocalStage, private readonly clock: LocalClock) {}

  /** The entry's key and TTL when the route is cached; undefined when it is not. */
  public keyOf(request: CacheableRequest): { key: string; ttlMs: number } | undefined {
    const { route, pathParameters } = request.match;
    if (!this.stage.cacheClusterEnabled) return undefined;
    const setting = methodSetting(this.stage, route.resourcePath, route.method);
    if (!setting?.cachingEnabled || setting.cacheTtlSeconds <= 0) return undefined;
    if (route.method !== 'GET' && setting.httpMethod !== route.method) return undefined;
    const parameters: string[] = route.operation['x-amazon-apigateway-integration']?.cacheKeyParameters ?? [];
    const values = parameters.map(parameter => {
      const [, location, name] = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(parameter) ?? [];
      const value = location === 'path' ? pathParameters[name] : location === 'querystring' ? request.query[name] : header(request.headers, name ?? '');
      return `${parameter}=${value ?? ''}`;
    });
    return { key: [route.method, route.resourcePath, ...values].join('\n'), ttlMs: setting.cacheTtlSeconds * 1000 };
  }

  public get(key: string): RenderedResponse | undefined {
    const entry = this.entries.get(key);
    return entry && entry.expires > this.clock.now() ? entry.response : undefined;
  }

  /** Keeps a response for the TTL: successful ones only. */
  public put(key: string, ttlMs: number, response: RenderedResponse): void {
    if (response.statusCode >= 200 && response.statusCode < 300) this.entries.set(key, { expires: this.clock.now() + ttlMs, response });
  }
}
