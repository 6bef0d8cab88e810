import { App, Duration, Size, Stack, aws_apigateway as apigw, aws_certificatemanager as acm, aws_logs as logs } from 'aws-cdk-lib';
import {
  ApiKey, Authorization, Authorizer, CacheClusterSize, GatewayApi, GatewayApiProps, GatewayHttpApi, GatewayHttpApiProps, GatewayWebSocketApi,
  GatewayWebSocketApiProps, HttpAuthorization, HttpAuthorizer, HttpIntegration, Integration, QuotaPeriod, Release, UsagePlan,
  WebSocketAuthorization, WebSocketAuthorizer, WebSocketIntegration,
} from '../../src';
import { newFunction, newStack } from '../util';

/**
 * Bad input, table-driven: each configuration is refused while the app is built (so no template
 * exists to fail at deploy), with the library's one message shape: the construct path, the prop,
 * the value and what is allowed.
 */
type Build = (stack: Stack) => void;
const mock = { integration: Integration.mock() };
const rest = (props: GatewayApiProps): Build => stack => new GatewayApi(stack, 'Api', props);
const restRoutes = (routes: GatewayApiProps['routes'], more: GatewayApiProps = {}): Build => rest({ routes, ...more });
const http = (props: (stack: Stack) => GatewayHttpApiProps): Build => stack => new GatewayHttpApi(stack, 'Http', props(stack));
const webSocket = (props: (stack: Stack) => GatewayWebSocketApiProps): Build => stack => new GatewayWebSocketApi(stack, 'Ws', props(stack));
const plan = (options: (api: GatewayApi, stack: Stack) => void): Build => stack => options(new GatewayApi(stack, 'Api', { routes: { 'GET /x': mock } }), stack);
const cert = (stack: Stack) => acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc');

