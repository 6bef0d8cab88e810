import * as fc from 'fast-check';
import { ComplianceName, Throttle, complianceArb, optional, pathArb, stageNamesArb, retentionDaysArb, stageVariablesArb, throttleArb } from './common-specs';

/**
 * A REST API configuration as plain data: fast-check shrinks it and prints it when a property
 * fails, and `rest-build.ts` turns it into GatewayApi props. Every value here is one the
 * library's documentation allows, and none weakens a compliance default on purpose (no open
 * route, no stage without tracing or logs): the property is that such configurations synthesize
 * clean.
 */
export interface RestSpec {
  readonly compliance: ComplianceName;
  /** Where the stack is: no environment, or an account and region. */
  readonly region?: 'us-east-1' | 'eu-west-1';
  readonly endpoint: 'REGIONAL' | 'EDGE' | 'PRIVATE';
  readonly webAcl?: boolean;
  readonly clientCertificate?: boolean;
  readonly apiName?: string;
  readonly description?: string;
  readonly apiKeySource?: 'HEADER' | 'AUTHORIZER';
  /** The API's default for routes that say nothing (`default` in a route). */
  readonly defaultAuthorization?: 'iam' | 'cognito' | 'token' | 'request';
  readonly apiKeyRequired?: boolean;
  readonly requestValidation?: 'BODY_AND_PARAMETERS';
  readonly cors?: CorsSpec;
  readonly jsonErrorResponses?: boolean;
  readonly gatewayResponses: GatewayResponseSpec[];
  readonly binaryMediaTypes?: string[];
  readonly minCompressionBytes?: number;
  readonly deploymentHistory?: number;
  /** The definition goes to S3 and a custom resource imports it (as it does past the inline size limit). */
  readonly externalDefinition?: boolean;
  readonly resourcePolicy?: ResourcePolicySpec;
  readonly domain?: DomainSpec;
  readonly dashboard?: boolean;
  readonly stages: StageSpec[];
  readonly routes: RouteSpec[];
  readonly usagePlan?: UsagePlanSpec;
}

export interface CorsSpec {
  readonly allowOrigins: string[];
  readonly allowCredentials?: boolean;
  readonly allowHeaders?: string[];
  readonly maxAgeSeconds?: number;
}

export interface GatewayResponseSpec {
  readonly type: 'DEFAULT_4XX' | 'DEFAULT_5XX' | 'UNAUTHORIZED' | 'ACCESS_DENIED' | 'THROTTLED' | 'BAD_REQUEST_BODY';
  readonly statusCode?: string;
  readonly header?: boolean;
}

export interface ResourcePolicySpec {
  readonly allowSourceIps?: string[];
  readonly denySourceIps?: string[];
  readonly allowAccounts?: string[];
}

export interface DomainSpec {
  readonly endpoint: 'REGIONAL' | 'EDGE';
  /** Base paths of the mapped stages, by stage position; `undefined` maps that stage at the root. */
  readonly basePaths: (string | undefined)[];
}

export interface StageSpec {
  readonly name: string;
  readonly description?: string;
  readonly variables?: { [name: string]: string };
  readonly loggingLevel?: 'INFO' | 'ERROR';
  readonly detailedMetrics?: boolean;
  readonly throttle?: Throttle;
  readonly cache?: { readonly clusterSize?: string; readonly ttlSeconds?: number };
  readonly accessLogRetentionDays?: 7 | 30 | 365;
  /** The library's JSON with extra `$context` fields, or the Common Log Format. */
  readonly accessLogFormat?: { [field: string]: string } | 'clf';
  readonly alarms?: 'off' | 'tuned';
  readonly urlOutput?: boolean;
}

export type IntegrationKind = 'mock' | 'url' | 'urlWithTemplates' | 'lambda' | 'lambdaWithTemplates' | 'sqs' | 'sns'
| 'dynamoDbGetItem' | 'dynamoDbPutItem' | 'dynamoDbQuery' | 'stepFunctions';

export interface RouteSpec {
  readonly method: string;
  readonly path: string;
  readonly integration: { readonly kind: IntegrationKind; readonly timeoutMillis?: number };
  readonly authorization: 'default' | 'iam' | 'cognito' | 'token' | 'request';
  readonly scopes?: string[];
  readonly apiKeyRequired?: boolean;
  readonly queryParameters: { [name: string]: boolean };
  readonly body?: boolean;
  readonly throttle?: Throttle;
  readonly cacheTtlSeconds?: number;
  readonly summary?: string;
}

