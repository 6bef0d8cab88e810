import {
  Duration, Size, Stack, aws_apigateway as apigw, aws_ec2 as ec2,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Backends } from './backends';
import { RETENTION } from './common-specs';
import { IntegrationKind, RestSpec, RouteSpec, StageSpec, WEB_ACL_REQUIRED } from './rest-spec';
import {
  AccessLogFormats, ApiKey, Authorization, Authorizer, CacheClusterSize, Compliance, GatewayApi, Integration, QuotaPeriod, RequestValidation,
  RouteOptions, StageOptions, UsagePlan,
} from '../../src';

const ACCOUNT = '111111111111';
const VPC_ENDPOINT_ID = 'vpce-0123456789abcdef0';

/** The stack of a run: without an environment, or in the spec's region. */
export function restStack(app: import('aws-cdk-lib').App, spec: RestSpec): Stack {
  return new Stack(app, 'Test', spec.region ? { env: { account: ACCOUNT, region: spec.region } } : {});
}

/** What a run built: the API, and the backends it calls (see `judge`). */
export interface BuiltApi<T> {
  readonly api: T;
  readonly backends: IConstruct[];
}

/** Builds the spec's API (and usage plan) in the stack. */
export function buildRestApi(stack: Stack, spec: RestSpec): BuiltApi<GatewayApi> {
  const backends = new Backends(stack);
  const authorizers = new Authorizers(backends);
  const routes: { [key: string]: RouteOptions } = {};
  for (const route of spec.routes) routes[`${route.method} ${route.path}`] = routeOptions(route, backends, authorizers);

  const api = new GatewayApi(stack, 'Api', {
    compliance: Compliance[spec.compliance],
    endpointType: apigw.EndpointType[spec.endpoint],
    vpcEndpoints: spec.endpoint === 'PRIVATE'
      ? [ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'Endpoint', { vpcEndpointId: VPC_ENDPOINT_ID, port: 443 })]
      : undefined,
    webAcl: spec.webAcl,
    clientCertificate: spec.clientCertificate,
    apiName: spec.apiName,
    description: spec.description,
    apiKeySource: spec.apiKeySource && apigw.ApiKeySourceType[spec.apiKeySource],
    defaultAuthorization: spec.defaultAuthorization && authorizers.authorization({ authorization: spec.defaultAuthorization }),
    apiKeyRequired: spec.apiKeyRequired,
    requestValidation: spec.requestValidation && RequestValidation[spec.requestValidation],
    cors: spec.cors && {
      allowOrigins: spec.cors.allowOrigins,
      allowCredentials: spec.cors.allowCredentials,
      allowHeaders: spec.cors.allowHeaders,
      maxAge: spec.cors.maxAgeSeconds === undefined ? undefined : Duration.seconds(spec.cors.maxAgeSeconds),
    },
    jsonErrorResponses: spec.jsonErrorResponses,
    gatewayResponses: spec.gatewayResponses.map(r => ({
      responseType: apigw.ResponseType[r.type],
      statusCode: r.statusCode,
      responseHeaders: r.header ? { 'Cache-Control': "'no-store'" } : undefined,
    })),
    binaryMediaTypes: spec.binaryMediaTypes,
    minCompressionSize: spec.minCompressionBytes === undefined ? undefined : Size.bytes(spec.minCompressionBytes),
    deploymentHistory: spec.deploymentHistory,
    maxInlineDefinitionSize: spec.externalDefinition ? Size.bytes(1) : undefined,
    resourcePolicy: spec.resourcePolicy,
    domain: spec.domain && {
      domainName: 'api.example.com',
      endpointType: apigw.EndpointType[spec.domain.endpoint],
      certificate: backends.certificate,
      mappings: spec.domain.basePaths.slice(0, spec.stages.length).map((basePath, i) => ({ stageName: spec.stages[i].name, basePath })),
    },
    dashboard: spec.dashboard,
    stages: spec.stages.map(stageOptions),
    routes,
  });

  if (spec.usagePlan) {
    new UsagePlan(stack, 'Plan', {
      stages: api.stages,
      quota: spec.usagePlan.quota && { limit: spec.usagePlan.quota.limit, period: QuotaPeriod[spec.usagePlan.quota.period] },
      throttle: spec.usagePlan.throttle,
      apiKeys: spec.usagePlan.apiKey ? [new ApiKey(stack, 'Key')] : undefined,
    });
  }
  return { api, backends: backends.constructs };
}

