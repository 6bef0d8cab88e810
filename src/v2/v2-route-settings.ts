import { Annotations, Aspects, IResolvable, Lazy, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ThrottleOptions, limitsExceeded } from '../throttle/throttle';

/** A route of an HTTP or WebSocket API as its stages see it. */
export interface V2StageRoute {
  readonly routeKey: string;
  readonly throttle?: ThrottleOptions;
  readonly resource: apigwv2.CfnRoute;
}

/** What every route of a stage gets, unless the route sets its own limits. */
export interface V2DefaultRouteSettings {
  readonly throttlingRateLimit: number;
  readonly throttlingBurstLimit: number;
  readonly detailedMetricsEnabled: boolean;
  /** WebSocket stages only: the execution log level. */
  readonly loggingLevel?: string;
  /** WebSocket stages only: whether whole messages go to the execution log. */
  readonly dataTraceEnabled?: boolean;
}

/**
 * The stage's RouteSettings for the routes with limits of their own: each entry repeats the
 * stage's other settings, so a throttled route keeps its metrics and logs. The stage is made to
 * depend on those routes (settings name routes by key, which must exist first), and a route
 * asking for more than the stage allows is reported.
 */
export function throttledRouteSettings(
  stage: Construct, resource: apigwv2.CfnStage, routes: () => readonly V2StageRoute[], defaults: V2DefaultRouteSettings,
): IResolvable {
  const limits = { rateLimit: defaults.throttlingRateLimit, burstLimit: defaults.throttlingBurstLimit };
  Aspects.of(stage).add({
    visit: node => {
      if (node !== stage) return;
      for (const route of routes()) {
        if (!route.throttle) continue;
        resource.node.addDependency(route.resource);
        const reasons = limitsExceeded(route.throttle, limits, 'stage');
        if (reasons.length > 0) {
          Annotations.of(stage).addWarningV2('cdk-gateway-api:routeThrottleAboveLimit',
            `Route '${route.routeKey}' on stage ${resource.stageName}: ${reasons.join('; ')}. API Gateway applies the lower limit.`);
        }
      }
    },
  });
  return Lazy.any({
    produce: () => {
      const throttled = routes().filter(route => route.throttle);
      if (throttled.length === 0) return undefined;
      // A JSON property in CloudFormation's schema: its keys are written as the API expects them.
      return Object.fromEntries(throttled.map(route => [route.routeKey, {
        ThrottlingRateLimit: route.throttle!.rateLimit ?? limits.rateLimit,
        ThrottlingBurstLimit: route.throttle!.burstLimit ?? limits.burstLimit,
        DetailedMetricsEnabled: defaults.detailedMetricsEnabled,
        ...(defaults.loggingLevel !== undefined ? { LoggingLevel: defaults.loggingLevel } : {}),
        ...(defaults.dataTraceEnabled !== undefined ? { DataTraceEnabled: defaults.dataTraceEnabled } : {}),
      }]));
    },
  });
}