export interface UsagePlanSpec {
  readonly quota?: { readonly limit: number; readonly period: 'DAY' | 'WEEK' | 'MONTH' };
  readonly throttle?: Throttle;
  readonly apiKey: boolean;
}

/** The standards whose packs require a web ACL on every stage (GatewayApi makes one by default). */
export const WEB_ACL_REQUIRED: readonly RestSpec['compliance'][] = ['NIST_800_53_R5', 'PCI_DSS_321'];

const routeArb: fc.Arbitrary<RouteSpec> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'),
  path: pathArb,
  integration: fc.record({
    kind: fc.constantFrom<IntegrationKind>('mock', 'url', 'urlWithTemplates', 'lambda', 'lambdaWithTemplates', 'sqs', 'sns',
      'dynamoDbGetItem', 'dynamoDbPutItem', 'dynamoDbQuery', 'stepFunctions'),
    timeoutMillis: optional(fc.integer({ min: 50, max: 29_000 })),
  }, { requiredKeys: ['kind'] }),
  authorization: fc.constantFrom<RouteSpec['authorization']>('default', 'iam', 'cognito', 'token', 'request'),
  scopes: optional(fc.uniqueArray(fc.constantFrom('orders/read', 'orders/write', 'email'), { minLength: 1 })),
  apiKeyRequired: optional(fc.boolean()),
  queryParameters: fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/), fc.boolean(), { maxKeys: 2 }),
  body: optional(fc.boolean()),
  throttle: optional(throttleArb),
  cacheTtlSeconds: optional(fc.integer({ min: 0, max: 3600 })),
  summary: optional(fc.string({ maxLength: 30 })),
}, { requiredKeys: ['method', 'path', 'integration', 'authorization', 'queryParameters'] });

const stageArb = (name: string): fc.Arbitrary<StageSpec> => fc.record({
  name: fc.constant(name),
  description: optional(fc.string({ maxLength: 40 })),
  variables: optional(stageVariablesArb),
  loggingLevel: optional(fc.constantFrom<'INFO' | 'ERROR'>('INFO', 'ERROR')),
  detailedMetrics: optional(fc.boolean()),
  throttle: optional(throttleArb),
  cache: optional(fc.record({
    clusterSize: optional(fc.constantFrom('0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237')),
    ttlSeconds: optional(fc.integer({ min: 0, max: 3600 })),
  })),
  accessLogRetentionDays: optional(retentionDaysArb),
  accessLogFormat: optional(fc.oneof(
    fc.constant<'clf'>('clf'),
    fc.dictionary(fc.stringMatching(/^[a-zA-Z0-9_.-]{1,20}$/), fc.constantFrom('$context.domainName', '$context.identity.userAgent', '$context.wafResponseCode')),
  )),
  alarms: optional(fc.constantFrom<'off' | 'tuned'>('off', 'tuned')),
  urlOutput: optional(fc.boolean()),
}, { requiredKeys: ['name'] });

const stagesArb: fc.Arbitrary<StageSpec[]> = stageNamesArb
  .chain(names => fc.tuple(...names.map(stageArb)).map(stages => [...stages]));

