import { Duration, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { Backends } from './backends';
import { ComplianceName, Throttle, V2StageSpec, complianceArb, optional, pathArb, stageNamesArb, throttleArb, v2StageFieldArbs, v2StageOptions } from './common-specs';
import { BuiltApi } from './rest-build';
import { Compliance, GatewayHttpApi, HttpAuthorization, HttpAuthorizer, HttpIntegration, HttpRouteOptions } from '../../src';

/** An HTTP API configuration as plain data (see `rest-spec.ts` for why). */
export interface HttpSpec {
  readonly compliance: ComplianceName;
  readonly description?: string;
  readonly defaultAuthorization?: HttpAuthorizationKind;
  readonly cors?: { readonly allowOrigins: string[]; readonly maxAgeSeconds?: number };
  readonly disableExecuteApiEndpoint?: boolean;
  readonly dashboard?: boolean;
  readonly stages: V2StageSpec[];
  readonly routes: HttpRouteSpec[];
}

type HttpAuthorizationKind = 'iam' | 'jwt' | 'cognito' | 'lambda';

export interface HttpRouteSpec {
  /** A route key, or `$default`. */
  readonly key: string;
  readonly integration: { readonly kind: 'lambda' | 'url' | 'sqs' | 'stepFunctions' | 'eventBridge'; readonly timeoutMillis?: number };
  readonly authorization?: HttpAuthorizationKind;
  readonly scopes?: string[];
  readonly throttle?: Throttle;
}

const authorizationArb = fc.constantFrom<HttpAuthorizationKind>('iam', 'jwt', 'cognito', 'lambda');

const routeArb: fc.Arbitrary<HttpRouteSpec> = fc.record({
  key: fc.oneof(
    { weight: 1, arbitrary: fc.constant('$default') },
    { weight: 9, arbitrary: fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'), pathArb).map(([m, p]) => `${m} ${p}`) },
  ),
  integration: fc.record({
    kind: fc.constantFrom<HttpRouteSpec['integration']['kind']>('lambda', 'url', 'sqs', 'stepFunctions', 'eventBridge'),
    timeoutMillis: optional(fc.integer({ min: 50, max: 30_000 })),
  }, { requiredKeys: ['kind'] }),
  authorization: optional(authorizationArb),
  scopes: optional(fc.uniqueArray(fc.constantFrom('items/read', 'items/write'), { minLength: 1 })),
  throttle: optional(throttleArb),
}, { requiredKeys: ['key', 'integration'] });

const stageArb = (name: string | undefined): fc.Arbitrary<V2StageSpec> =>
  fc.record({ name: fc.constant(name), ...v2StageFieldArbs }, { requiredKeys: ['name'] });

export const httpSpecArb: fc.Arbitrary<HttpSpec> = fc.record({
  compliance: complianceArb,
  description: optional(fc.string({ maxLength: 60 })),
  defaultAuthorization: optional(authorizationArb),
  cors: optional(fc.record({
    allowOrigins: fc.oneof(fc.constant<string[]>(['*']), fc.uniqueArray(fc.constantFrom('https://app.example.com', 'http://localhost:3000'), { minLength: 1 })),
    maxAgeSeconds: optional(fc.integer({ min: 0, max: 86_400 })),
  }, { requiredKeys: ['allowOrigins'] })),
  disableExecuteApiEndpoint: optional(fc.boolean()),
  dashboard: optional(fc.boolean()),
  // The first stage is `$default` when unnamed.
  stages: fc.tuple(fc.boolean(), stageNamesArb).chain(([firstDefault, names]) =>
    fc.tuple(...(firstDefault ? [undefined, ...names.slice(1)] : names).map(stageArb)).map(stages => [...stages])),
  routes: fc.uniqueArray(routeArb, { minLength: 1, maxLength: 6, selector: r => r.key }),
}, { requiredKeys: ['compliance', 'stages', 'routes'] });

/** Builds the spec's HTTP API in the stack. */
export function buildHttpApi(stack: Stack, spec: HttpSpec): BuiltApi<GatewayHttpApi> {
  const backends = new Backends(stack);
  const authorizers = new Map<HttpAuthorizationKind, HttpAuthorizer>();
  const authorizer = (kind: Exclude<HttpAuthorizationKind, 'iam'>): HttpAuthorizer => {
    if (!authorizers.has(kind)) {
      authorizers.set(kind, kind === 'jwt' ? HttpAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['items'] })
        : kind === 'cognito' ? HttpAuthorizer.cognito({ userPool: backends.userPool, clients: [backends.userPoolClient] })
          : HttpAuthorizer.lambda(backends.function('Authorizer'), { identitySources: ['$request.header.Authorization'] }));
    }
    return authorizers.get(kind)!;
  };
  const authorization = (kind: HttpAuthorizationKind | undefined, scopes?: string[]) =>
    kind === undefined ? undefined : kind === 'iam' ? HttpAuthorization.iam()
      : HttpAuthorization.authorizer(authorizer(kind), kind === 'lambda' ? undefined : scopes);

  const routes: { [key: string]: HttpRouteOptions } = {};
  for (const route of spec.routes) {
    routes[route.key] = {
      integration: httpIntegration(route.integration.kind, route.integration.timeoutMillis, backends),
      authorization: authorization(route.authorization, route.scopes),
      throttle: route.throttle,
    };
  }
  const api = new GatewayHttpApi(stack, 'Http', {
    compliance: Compliance[spec.compliance],
    description: spec.description,
    defaultAuthorization: authorization(spec.defaultAuthorization),
    cors: spec.cors && {
      allowOrigins: spec.cors.allowOrigins,
      maxAge: spec.cors.maxAgeSeconds === undefined ? undefined : Duration.seconds(spec.cors.maxAgeSeconds),
    },
    disableExecuteApiEndpoint: spec.disableExecuteApiEndpoint,
    dashboard: spec.dashboard,
    stages: spec.stages.map(v2StageOptions),
    routes,
  });
  return { api, backends: backends.constructs };
}

function httpIntegration(kind: HttpRouteSpec['integration']['kind'], timeoutMillis: number | undefined, backends: Backends): HttpIntegration {
  const timeout = timeoutMillis === undefined ? undefined : Duration.millis(timeoutMillis);
  switch (kind) {
    case 'lambda': return HttpIntegration.lambda(backends.function(), { timeout });
    case 'url': return HttpIntegration.url('https://backend.example.com/items', { timeout });
    case 'sqs': return HttpIntegration.sqsSendMessage(backends.queue);
    case 'stepFunctions': return HttpIntegration.stepFunctionsStartExecution(backends.stateMachine);
    case 'eventBridge': return HttpIntegration.eventBridgePutEvents(backends.eventBus, { source: 'items.api', detailType: 'ItemChanged' });
  }
}
