import { Token } from 'aws-cdk-lib';
import { RouteModel } from '../model/api-model';
import { cachedWithoutIdentity, routeStreamed } from '../model/cache-identity';
import { LatencyAlarm } from '../observability/stage-alarms';
import { Limits, limitsExceeded } from '../throttle/throttle';

/** What a stage knows about itself when its routes are complete. */
export interface StageFacts {
  /** The stage's own throttling. */
  readonly limits: Limits;
  /** Whether the stage has a cache. */
  readonly cached: boolean;
  /** How many usage plans of the app serve the stage. */
  readonly usagePlans: number;
  /** The stage's latency alarms that are on. */
  readonly latencyAlarms: LatencyAlarm[];
}

/** A synth warning: its id (after `cdk-gateway-api:`) and message. */
export interface StageWarning {
  readonly id: string;
  readonly message: string;
}

/**
 * What the stage will not do as its routes are written: limits above what applies, cached
 * responses shared between callers, keys required where no plan can accept one.
 */
export function routeWarnings(prop: string, routes: readonly RouteModel[], stage: StageFacts): StageWarning[] {
  const warnings: StageWarning[] = [];
  const stageExcess = limitsExceeded(stage.limits, undefined, 'stage');
  if (stageExcess.length > 0) {
    warnings.push({ id: 'throttleAboveAccount', message: `${prop} throttling: ${stageExcess.join('; ')}; the account's limit applies unless raised.` });
  }
  for (const route of routes) {
    if (!route.throttle) continue;
    const excess = limitsExceeded(route.throttle, stage.limits, 'stage');
    if (excess.length > 0) {
      warnings.push({ id: 'routeThrottleAboveLimit', message: `routes['${route.key.key}'].throttle on ${prop}: ${excess.join('; ')}; the lower limit applies.` });
    }
  }
  const shared = stage.cached ? cachedWithoutIdentity(routes).map(r => r.key.key) : [];
  if (shared.length > 0) {
    warnings.push({
      id: 'cachedWithoutIdentity',
      message: `${prop} caches routes behind authorization without the caller's identity in the cache key, so every authorized caller `
        + `gets the same cached response: ${listed(shared)}. Where responses depend on the caller, add its identity source `
        + '(e.g. method.request.header.Authorization) to the route\'s cache.keyParameters, or set cache: { enabled: false }.',
    });
  }
  const keyed = routes.filter(r => r.apiKeyRequired).map(r => r.key.key);
  if (keyed.length > 0 && stage.usagePlans === 0) {
    warnings.push({
      id: 'apiKeyWithoutUsagePlan',
      message: `${prop} has routes that require an API key, but no usage plan of this app serves the stage, so API Gateway `
        + `refuses every call to them (403): ${listed(keyed)}. Add the stage to a UsagePlan.`,
    });
  }
  const streamed = routes.filter(routeStreamed);
  const longestStreamMs = Math.max(0, ...streamed.map(r => r.integration.timeoutInMillis ?? 0).filter(ms => !Token.isUnresolved(ms)));
  const counting = stage.latencyAlarms.filter(alarm => !Token.isUnresolved(alarm.thresholdMs) && alarm.thresholdMs < longestStreamMs);
  if (counting.length > 0) {
    warnings.push({
      id: 'latencyAlarmWithStreams',
      message: `${prop} has streamed routes, whose latency is the length of the whole stream: ${listed(streamed.map(r => r.key.key))}. `
        + `The stage's ${counting.map(a => `${a.prop} (${a.thresholdMs} ms)`).join(' and ')} will fire on long streams; set their thresholds `
        + `to at least ${longestStreamMs} ms (the longest stream's timeout), or enabled: false and watch timeToFirstContent in the access logs.`,
    });
  }
  return warnings;
}

/** Route keys for a message, at most ten of them. */
function listed(keys: string[]): string {
  return keys.length <= 10 ? keys.join(', ') : `${keys.slice(0, 10).join(', ')} and ${keys.length - 10} more`;
}

/**
 * Routes that pass S3 objects through an API without binary media types: API Gateway then
 * handles every payload as UTF-8 text, so images, archives and other binary objects come back
 * (or go in) corrupted. A listing is XML, text, and is not counted.
 */
export function textOnlyS3Objects(routes: readonly RouteModel[], binaryMediaTypes: string[] | undefined): StageWarning | undefined {
  if (binaryMediaTypes !== undefined && (Token.isUnresolved(binaryMediaTypes) || binaryMediaTypes.length > 0)) return undefined;
  const objects = routes.filter(route => isS3Object(route.integration.type, route.integration.uri ?? '')).map(route => route.key.key);
  if (objects.length === 0) return undefined;
  return {
    id: 's3ObjectsAsText',
    message: `Routes ${listed(objects)} pass S3 objects, but the API has no binaryMediaTypes: binary objects are handled as UTF-8 text and `
      + 'corrupted. Set binaryMediaTypes (e.g. [\'*/*\'] or the objects\' types) if any object is not text.',
  };
}

/** An AWS integration whose `s3:path/` URI names an object key. */
function isS3Object(type: string, uri: string): boolean {
  return type === 'aws' && uri.includes(':s3:path/') && uri.includes('{key}');
}
