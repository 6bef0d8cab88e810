import { LocalClock } from '../gateway/clock';
import { GatewayError } from '../gateway/gateway-responses';
import { LocalRoute } from '../gateway/router';
import { TokenBuckets } from '../gateway/token-bucket';
import { LocalStage, methodSetting } from '../template/rest-api-reader';
import { LocalApiKey, LocalUsagePlan } from '../template/usage-plan-reader';

const FORBIDDEN: GatewayError = { type: 'INVALID_API_KEY', message: 'Forbidden' };
const THROTTLED: GatewayError = { type: 'THROTTLED', message: 'Too Many Requests' };
const QUOTA_EXCEEDED: GatewayError = { type: 'QUOTA_EXCEEDED', message: 'Limit Exceeded' };
const DAY_MS = 86_400_000;

/**
 * API keys, usage plans and stage throttling, as API Gateway meters a request: a route that
 * requires a key admits only an enabled key of a usage plan serving the stage (403 otherwise);
 * the stage's method throttle holds for every caller of a route, the plan's throttle (or its
 * throttle for the route) for each key; the plan's quota counts each key's requests per day,
 * week or month (UTC, shifted by the plan's offset). Throttled requests are 429 Too Many
 * Requests, requests beyond the quota 429 Limit Exceeded.
 */
export class Metering {
  private readonly buckets: TokenBuckets;
  private readonly counts = new Map<string, { period: number; used: number }>();

  /**
   * @param keys the template's keys
   * @param outsideKeys values of keys made outside the template, which belong to no plan of it
   */
  constructor(
    private readonly stage: LocalStage, private readonly keys: readonly LocalApiKey[], private readonly outsideKeys: readonly string[],
    private readonly clock: LocalClock,
  ) {
    this.buckets = new TokenBuckets(clock);
  }

  public meter(route: LocalRoute, apiKeyRequired: boolean, apiKey: string | undefined): GatewayError | undefined {
    const routeId = `${route.resourcePath} ${route.method}`;
    let key: LocalApiKey | undefined;
    if (apiKeyRequired) {
      if (apiKey === undefined) return FORBIDDEN;
      key = this.keys.find(k => k.value === apiKey && k.enabled && k.plans.length > 0);
      if (!key && !this.outsideKeys.includes(apiKey)) return FORBIDDEN;
    }
    const stageThrottle = methodSetting(this.stage, route.resourcePath, route.method)?.throttle;
    if (stageThrottle && !this.buckets.take(`stage ${routeId}`, stageThrottle)) return THROTTLED;
    const plan = key?.plans[0];
    if (!key || !plan) return undefined;
    const own = plan.routeThrottles[`${route.resourcePath}/${route.method}`] ?? (route.method === 'ANY' ? plan.routeThrottles[`${route.resourcePath}/*`] : undefined);
    const throttle = own ?? plan.throttle;
    if (throttle && !this.buckets.take(`${plan.logicalId} ${key.logicalId} ${own ? routeId : '*'}`, throttle)) return THROTTLED;
    return this.count(plan, key) ? undefined : QUOTA_EXCEEDED;
  }

  /** Counts a request against the key's quota; false when the period's quota is used up. */
  private count(plan: LocalUsagePlan, key: LocalApiKey): boolean {
    if (!plan.quota) return true;
    const id = `${plan.logicalId} ${key.logicalId}`;
    const period = quotaPeriod(this.clock.now(), plan.quota.period, plan.quota.offset);
    const counted = this.counts.get(id);
    const used = counted && counted.period === period ? counted.used : 0;
    if (used >= plan.quota.limit) return false;
    this.counts.set(id, { period, used: used + 1 });
    return true;
  }
}

/** The number of the quota period a time falls in: days, weeks (from Sunday) or months, shifted by the offset in days. */
function quotaPeriod(nowMs: number, period: string, offsetDays: number): number {
  const day = Math.floor(nowMs / DAY_MS) - (period === 'DAY' ? 0 : offsetDays);
  if (period === 'DAY') return day;
  // The epoch's first day was a Thursday: four days after a Sunday.
  if (period === 'WEEK') return Math.floor((day + 4) / 7);
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}