export const restSpecArb: fc.Arbitrary<RestSpec> = fc.record({
  compliance: complianceArb,
  region: optional(fc.constantFrom<'us-east-1' | 'eu-west-1'>('us-east-1', 'eu-west-1')),
  endpoint: fc.constantFrom<RestSpec['endpoint']>('REGIONAL', 'EDGE', 'PRIVATE'),
  webAcl: optional(fc.boolean()),
  clientCertificate: optional(fc.boolean()),
  apiName: optional(fc.stringMatching(/^[a-zA-Z0-9 _-]{1,30}$/)),
  description: optional(fc.string({ maxLength: 60 })),
  apiKeySource: optional(fc.constantFrom<'HEADER' | 'AUTHORIZER'>('HEADER', 'AUTHORIZER')),
  defaultAuthorization: optional(fc.constantFrom<RestSpec['defaultAuthorization']>('iam', 'cognito', 'token', 'request')),
  apiKeyRequired: optional(fc.boolean()),
  requestValidation: optional(fc.constant<'BODY_AND_PARAMETERS'>('BODY_AND_PARAMETERS')),
  cors: optional(fc.oneof(
    fc.record({ allowOrigins: fc.constant<string[]>(['*']), maxAgeSeconds: optional(fc.integer({ min: 0, max: 86_400 })) }, { requiredKeys: ['allowOrigins'] }),
    fc.record({
      allowOrigins: fc.uniqueArray(fc.constantFrom('https://app.example.com', 'https://admin.example.com', 'http://localhost:3000'), { minLength: 1 }),
      allowCredentials: optional(fc.boolean()),
      allowHeaders: optional(fc.uniqueArray(fc.constantFrom('Content-Type', 'Authorization', 'X-Api-Key', 'X-Trace-Id'), { minLength: 1 })),
    }, { requiredKeys: ['allowOrigins'] }),
  )),
  jsonErrorResponses: optional(fc.boolean()),
  gatewayResponses: fc.uniqueArray(fc.record({
    type: fc.constantFrom<GatewayResponseSpec['type']>('DEFAULT_4XX', 'DEFAULT_5XX', 'UNAUTHORIZED', 'ACCESS_DENIED', 'THROTTLED', 'BAD_REQUEST_BODY'),
    statusCode: optional(fc.constantFrom('400', '403', '429', '500', '503')),
    header: optional(fc.boolean()),
  }, { requiredKeys: ['type'] }), { selector: r => r.type, maxLength: 3 }),
  binaryMediaTypes: optional(fc.uniqueArray(fc.constantFrom('image/png', 'application/octet-stream', '*/*'), { minLength: 1 })),
  minCompressionBytes: optional(fc.integer({ min: 0, max: 10 * 1024 * 1024 })),
  deploymentHistory: optional(fc.integer({ min: 1, max: 100 })),
  externalDefinition: optional(fc.boolean()),
  resourcePolicy: optional(fc.record({
    allowSourceIps: optional(fc.uniqueArray(fc.constantFrom('10.0.0.0/8', '192.0.2.0/24', '203.0.113.7'), { minLength: 1 })),
    denySourceIps: optional(fc.uniqueArray(fc.constantFrom('198.51.100.0/24', '203.0.113.99'), { minLength: 1 })),
    allowAccounts: optional(fc.uniqueArray(fc.constantFrom('222222222222', '333333333333'), { minLength: 1 })),
  })),
  domain: optional(fc.record({
    endpoint: fc.constantFrom<'REGIONAL' | 'EDGE'>('REGIONAL', 'EDGE'),
    // A domain serves one mapping per base path, and a root mapping only alone.
    basePaths: fc.oneof(
      fc.constant<(string | undefined)[]>([undefined]),
      fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9_-]{1,12}$/), { minLength: 1, maxLength: 3 }),
    ),
  })),
  dashboard: optional(fc.boolean()),
  stages: stagesArb,
  routes: fc.uniqueArray(routeArb, { minLength: 1, maxLength: 6, selector: r => `${r.method} ${r.path}` }),
  usagePlan: optional(fc.record({
    quota: optional(fc.record({ limit: fc.integer({ min: 1, max: 1_000_000 }), period: fc.constantFrom<'DAY' | 'WEEK' | 'MONTH'>('DAY', 'WEEK', 'MONTH') })),
    throttle: optional(throttleArb),
    apiKey: fc.boolean(),
  }, { requiredKeys: ['apiKey'] })),
}, { requiredKeys: ['compliance', 'endpoint', 'gatewayResponses', 'stages', 'routes'] }).map(spec => ({
  ...spec,
  // Turning off what the standard requires is a finding by design, not a valid configuration.
  webAcl: spec.webAcl === false && WEB_ACL_REQUIRED.includes(spec.compliance) ? undefined : spec.webAcl,
  clientCertificate: spec.clientCertificate === false && spec.compliance !== 'AWS_SOLUTIONS' ? undefined : spec.clientCertificate,
  domain: domainFor(spec),
}));

/** A PRIVATE API has no custom domain here, and an edge domain's certificate (made in the stack's region) must be in us-east-1. */
function domainFor(spec: RestSpec): DomainSpec | undefined {
  if (!spec.domain || spec.endpoint === 'PRIVATE') return undefined;
  return spec.domain.endpoint === 'EDGE' && spec.region === 'eu-west-1' ? { ...spec.domain, endpoint: 'REGIONAL' } : spec.domain;
}