function stageOptions(stage: StageSpec): StageOptions {
  return {
    stageName: stage.name,
    description: stage.description,
    variables: stage.variables,
    loggingLevel: stage.loggingLevel && apigw.MethodLoggingLevel[stage.loggingLevel],
    detailedMetrics: stage.detailedMetrics,
    throttlingRateLimit: stage.throttle?.rateLimit,
    throttlingBurstLimit: stage.throttle?.burstLimit,
    cache: stage.cache && {
      clusterSize: stage.cache.clusterSize as CacheClusterSize | undefined,
      ttl: stage.cache.ttlSeconds === undefined ? undefined : Duration.seconds(stage.cache.ttlSeconds),
    },
    accessLogRetention: stage.accessLogRetentionDays && RETENTION[stage.accessLogRetentionDays],
    accessLogFormat: stage.accessLogFormat === 'clf' ? AccessLogFormats.commonLogFormat()
      : stage.accessLogFormat && AccessLogFormats.restJson(stage.accessLogFormat),
    alarms: stage.alarms === 'off' ? { enabled: false }
      : stage.alarms === 'tuned' ? { serverErrorRate: { threshold: 5, evaluationPeriods: 10, datapointsToAlarm: 2 }, latencyP99: { enabled: false } }
        : undefined,
    urlOutput: stage.urlOutput,
  };
}

function routeOptions(route: RouteSpec, backends: Backends, authorizers: Authorizers): RouteOptions {
  const queryParameters = Object.fromEntries(Object.entries(route.queryParameters).map(([name, required]) => [`method.request.querystring.${name}`, required]));
  return {
    integration: integration(route.integration.kind, route.integration.timeoutMillis, backends),
    authorization: authorizers.authorization(route),
    apiKeyRequired: route.apiKeyRequired,
    requestParameters: Object.keys(queryParameters).length > 0 ? queryParameters : undefined,
    requestBody: route.body ? {
      schema: {
        type: apigw.JsonSchemaType.OBJECT,
        properties: { name: { type: apigw.JsonSchemaType.STRING, minLength: 1 } },
        required: ['name'],
      },
    } : undefined,
    throttle: route.throttle,
    cache: route.cacheTtlSeconds === undefined ? undefined : { ttl: Duration.seconds(route.cacheTtlSeconds) },
    summary: route.summary,
  };
}

function integration(kind: IntegrationKind, timeoutMillis: number | undefined, backends: Backends): Integration {
  const timeout = timeoutMillis === undefined ? undefined : Duration.millis(timeoutMillis);
  switch (kind) {
    case 'mock': return Integration.mock();
    case 'url': return Integration.url('https://backend.example.com/items', { timeout });
    case 'urlWithTemplates': return Integration.urlWithTemplates('https://backend.example.com/items', { timeout, method: 'POST' });
    case 'lambda': return Integration.lambda(backends.function(), { timeout });
    case 'lambdaWithTemplates': return Integration.lambdaWithTemplates(backends.function(), { timeout });
    case 'sqs': return Integration.sqsSendMessage(backends.queue, { timeout });
    case 'sns': return Integration.snsPublish(backends.topic, { timeout });
    case 'dynamoDbGetItem': return Integration.dynamoDbGetItem(backends.table, { key: '{"id": {"S": "$context.requestId"}}', timeout });
    case 'dynamoDbPutItem': return Integration.dynamoDbPutItem(backends.table, { item: '{"id": {"S": "$context.requestId"}}', timeout });
    case 'dynamoDbQuery': return Integration.dynamoDbQuery(backends.table, {
      keyConditionExpression: 'id = :id', expressionAttributeValues: '{":id": {"S": "$context.requestId"}}', timeout,
    });
    case 'stepFunctions': return Integration.stepFunctionsStartExecution(backends.stateMachine, { timeout });
  }
}

/** One authorizer of each kind per API, shared by the routes that use it. */
class Authorizers {
  private readonly made = new Map<string, Authorizer>();

  constructor(private readonly backends: Backends) {}

  public authorization(route: Pick<RouteSpec, 'authorization' | 'scopes'>): Authorization | undefined {
    switch (route.authorization) {
      case 'default': return undefined;
      case 'iam': return Authorization.iam();
      case 'cognito': return Authorization.authorizer(this.once('cognito', () => Authorizer.cognito({ userPools: [this.backends.userPool] })), route.scopes);
      case 'token': return Authorization.authorizer(this.once('token', () => Authorizer.token(this.backends.function('TokenAuthorizer'))));
      case 'request': return Authorization.authorizer(this.once('request', () => Authorizer.request(this.backends.function('RequestAuthorizer'), {
        identitySources: ['method.request.header.X-Tenant'],
      })));
    }
  }

  private once(kind: string, make: () => Authorizer): Authorizer {
    if (!this.made.has(kind)) this.made.set(kind, make());
    return this.made.get(kind)!;
  }
}

/**
 * The findings a spec asks for, knowingly: AwsSolutions leaves the web ACL to the user (it costs
 * money) and warns on each stage without one (cdk-nag's AwsSolutions-APIG3). HIPAA's pack does
 * not ask for one.
 */
export function expectedRestFindings(spec: RestSpec): string[] {
  const webAcl = spec.webAcl ?? WEB_ACL_REQUIRED.includes(spec.compliance);
  if (webAcl || spec.compliance !== 'AWS_SOLUTIONS') return [];
  return spec.stages.map(stage => `stage-waf warning Test/Api/Stage.${stage.name}/Resource`).sort();
}