/** [group, what is wrong, build, the prop named in the message] */
const CASES: [string, string, Build, string][] = [
  // Routes
  ['routes', 'a key without a method', restRoutes({ 'GET pets': mock }), "routes['GET pets']"],
  ['routes', 'an unknown method', restRoutes({ 'FETCH /pets': mock }), "routes['FETCH /pets']"],
  ['routes', 'a greedy parameter before the end', restRoutes({ 'GET /a/{p+}/b': mock }), "routes['GET /a/{p+}/b']"],
  ['routes', 'a path parameter twice', restRoutes({ 'GET /a/{id}/b/{id}': mock }), "routes['GET /a/{id}/b/{id}']"],
  ['routes', 'a character API Gateway refuses', restRoutes({ 'GET /pets!': mock }), "routes['GET /pets!']"],
  ['routes', 'sibling parameters named differently', restRoutes({ 'GET /pets/{id}': mock, 'GET /pets/{petId}/toys': mock }), "routes['GET /pets/{petId}/toys']"],
  ['routes', 'an operationId starting with a digit', restRoutes({ 'GET /pets': { ...mock, operationId: '1pets' } }), "routes['GET /pets'].operationId"],
  ['routes', 'an operationId used twice', restRoutes({ 'GET /a': { ...mock, operationId: 'same' }, 'GET /b': { ...mock, operationId: 'same' } }), "routes['GET /b'].operationId"],
  ['routes', 'a model name with a hyphen', restRoutes({ 'POST /pets': { ...mock, requestBody: { schema: { type: apigw.JsonSchemaType.OBJECT }, modelName: 'New-Pet' } } }), "routes['POST /pets'].requestBody.modelName"],
  ['routes', 'a request parameter without its source', restRoutes({ 'GET /pets': { ...mock, requestParameters: { page: true } } }), "routes['GET /pets'].requestParameters key"],
  ['routes', 'a path parameter the path lacks', restRoutes({ 'GET /pets': { ...mock, requestParameters: { 'method.request.path.id': true } } }), "routes['GET /pets'].requestParameters key"],
  ['routes', 'a negative route throttle', restRoutes({ 'GET /pets': { ...mock, throttle: { rateLimit: -1 } } }), "routes['GET /pets'].throttle"],
  ['routes', 'a route cache TTL above an hour', restRoutes({ 'GET /pets': { ...mock, cache: { ttl: Duration.seconds(3601) } } }), "routes['GET /pets'].cache.ttl"],
  // Integrations
  ['integrations', 'a Lambda timeout above 29 s', stack => rest({ routes: { 'GET /x': { integration: Integration.lambda(newFunction(stack), { timeout: Duration.seconds(30) }) } } })(stack), "routes['GET /x'].integration.timeout"],
  ['integrations', 'a timeout below 50 ms', restRoutes({ 'GET /x': { integration: Integration.url('https://example.com', { timeout: Duration.millis(10) }) } }), "routes['GET /x'].integration.timeout"],
  ['integrations', 'a backend URL that is not http(s)', restRoutes({ 'GET /x': { integration: Integration.url('ftp://example.com') } }), "routes['GET /x'].integration.url"],
  ['integrations', 'a backend URL with a space', restRoutes({ 'GET /x': { integration: Integration.url('https://example.com/a b') } }), "routes['GET /x'].integration.url"],
  ['mapping templates', 'an integration response status outside 100-599', restRoutes({ 'GET /x': { integration: Integration.mock({ integrationResponses: [{ statusCode: '700' }] }) } }), "routes['GET /x'].integration.integrationResponses[0].statusCode"],
  ['mapping templates', 'a selection pattern that is not a regular expression', restRoutes({ 'GET /x': { integration: Integration.mock({ integrationResponses: [{ statusCode: '200' }, { statusCode: '400', selectionPattern: '4\\d{2' + '(' }] }) } }), "routes['GET /x'].integration.integrationResponses[1].selectionPattern"],
  // Stages
  ['stages', 'a stage name with "!"', rest({ stages: [{ stageName: 'prod!' }] }), 'stages[0].stageName'],
  ['stages', 'two stages of one name', rest({ stages: [{ stageName: 'a' }, { stageName: 'a' }] }), 'stages[1].stageName'],
  ['stages', 'no stage', rest({ stages: [] }), 'stages'],
  ['stages', 'a stage variable name with a hyphen', rest({ stages: [{ variables: { 'bad-name': 'x' } }] }), 'stages[0].variables key'],
  ['stages', 'a stage variable name of underscores only', rest({ stages: [{ variables: { __: 'x' } }] }), 'stages[0].variables key'],
  ['stages', 'an empty stage variable value', rest({ stages: [{ variables: { name: '' } }] }), "stages[0].variables['name']"],
  ['stages', 'a stage variable value with a space', rest({ stages: [{ variables: { name: 'a b' } }] }), "stages[0].variables['name']"],
  ['stages', 'a stage variable value over 512 characters', rest({ stages: [{ variables: { name: 'x'.repeat(513) } }] }), "stages[0].variables['name']"],
  ['stages', 'a stage variable name over 64 characters', rest({ stages: [{ variables: { ['n'.repeat(65)]: 'x' } }] }), 'stages[0].variables key'],
  ['stages', 'more than 100 stage variables', rest({ stages: [{ variables: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`v${i}`, 'x'])) }] }), 'stages[0].variables'],
  ['stages', 'a logging level API Gateway lacks', rest({ stages: [{ loggingLevel: 'DEBUG' as apigw.MethodLoggingLevel }] }), 'stages[0].loggingLevel'],
  ['stages', 'an access log format without a request id', rest({ stages: [{ accessLogFormat: apigw.AccessLogFormat.custom('$context.status') }] }), 'stages[0].accessLogFormat'],
  ['stages', 'an access log retention CloudWatch does not offer', rest({ stages: [{ accessLogRetention: 8 as logs.RetentionDays }] }), 'stages[0].accessLogRetention'],
  ['stages', 'a binary media type that is not a media type', rest({ binaryMediaTypes: ['png'] }), 'binaryMediaTypes[0]'],
  ['stages', 'TLS 1.0 on the execute-api endpoint', rest({ securityPolicy: apigw.SecurityPolicy.TLS_1_0 }), 'securityPolicy'],
  ['stages', 'an access mode with a legacy TLS policy', rest({ securityPolicy: apigw.SecurityPolicy.TLS_1_2, endpointAccessMode: apigw.EndpointAccessMode.BASIC }), 'endpointAccessMode'],
  ['stages', 'a negative rate limit', rest({ stages: [{ throttlingRateLimit: -5 }] }), 'stages[0].throttlingRateLimit'],
  ['stages', 'a fractional burst', rest({ stages: [{ throttlingBurstLimit: 1.5 }] }), 'stages[0].throttlingBurstLimit'],
  ['stages', 'a CloudFront web ACL', rest({ stages: [{ webAclArn: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/x/1' }] }), 'stages[0].webAclArn'],
  ['stages', 'a log group with access logging off', stack => rest({ stages: [{ accessLogging: false, accessLogGroup: new logs.LogGroup(stack, 'Logs') }] })(stack), 'stages[0].accessLogGroup'],
  ['stages', 'more deployment history than 100', rest({ deploymentHistory: 101 }), 'deploymentHistory'],
  ['stages', 'compression above 10 MiB', rest({ minCompressionSize: Size.mebibytes(11) }), 'minCompressionSize'],
  ['stages', 'an alarm rate above 100 %', rest({ stages: [{ alarms: { serverErrorRate: { threshold: 150 } } }] }), 'stages[0].alarms.serverErrorRate.threshold'],
  // Caches
  ['caches', 'a stage cache TTL above an hour', rest({ stages: [{ cache: { ttl: Duration.hours(2) } }] }), 'stages[0].cache.ttl'],
  ['caches', 'a cluster size API Gateway lacks', rest({ stages: [{ cache: { clusterSize: '7' as CacheClusterSize } }] }), 'stages[0].cache.clusterSize'],
  ['caches', 'a cache hit alarm without a cache', rest({ stages: [{ alarms: { cacheHitRate: { threshold: 10 } } }] }), 'stages[0].alarms.cacheHitRate'],
  // Canaries
  ['canaries', 'a canary above 100 %', rest({ stages: [{ release: Release.canary({ percentTraffic: 150 }) }] }), 'stages[0].release.percentTraffic'],
  ['canaries', 'a canary variable with a hyphen', rest({ stages: [{ release: Release.canary({ percentTraffic: 5, stageVariableOverrides: { 'a-b': 'x' } }) }] }), 'stages[0].release.stageVariableOverrides key'],
  ['canaries', 'a pin to deployment 0', rest({ stages: [{ release: Release.pin(0) }] }), 'stages[0].release.deployment'],
  // Plans and keys
  ['plans', 'a negative quota', plan((api, stack) => new UsagePlan(stack, 'Plan', { stages: [api.defaultStage], quota: { limit: -1, period: QuotaPeriod.DAY } })), 'quota.limit'],
  ['plans', 'a quota offset past the period', plan((api, stack) => new UsagePlan(stack, 'Plan', { stages: [api.defaultStage], quota: { limit: 10, period: QuotaPeriod.WEEK, offset: 7 } })), 'quota.offset'],
  ['plans', 'a negative plan burst', plan((api, stack) => new UsagePlan(stack, 'Plan', { stages: [api.defaultStage], throttle: { burstLimit: -1 } })), 'throttle'],
  ['plans', 'a route throttle for no route', plan((api, stack) => new UsagePlan(stack, 'Plan', { stages: [api.defaultStage], routeThrottles: { 'GET /nope': { rateLimit: 1 } } })), "routeThrottles['GET /nope']"],
  ['plans', 'a quota period API Gateway lacks', stack => new UsagePlan(stack, 'Plan', { quota: { limit: 10, period: 'YEAR' as QuotaPeriod } }), 'quota.period'],
  ['keys', 'a key value too short', stack => new ApiKey(stack, 'Key', { value: 'short' }), 'value'],
  ['keys', 'a secret field without a secret', stack => new ApiKey(stack, 'Key', { secretField: 'apiKey' }), 'secretField'],
  // Authorizers
  ['authorizers', 'a token authorizer TTL above an hour', stack => rest({ routes: { 'GET /x': { ...mock, authorization: Authorization.authorizer(Authorizer.token(newFunction(stack), { resultsCacheTtl: Duration.hours(2) })) } } })(stack), 'resultsCacheTtl'],
  ['authorizers', 'a token source that is not a header', stack => rest({ routes: { 'GET /x': { ...mock, authorization: Authorization.authorizer(Authorizer.token(newFunction(stack), { identitySource: 'Authorization' })) } } })(stack), 'identitySource'],
  ['authorizers', 'a request authorizer source API Gateway cannot read', stack => rest({ routes: { 'GET /x': { ...mock, authorization: Authorization.authorizer(Authorizer.request(newFunction(stack), { identitySources: ['header.X'] })) } } })(stack), 'identitySources'],
  ['authorizers', 'two authorizers of one name', stack => rest({
    routes: {
      'GET /a': { ...mock, authorization: Authorization.authorizer(Authorizer.token(newFunction(stack, 'A'), { authorizerName: 'same' })) },
      'GET /b': { ...mock, authorization: Authorization.authorizer(Authorizer.token(newFunction(stack, 'B'), { authorizerName: 'same' })) },
    },
  })(stack), 'authorizerName'],
  ['authorizers', 'an open route without its reason', restRoutes({ 'GET /x': { ...mock, authorization: Authorization.none('') } }), "routes['GET /x'].authorization"],
  ['routes', 'a route acknowledging a whole-API rule', restRoutes({ 'GET /x': { ...mock, acknowledgments: { 'GatewayApi::stage-waf': 'no web ACL' } } }), "routes['GET /x'].acknowledgments key"],
  // Policies and endpoints
  ['policies', 'a source address that is not a CIDR', rest({ resourcePolicy: { allowSourceIps: ['10.0.0.300/8'] } }), 'resourcePolicy.allowSourceIps[0]'],
  ['policies', 'a VPC id that is not one', rest({ resourcePolicy: { allowSourceVpcs: ['vpc_123'] } }), 'resourcePolicy.allowSourceVpcs'],
  ['policies', 'an account id that is not twelve digits', rest({ resourcePolicy: { allowAccounts: ['1234'] } }), 'resourcePolicy.allowAccounts[0]'],
  ['policies', 'a PRIVATE API without VPC endpoints', rest({ endpointType: apigw.EndpointType.PRIVATE }), 'vpcEndpoints'],
  // Domains
  ['domains', 'a mapping to a stage the API lacks', stack => rest({ domain: { domainName: 'api.example.com', certificate: cert(stack), mappings: [{ stageName: 'nope' }] } })(stack), 'domain.mappings[0].stageName'],
  ['domains', 'a base path with a space', stack => rest({ domain: { domainName: 'api.example.com', certificate: cert(stack), mappings: [{ stageName: 'prod', basePath: 'a b' }] } })(stack), 'domain.mappings[0].basePath'],
  ['domains', 'a second root mapping', stack => rest({
    stages: [{ stageName: 'a' }, { stageName: 'b' }],
    domain: { domainName: 'api.example.com', certificate: cert(stack), mappings: [{ stageName: 'a' }, { stageName: 'b' }] },
  })(stack), 'domain.mappings[1].basePath'],
  ['domains', 'a domain name that is not one', stack => rest({ domain: { domainName: 'not a domain', certificate: cert(stack) } })(stack), 'domainName'],
  // CORS and gateway responses
  ['cors', 'no allowed origin', rest({ cors: { allowOrigins: [] } }), 'cors.allowOrigins'],
  ['cors', 'credentials with any origin', rest({ cors: { allowOrigins: ['*'], allowCredentials: true } }), 'cors.allowCredentials'],
  ['gateway responses', 'a 200 gateway response', rest({ gatewayResponses: [{ responseType: apigw.ResponseType.THROTTLED, statusCode: '200' }] }), 'gatewayResponses[0].statusCode'],
  // HTTP APIs
  ['HTTP APIs', 'a route key without a method', http(() => ({ routes: { '/items': { integration: HttpIntegration.url('https://example.com') } } })), "routes['/items']"],
  ['HTTP APIs', 'a JWT issuer over http', http(() => ({ defaultAuthorization: HttpAuthorization.authorizer(HttpAuthorizer.jwt({ issuer: 'http://auth.example.com', audience: ['a'] })), routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com') } } })), 'HttpAuthorizer.jwt(…).issuer'],
  ['HTTP APIs', 'a JWT with no audience', http(() => ({ defaultAuthorization: HttpAuthorization.authorizer(HttpAuthorizer.jwt({ issuer: 'https://auth.example.com', audience: [] })), routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com') } } })), 'HttpAuthorizer.jwt(…).audience'],
  ['HTTP APIs', 'a JWT with more than 50 audiences', http(() => ({ defaultAuthorization: HttpAuthorization.authorizer(HttpAuthorizer.jwt({ issuer: 'https://auth.example.com', audience: Array.from({ length: 51 }, (_, i) => `client${i}`) })), routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com') } } })), 'HttpAuthorizer.jwt(…).audience'],
  ['HTTP APIs', 'more than 10 OAuth scopes on a route', http(() => ({ routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com'), authorization: HttpAuthorization.authorizer(HttpAuthorizer.jwt({ issuer: 'https://auth.example.com', audience: ['a'] }), Array.from({ length: 11 }, (_, i) => `scope${i}`)) } } })), "routes['GET /x'].authorization"],
  ['HTTP APIs', 'an access log format over 3 KB', http(() => ({ stages: [{ accessLogFormat: apigw.AccessLogFormat.custom(`{"requestId":"$context.requestId","pad":"${'x'.repeat(3100)}"}`) }] })), 'stages[0].accessLogFormat'],
  ['HTTP APIs', 'a negative stage rate, named as written', http(() => ({ stages: [{ throttlingRateLimit: -1 }] })), 'stages[0].throttlingRateLimit'],
  ['HTTP APIs', 'a stage name with a space', http(() => ({ stages: [{ stageName: 'a b' }] })), 'stages[0].stageName'],
  ['HTTP APIs', 'a URL timeout above 30 s', http(() => ({ routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com', { timeout: Duration.seconds(31) }) } } })), "routes['GET /x'].integration.timeout"],
  ['HTTP APIs', 'a CORS max age above a day', http(() => ({ cors: { allowOrigins: ['https://a.example.com'], maxAge: Duration.days(2) } })), 'cors.maxAge'],
  // WebSocket APIs
  ['WebSocket APIs', 'a route selection expression API Gateway cannot evaluate', webSocket(() => ({ connectionsTable: {}, routeSelectionExpression: 'action' })), 'routeSelectionExpression'],
  ['WebSocket APIs', 'a connection TTL shorter than a connection lasts', webSocket(() => ({ connectionsTable: { timeToLive: Duration.minutes(30) } })), 'connectionsTable.timeToLive'],
  ['WebSocket APIs', 'a URL timeout above 29 s', webSocket(() => ({ connectionsTable: {}, routes: { send: { integration: WebSocketIntegration.url('https://example.com', { timeout: Duration.seconds(30) }) } } })), "routes['send'].integration.timeout"],
  ['WebSocket APIs', 'an identity source in HTTP form', webSocket(stack => ({ connectionsTable: {}, connect: { authorization: WebSocketAuthorization.authorizer(WebSocketAuthorizer.lambda(newFunction(stack), { identitySources: ['$request.header.Auth'] })) } })), 'WebSocketAuthorizer.lambda(…).identitySources[0]'],
  ['WebSocket APIs', 'no $connect integration and no table', webSocket(() => ({})), 'connect.integration'],
  ['WebSocket APIs', 'a latency alarm (no such metric)', webSocket(() => ({ connectionsTable: {}, stages: [{ alarms: { latencyP99: { threshold: 100 } } }] })), 'stages[0].alarms.latencyP99'],
  ['OpenAPI', 'operations without a document', rest({ operations: { listPets: mock } }), 'operations'],
];

const MESSAGE = /^\[(Test\/[^\]]+)\] (.+?): (.+) is not allowed\. Allowed: (.+)$/s;

describe('bad input is refused at synth, with construct path, prop, value and what is allowed', () => {
  const cases = CASES;
  test('the table covers every group of props, 60 configurations or more', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map(([group]) => group)).size).toBeGreaterThanOrEqual(14);
  });

  test.each(cases)('%s: %s', (_group, _what, build, prop) => {
    let error: Error | undefined;
    try {
      const stack = newStack();
      build(stack);
      // Some props are judged once every route is in: at synthesis, before any template is written.
      (stack.node.root as App).synth();
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeDefined();
    // Props judged at synthesis fail through aws-cdk-lib's node validation, which prefixes its own line
    // and the construct path: the path must then not be repeated.
    const message = error!.message.replace(/^Validation failed with the following errors:\n\s*/, '');
    expect(message).not.toMatch(/^(\[[^\]]+\]) \1/);
    const match = MESSAGE.exec(message);
    expect({ message, shaped: !!match }).toEqual({ message, shaped: true });
    expect(match![2]).toContain(prop);
    expect(match![4].length).toBeGreaterThan(3);
  });
});
