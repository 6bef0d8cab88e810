import { Annotations, Lazy, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IApiKey } from './api-key';
import { QuotaOptions, checkQuota } from './quota';
import { propError, propProblem } from '../core/errors';
import { shortHash } from '../core/hash';
import { RouteKey, parseRouteKey } from '../core/route-key';
import { IGatewayStage, stageNameReference } from '../rest/gateway-stage';
import { ThrottleOptions, checkThrottle, limitsExceeded } from '../throttle/throttle';

/** Properties of a usage plan: one tier of access to one or more stages of one or more APIs. */
export interface UsagePlanProps {
  /**
   * The plan's name.
   *
   * @default - a name CloudFormation generates
   */
  readonly usagePlanName?: string;

  /**
   * A description of the plan.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * How many requests each key may make per day, week or month.
   *
   * @default - no quota
   */
  readonly quota?: QuotaOptions;

  /**
   * Request rate and burst allowed to each key, across the plan's stages.
   *
   * @default - no plan-wide throttling beyond the stages' own
   */
  readonly throttle?: ThrottleOptions;

  /**
   * Limits for single routes, by route key (`'GET /pets/{petId}'`), on every stage of the plan
   * whose API has the route.
   *
   * @default - none
   */
  readonly routeThrottles?: { [routeKey: string]: ThrottleOptions };

  /**
   * The stages the plan serves. More can be added with `addStage`.
   *
   * @default - none
   */
  readonly stages?: IGatewayStage[];

  /**
   * The API keys of the plan's clients. More can be added with `addApiKey`.
   *
   * @default - none
   */
  readonly apiKeys?: IApiKey[];
}

/** The plans each key belongs to: a key may serve a stage through one plan only. */
const plansOfKey = new WeakMap<IApiKey, UsagePlan[]>();

/**
 * A usage plan: a tier (free, pro ...) with a quota and throttling per API key, serving stages
 * of GatewayApis. Each key's binding takes its logical id from the key itself, so adding,
 * removing or reordering keys changes no other resource.
 *
 * ```ts
 * const pro = new UsagePlan(this, 'Pro', {
 *   stages: [api.defaultStage],
 *   quota: { limit: 1_000_000, period: QuotaPeriod.MONTH },
 *   throttle: { rateLimit: 100, burstLimit: 200 },
 * });
 * pro.addApiKey(new ApiKey(this, 'AcmeKey', { description: 'Acme Corp' }));
 * ```
 */
export class UsagePlan extends Construct {
  /** The UsagePlan resource. */
  public readonly cfnUsagePlan: apigw.CfnUsagePlan;
  /** The plan's id. */
  public readonly usagePlanId: string;

  private readonly stageList: IGatewayStage[] = [];
  private readonly keys: IApiKey[] = [];
  private readonly routeThrottles: { key: RouteKey; throttle: ThrottleOptions }[];

  constructor(scope: Construct, id: string, props: UsagePlanProps = {}) {
    super(scope, id);
    checkQuota(this, 'quota', props.quota);
    checkThrottle(this, 'throttle', props.throttle);
    this.routeThrottles = Object.entries(props.routeThrottles ?? {}).map(([routeKey, throttle]) => {
      const prop = `routeThrottles['${routeKey}']`;
      checkThrottle(this, prop, throttle);
      return { key: parseRouteKey(this, 'routeThrottles key', routeKey), throttle };
    });

    this.cfnUsagePlan = new apigw.CfnUsagePlan(this, 'Resource', {
      usagePlanName: props.usagePlanName,
      description: props.description,
      quota: props.quota && { limit: props.quota.limit, period: props.quota.period, offset: props.quota.offset ?? 0 },
      throttle: props.throttle && { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      apiStages: Lazy.any({ produce: () => this.stageList.map(stage => this.renderApiStage(stage)) }, { omitEmptyArray: true }),
    });
    this.usagePlanId = this.cfnUsagePlan.ref;
    for (const stage of props.stages ?? []) this.addStage(stage);
    for (const key of props.apiKeys ?? []) this.addApiKey(key);
    this.node.addValidation({ validate: () => this.validate() });
    this.warnAboutLimits(props);
  }

  /** Adds a stage the plan serves. */
  public addStage(stage: IGatewayStage): void {
    if (this.stageList.includes(stage)) {
      throw propError(this, 'stages', stage.node.path, 'each stage once per plan');
    }
    this.stageList.push(stage);
    stage.recordUsagePlan(this);
  }

  /** Adds a client's key to the plan. Its binding's logical id comes from the key's own path. */
  public addApiKey(key: IApiKey): void {
    if (this.keys.includes(key)) {
      throw propError(this, 'apiKeys', key.node.path, 'each key once per plan');
    }
    this.keys.push(key);
    plansOfKey.set(key, [...plansOfKey.get(key) ?? [], this]);
    new apigw.CfnUsagePlanKey(this, `Key${shortHash(key.node.path)}`, {
      keyId: key.apiKeyId,
      keyType: 'API_KEY',
      usagePlanId: this.usagePlanId,
    });
  }

  /** The stages the plan serves. */
  public get stages(): IGatewayStage[] {
    return [...this.stageList];
  }

  private renderApiStage(stage: IGatewayStage): apigw.CfnUsagePlan.ApiStageProperty {
    const throttles = this.routeThrottles.filter(({ key }) => servesRoute(stage, key));
    return {
      apiId: stage.restApi.restApiId,
      stage: stageNameReference(stage),
      throttle: throttles.length === 0 ? undefined : Object.fromEntries(throttles.map(({ key, throttle }) => [
        `${key.path}/${key.method}`,
        { rateLimit: throttle.rateLimit, burstLimit: throttle.burstLimit },
      ])),
    };
  }

  private validate(): string[] {
    const errors: string[] = [];
    for (const { key } of this.routeThrottles) {
      if (!this.stageList.some(stage => servesRoute(stage, key))) {
        const routes = this.stageList.flatMap(stage => stage.routeKeys());
        errors.push(propProblem(`routeThrottles['${key.key}']`, key.key,
          `a route of one of the plan's stages (${[...new Set(routes)].sort().join(', ') || (this.stageList.length === 0 ? 'the plan serves no stage' : 'its stages name no routes')})`));
      }
    }
    for (const key of this.keys) {
      for (const other of plansOfKey.get(key) ?? []) {
        const shared = other === this ? undefined : other.stageList.find(stage => this.stageList.includes(stage));
        if (shared) {
          errors.push(propProblem('apiKeys', key.node.path,
            `a key that no other plan serving stage ${shared.node.path} has (${other.node.path} has it); API Gateway allows one plan per key and stage`));
        }
      }
    }
    return errors;
  }

  private warnAboutLimits(props: UsagePlanProps): void {
    const plan = props.throttle;
    const warn = (message: string) => Annotations.of(this).addWarningV2('cdk-gateway-api:usagePlanThrottle', message);
    const excess = plan ? limitsExceeded(plan, undefined, 'plan') : [];
    if (excess.length > 0) warn(`throttle: ${excess.join('; ')}; the account's limit applies unless raised.`);
    for (const { key, throttle } of this.routeThrottles) {
      const routeExcess = limitsExceeded(throttle, plan, 'plan');
      if (routeExcess.length > 0) warn(`routeThrottles['${key.key}']: ${routeExcess.join('; ')}; the lower limit applies.`);
    }
  }
}

/** Whether the stage's API has the route. */
function servesRoute(stage: IGatewayStage, key: RouteKey): boolean {
  return stage.routeKeys().includes(key.key);
}
