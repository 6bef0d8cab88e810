import { Duration, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, Compliance, GatewayApi, Integration, RouteOptions } from '../../src';
import { newStack, operation, synthApi } from '../util';

const mock = Integration.mock();

function stageSettings(template: Template): any[] {
  return Object.values(template.findResources('AWS::ApiGateway::Stage'))[0].Properties.MethodSettings;
}

describe('route caching', () => {
  test('per-route overrides on a cached stage: TTL and key parameters, off, and on for a POST', () => {
    const { template, body } = synthApi(() => ({
      policyValidation: false,
      stages: [{ cache: { ttl: Duration.minutes(10) } }],
      routes: {
        'GET /pets': { integration: mock, authorization: Authorization.none('A test of an open route.'), cache: { ttl: Duration.seconds(60), keyParameters: ['method.request.querystring.page'] } },
        'GET /pets/{petId}': { integration: mock, authorization: Authorization.none('A test of an open route.'), cache: { keyParameters: ['method.request.path.petId'] } },
        'GET /me': { integration: mock, cache: { enabled: false } },
        'POST /search': { integration: mock, authorization: Authorization.none('A test of an open route.'), cache: { enabled: true } },
      },
    }));
    const common = { LoggingLevel: 'ERROR', DataTraceEnabled: false, MetricsEnabled: true, ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000, CacheDataEncrypted: true };
    expect(stageSettings(template)).toEqual([
      { HttpMethod: '*', ResourcePath: '/*', ...common, CachingEnabled: true, CacheTtlInSeconds: 600 },
      { HttpMethod: 'GET', ResourcePath: '/~1me', ...common, CachingEnabled: false, CacheTtlInSeconds: 600 },
      { HttpMethod: 'GET', ResourcePath: '/~1pets', ...common, CachingEnabled: true, CacheTtlInSeconds: 60 },
      { HttpMethod: 'POST', ResourcePath: '/~1search', ...common, CachingEnabled: true, CacheTtlInSeconds: 600 },
    ]);
    // Key parameters are in the integration, and declared on the method (a query string as optional).
    const pets = operation(body, '/pets', 'get');
    expect(pets['x-amazon-apigateway-integration'].cacheKeyParameters).toEqual(['method.request.querystring.page']);
    expect(pets.parameters).toEqual([{ name: 'page', in: 'query', required: false, schema: { type: 'string' } }]);
    expect(operation(body, '/pets/{petId}', 'get')['x-amazon-apigateway-integration'].cacheKeyParameters).toEqual(['method.request.path.petId']);
    expect(operation(body, '/me', 'get')['x-amazon-apigateway-integration'].cacheKeyParameters).toBeUndefined();
  });

  test('a stage without a cache says so explicitly, and ignores route cache settings', () => {
    const { template } = synthApi(() => ({
      routes: { 'GET /pets': { integration: mock, cache: { enabled: true, ttl: Duration.seconds(5) } } },
    }));
    template.hasResourceProperties('AWS::ApiGateway::Stage', { CacheClusterEnabled: false, CacheClusterSize: Match.absent() });
    expect(stageSettings(template)).toEqual([expect.objectContaining({ HttpMethod: '*', ResourcePath: '/*', CachingEnabled: false })]);
    expect(stageSettings(template)[0].CacheDataEncrypted).toBeUndefined();
  });

  test.each<[string, RouteOptions, RegExp]>([
    ['a TTL above an hour', { integration: mock, cache: { ttl: Duration.seconds(3601) } }, /routes\['GET \/pets\/\{id\}'\]\.cache\.ttl: 3601 is not allowed\. Allowed: a whole number from 0 to 3600 seconds/],
    ['a key parameter that is no request parameter', { integration: mock, cache: { keyParameters: ['querystring.page'] } }, /routes\['GET \/pets\/\{id\}'\]\.cache\.keyParameters: "querystring\.page" is not allowed/],
    ['a key parameter naming another path parameter', { integration: mock, cache: { keyParameters: ['method.request.path.petId'] } }, /cache\.keyParameters: "method\.request\.path\.petId" is not allowed\. Allowed: a path parameter of GET \/pets\/\{id\}: id/],
  ])('refuses %s', (_, options, message) => {
    expect(() => new GatewayApi(newStack(), 'Api', { routes: { 'GET /pets/{id}': options } })).toThrow(message);
  });

  test('warns where an authorized route is cached without the caller\'s identity in its key', () => {
    const { stack } = synthApi(() => ({
      policyValidation: false,
      stages: [{ cache: {} }],
      routes: {
        'GET /orders': { integration: mock },
        'GET /profile': { integration: mock, cache: { keyParameters: ['method.request.header.Authorization'] } },
        'GET /catalog': { integration: mock, authorization: Authorization.none('A test of an open route.') },
        'GET /me': { integration: mock, cache: { enabled: false } },
        'POST /orders': { integration: mock },
      },
    }));
    const warnings = Annotations.fromStack(stack).findWarning('/Test/Api/Stage.prod', Match.stringLikeRegexp('caches routes behind authorization'));
    expect(warnings.map(w => w.entry.data)).toEqual([expect.stringMatching(/every authorized caller gets the same cached response: GET \/orders\. Where/)]);
    // No cache, no warning.
    const { stack: uncached } = synthApi(() => ({ routes: { 'GET /orders': { integration: mock } } }));
    Annotations.fromStack(uncached).hasNoWarning('*', Match.stringLikeRegexp('caches routes behind authorization'));
  });

  test('grantInvalidateCache: every stage from the API, one from a stage', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes: { 'GET /pets': { integration: mock } }, stages: [{ cache: {} }, { stageName: 'dev' }] });
    const ops = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal() });
    const client = new iam.Role(stack, 'Client', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvalidateCache(ops);
    api.defaultStage.grantInvalidateCache(client, 'GET', '/pets');
    const template = Template.fromStack(stack);
    const statement = (resource: string) => ({
      PolicyDocument: {
        Statement: [{
          Action: 'execute-api:InvalidateCache',
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(`${resource.replace(/[*]/g, '\\*')}$`)])] },
        }],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', { ...statement('/*/*/*'), Roles: [{ Ref: Match.stringLikeRegexp('^Ops') }] });
    template.hasResourceProperties('AWS::IAM::Policy', { ...statement('/prod/GET/pets'), Roles: [{ Ref: Match.stringLikeRegexp('^Client') }] });
  });

  test('per-route settings keep the compliance packs satisfied (NIST: encrypted cache, logging on every entry)', () => {
    // Self-validation runs the NIST pack, Control Tower and cfn-lint at synth; an error would throw.
    const { template } = synthApi(() => ({
      compliance: Compliance.NIST_800_53_R5,
      routes: {
        'GET /pets': { integration: mock, cache: { enabled: false }, throttle: { rateLimit: 10 } },
        'GET /pets/{id}': { integration: mock, cache: { keyParameters: ['method.request.header.Authorization'] } },
      },
    }));
    expect(stageSettings(template).every(s => s.LoggingLevel === 'ERROR' && s.CacheDataEncrypted === true)).toBe(true);
  });
});
