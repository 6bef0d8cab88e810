import { Duration, Stack, aws_apigateway as apigw } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { Backends } from './backends';
import { ComplianceName, Throttle, V2StageSpec, complianceArb, optional, stageNamesArb, throttleArb, v2StageFieldArbs, v2StageOptions } from './common-specs';
import { BuiltApi } from './rest-build';
import {
  Compliance, GatewayWebSocketApi, WebSocketAuthorization, WebSocketAuthorizer, WebSocketIntegration, WebSocketRouteOptions,
} from '../../src';

/** A WebSocket API configuration as plain data (see `rest-spec.ts` for why). */
export interface WebSocketSpec {
  readonly compliance: ComplianceName;
  readonly description?: string;
  readonly routeSelectionExpression?: string;
  readonly connect?: { readonly authorization: 'iam' | 'lambda'; readonly integration?: boolean; readonly throttle?: Throttle };
  readonly disconnect?: boolean;
  readonly connectionsTable?: { readonly timeToLiveHours?: number };
  readonly dashboard?: boolean;
  readonly stages: WebSocketStageSpec[];
  readonly routes: WebSocketRouteSpec[];
}

/** A WebSocket stage: the options HTTP stages have, and execution logs. */
export interface WebSocketStageSpec extends V2StageSpec {
  readonly name: string;
  readonly loggingLevel?: 'INFO' | 'ERROR';
}

export interface WebSocketRouteSpec {
  readonly key: string;
  readonly integration: { readonly kind: 'lambda' | 'url' | 'sqs'; readonly timeoutMillis?: number };
  readonly returnResponse?: boolean;
  readonly throttle?: Throttle;
}

const routeArb: fc.Arbitrary<WebSocketRouteSpec> = fc.record({
  key: fc.oneof(fc.constant('$default'), fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_.:-]{0,20}$/)),
  integration: fc.record({
    kind: fc.constantFrom<WebSocketRouteSpec['integration']['kind']>('lambda', 'url', 'sqs'),
    timeoutMillis: optional(fc.integer({ min: 50, max: 29_000 })),
  }, { requiredKeys: ['kind'] }),
  returnResponse: optional(fc.boolean()),
  throttle: optional(throttleArb),
}, { requiredKeys: ['key', 'integration'] });

const stageArb = (name: string): fc.Arbitrary<WebSocketStageSpec> => fc.record({
  name: fc.constant(name),
  loggingLevel: optional(fc.constantFrom<'INFO' | 'ERROR'>('INFO', 'ERROR')),
  ...v2StageFieldArbs,
}, { requiredKeys: ['name'] });

export const webSocketSpecArb: fc.Arbitrary<WebSocketSpec> = fc.record({
  compliance: complianceArb,
  description: optional(fc.string({ maxLength: 60 })),
  routeSelectionExpression: optional(fc.constantFrom('$request.body.action', '$request.body.message.type', '${request.body.action}')),
  connect: optional(fc.record({
    authorization: fc.constantFrom<'iam' | 'lambda'>('iam', 'lambda'),
    integration: optional(fc.boolean()),
    throttle: optional(throttleArb),
  }, { requiredKeys: ['authorization'] })),
  disconnect: optional(fc.boolean()),
  connectionsTable: optional(fc.record({ timeToLiveHours: optional(fc.integer({ min: 2, max: 24 * 7 })) })),
  dashboard: optional(fc.boolean()),
  stages: stageNamesArb.chain(names => fc.tuple(...names.map(stageArb)).map(stages => [...stages])),
  routes: fc.uniqueArray(routeArb, { minLength: 1, maxLength: 5, selector: r => r.key }),
}, { requiredKeys: ['compliance', 'stages', 'routes'] }).map(spec => spec.connectionsTable ? spec : {
  // Without the connections table, $connect needs an integration of its own.
  ...spec, connect: { authorization: 'iam' as const, ...spec.connect, integration: true },
});

/** Builds the spec's WebSocket API in the stack. */
export function buildWebSocketApi(stack: Stack, spec: WebSocketSpec): BuiltApi<GatewayWebSocketApi> {
  const backends = new Backends(stack);
  const integration = (kind: WebSocketRouteSpec['integration']['kind'], timeoutMillis?: number): WebSocketIntegration => {
    const timeout = timeoutMillis === undefined ? undefined : Duration.millis(timeoutMillis);
    switch (kind) {
      case 'lambda': return WebSocketIntegration.lambda(backends.function(), { timeout });
      case 'url': return WebSocketIntegration.url('https://backend.example.com/messages', { timeout });
      case 'sqs': return WebSocketIntegration.sqsSendMessage(backends.queue);
    }
  };
  const routes: { [key: string]: WebSocketRouteOptions } = {};
  for (const route of spec.routes) {
    routes[route.key] = {
      integration: integration(route.integration.kind, route.integration.timeoutMillis),
      returnResponse: route.returnResponse,
      throttle: route.throttle,
    };
  }
  const connect = spec.connect;
  const api = new GatewayWebSocketApi(stack, 'Ws', {
    compliance: Compliance[spec.compliance],
    description: spec.description,
    routeSelectionExpression: spec.routeSelectionExpression,
    connect: connect && {
      authorization: connect.authorization === 'iam' ? WebSocketAuthorization.iam()
        : WebSocketAuthorization.authorizer(WebSocketAuthorizer.lambda(backends.function('Authorizer'), { identitySources: ['route.request.querystring.token'] })),
      integration: connect.integration ? integration('lambda') : undefined,
      throttle: connect.throttle,
    },
    disconnect: spec.disconnect ? { integration: integration('lambda') } : undefined,
    connectionsTable: spec.connectionsTable && {
      timeToLive: spec.connectionsTable.timeToLiveHours === undefined ? undefined : Duration.hours(spec.connectionsTable.timeToLiveHours),
    },
    dashboard: spec.dashboard,
    stages: spec.stages.map(stage => ({
      ...v2StageOptions(stage),
      loggingLevel: stage.loggingLevel && apigw.MethodLoggingLevel[stage.loggingLevel],
    })),
    routes,
  });
  return { api, backends: backends.constructs };
}
