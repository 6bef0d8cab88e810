import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { RouteModel } from '../model/api-model';
import { routeCached, routeStreamed } from '../model/cache-identity';
import { Limits } from '../throttle/throttle';

/** What a stage applies to every method unless a route says otherwise. */
export interface StageMethodDefaults {
  readonly loggingLevel: string;
  readonly dataTraceEnabled: boolean;
  readonly metricsEnabled: boolean;
  readonly throttle: Limits;
  /** The cache TTL, when the stage has a cache. */
  readonly cacheTtlSeconds?: number;
}

/**
 * The stage's method settings: one catch-all entry, and one per route that throttles or caches
 * differently. A route's entry repeats every stage setting it does not change, so logging,
 * metrics and encryption hold for it too (and for Control Tower's PR.1 and PR.3).
 * Caching is written out as off on stages without a cache: CloudFormation leaves it on when
 * the setting merely disappears (aws-cdk #32342).
 */
export function renderMethodSettings(stage: StageMethodDefaults, routes: readonly RouteModel[]): apigw.CfnStage.MethodSettingProperty[] {
  const catchAll = { httpMethod: '*', resourcePath: '/*', ...settings(stage, stage.throttle, true, stage.cacheTtlSeconds) };
  const overrides = routes
    .filter(route => route.throttle !== undefined || (stage.cacheTtlSeconds !== undefined && overridesCache(route)))
    .sort((a, b) => a.key.path.localeCompare(b.key.path) || a.key.method.localeCompare(b.key.method))
    .map(route => ({
      httpMethod: route.key.method === 'ANY' ? '*' : route.key.method,
      resourcePath: encodeResourcePath(route.key.path),
      ...settings(stage,
        { rateLimit: route.throttle?.rateLimit ?? stage.throttle.rateLimit, burstLimit: route.throttle?.burstLimit ?? stage.throttle.burstLimit },
        routeCached(route),
        route.cache.ttlSeconds ?? stage.cacheTtlSeconds),
    }));
  return [catchAll, ...overrides];
}

/** A route the catch-all's caching does not describe: its own cache settings, or a streamed route (never cached). */
function overridesCache(route: RouteModel): boolean {
  return route.cache.enabled !== undefined || route.cache.ttlSeconds !== undefined || routeStreamed(route);
}

function settings(stage: StageMethodDefaults, throttle: Limits, cached: boolean, ttlSeconds: number | undefined) {
  const cache = stage.cacheTtlSeconds === undefined
    ? { cachingEnabled: false }
    : { cachingEnabled: cached, cacheDataEncrypted: true, cacheTtlInSeconds: ttlSeconds };
  return {
    loggingLevel: stage.loggingLevel,
    dataTraceEnabled: stage.dataTraceEnabled,
    metricsEnabled: stage.metricsEnabled,
    throttlingRateLimit: throttle.rateLimit,
    throttlingBurstLimit: throttle.burstLimit,
    ...cache,
  };
}

/** `/pets/{petId}` is written `/~1pets~1{petId}`; the root stays `/`. */
export function encodeResourcePath(path: string): string {
  return path === '/' ? '/' : `/${path.replace(/\//g, '~1')}`;
}
