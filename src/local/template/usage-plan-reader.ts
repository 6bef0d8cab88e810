import { TemplateJson, resolveIntrinsics } from './intrinsics';
import { LocalStage } from './rest-api-reader';

/** A rate and a burst, per second. */
export interface LocalThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/** A usage plan's terms for one stage: its throttle, its per-route throttles (`/orders/POST`), its quota. */
export interface LocalUsagePlan {
  readonly logicalId: string;
  readonly throttle?: LocalThrottle;
  readonly routeThrottles: { readonly [pathAndMethod: string]: LocalThrottle };
  readonly quota?: { readonly limit: number; readonly period: string; readonly offset: number };
}

/** An API key of the template: its value (when the template writes it, or the test names it), whether it is enabled, its plans for the stage. */
export interface LocalApiKey {
  readonly logicalId: string;
  readonly value?: string;
  readonly enabled: boolean;
  readonly plans: readonly LocalUsagePlan[];
}

/**
 * The template's API keys with the usage plans that serve a stage of an API. A key's value is
 * the template's own when it writes one in clear; a generated key, or one read from Secrets
 * Manager, has the value the test gives it (`values`, by logical id).
 */
export function readApiKeys(
  template: TemplateJson, apiLogicalId: string, stage: LocalStage, values: { readonly [logicalId: string]: string },
): LocalApiKey[] {
  const resources = template.Resources ?? {};
  const of = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, resolveIntrinsics(r.Properties ?? {}, template) as { [key: string]: any }] as const);
  const plans = new Map<string, LocalUsagePlan>();
  for (const [id, plan] of of('AWS::ApiGateway::UsagePlan')) {
    const apiStage = (plan.ApiStages ?? []).find((s: any) => s.ApiId === apiLogicalId && (s.Stage === stage.name || s.Stage === stage.logicalId));
    if (!apiStage) continue;
    plans.set(id, {
      logicalId: id,
      throttle: throttleOf(plan.Throttle),
      routeThrottles: Object.fromEntries(Object.entries<any>(apiStage.Throttle ?? {}).map(([route, t]) => [route, throttleOf(t)!])),
      quota: plan.Quota && {
        limit: Number(plan.Quota.Limit), period: String(plan.Quota.Period).toUpperCase(), offset: Number(plan.Quota.Offset ?? 0),
      },
    });
  }
  const planKeys = of('AWS::ApiGateway::UsagePlanKey');
  return of('AWS::ApiGateway::ApiKey').map(([id, key]) => {
    const written = typeof key.Value === 'string' && !key.Value.startsWith('{{resolve:') ? key.Value : undefined;
    return {
      logicalId: id,
      value: values[id] ?? written,
      enabled: key.Enabled !== false && key.Enabled !== 'false',
      plans: planKeys.filter(([, link]) => link.KeyId === id && plans.has(link.UsagePlanId)).map(([, link]) => plans.get(link.UsagePlanId)!),
    };
  });
}

function throttleOf(throttle: { [key: string]: unknown } | undefined): LocalThrottle | undefined {
  if (!throttle) return undefined;
  return { rateLimit: Number(throttle.RateLimit ?? 10000), burstLimit: Number(throttle.BurstLimit ?? 5000) };
}
