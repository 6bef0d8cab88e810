import { Duration, Stack, aws_cognito as cognito } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, Authorizer, GatewayApi, GatewayApiProps, Integration } from '../../src';
import { newFunction, newStack, operation, synthesized } from '../util';

const mock = Integration.mock();

function synth(build: (stack: Stack) => GatewayApiProps) {
  const stack = newStack();
  return synthesized(stack, new GatewayApi(stack, 'Api', build(stack)));
}

describe('authorizers', () => {
  test('Cognito: the pools\' ARNs, OAuth scopes per route, the API default with a per-route override', () => {
    let pool!: cognito.UserPool;
    const { body, stack } = synth(s => {
      pool = new cognito.UserPool(s, 'Pool');
      const users = Authorizer.cognito({ userPools: [pool] });
      return {
        defaultAuthorization: Authorization.authorizer(users),
        routes: {
          'GET /me': { integration: mock },
          'GET /pets': { integration: mock, authorization: Authorization.authorizer(users, ['pets/read', 'openid']) },
          'POST /admin': { integration: mock, authorization: Authorization.iam() },
        },
      };
    });
    expect(body.components.securitySchemes.cognito).toEqual({
      'type': 'apiKey',
      'name': 'Authorization',
      'in': 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': {
        type: 'cognito_user_pools',
        providerARNs: [stack.resolve(pool.userPoolArn)],
      },
    });
    expect(operation(body, '/me', 'get').security).toEqual([{ cognito: [] }]);
    expect(operation(body, '/pets', 'get').security).toEqual([{ cognito: ['pets/read', 'openid'] }]);
    expect(operation(body, '/admin', 'post').security).toEqual([{ sigv4: [] }]);
  });

  test('Lambda TOKEN: the function\'s URI, TTL, validation regex, and one invoke permission for the authorizers ARN', () => {
    let fn!: any;
    const { body, template } = synth(s => {
      fn = newFunction(s, 'AuthFn');
      const tokens = Authorizer.token(fn, { validationRegex: '^Bearer [-0-9a-zA-Z._]+$', resultsCacheTtl: Duration.minutes(1), identitySource: 'method.request.header.X-Token' });
      return {
        routes: {
          'GET /a': { integration: mock, authorization: Authorization.authorizer(tokens) },
          'GET /b': { integration: mock, authorization: Authorization.authorizer(tokens) },
        },
      };
    });
    const scheme = body.components.securitySchemes['AuthFn-token'];
    expect(scheme).toMatchObject({
      'name': 'X-Token',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        identityValidationExpression: '^Bearer [-0-9a-zA-Z._]+$',
        authorizerResultTtlInSeconds: 60,
      },
    });
    // The header comes from the scheme's name; identitySource is for REQUEST authorizers only.
    expect(scheme['x-amazon-apigateway-authorizer'].identitySource).toBeUndefined();
    expect(JSON.stringify(scheme['x-amazon-apigateway-authorizer'].authorizerUri)).toMatch(/lambda:path\/2015-03-31\/functions\/.*AuthFn.*\/invocations/);
    expect(operation(body, '/b', 'get').security).toEqual([{ 'AuthFn-token': [] }]);
    const permissions = template.findResources('AWS::Lambda::Permission', { Properties: { SourceArn: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/authorizers/\\*$')])] }) } });
    expect(Object.keys(permissions)).toHaveLength(1);
  });

  test('Lambda REQUEST: identity sources of every kind; none allowed only without result caching', () => {
    const { body } = synth(s => {
      const fn = newFunction(s, 'TenantFn');
      const tenants = Authorizer.request(fn, {
        identitySources: ['method.request.header.X-Tenant', 'method.request.querystring.key', 'stageVariables.env', 'context.sourceIp'],
      });
      const uncached = Authorizer.request(newFunction(s, 'OpenFn'), { resultsCacheTtl: Duration.seconds(0), authorizerName: 'every-request' });
      return {
        routes: {
          'GET /tenants': { integration: mock, authorization: Authorization.authorizer(tenants) },
          'GET /any': { integration: mock, authorization: Authorization.authorizer(uncached) },
        },
      };
    });
    expect(body.components.securitySchemes['TenantFn-request']['x-amazon-apigateway-authorizer']).toMatchObject({
      type: 'request',
      identitySource: 'method.request.header.X-Tenant, method.request.querystring.key, stageVariables.env, context.sourceIp',
      authorizerResultTtlInSeconds: 300,
    });
    expect(body.components.securitySchemes['every-request']['x-amazon-apigateway-authorizer'].identitySource).toBeUndefined();
  });

  test('a cached route behind an authorizer is quiet when its identity source is in the cache key', () => {
    const { stack } = synth(s => {
      const users = Authorizer.cognito({ userPools: [new cognito.UserPool(s, 'Pool')] });
      return {
        defaultAuthorization: Authorization.authorizer(users),
        stages: [{ cache: {} }],
        routes: {
          'GET /me': { integration: mock, cache: { keyParameters: ['method.request.header.Authorization'] } },
          'GET /feed': { integration: mock },
        },
      };
    });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('caches routes behind authorization')).map(w => String(w.entry.data));
    expect(warnings).toEqual([expect.stringMatching(/same cached response: GET \/feed\./)]);
  });

  test.each<[string, (s: Stack) => Authorization, RegExp]>([
    ['a reserved name', s => Authorization.authorizer(Authorizer.token(newFunction(s), { authorizerName: 'sigv4' })), /routes\['GET \/x'\]\.authorization\.authorizerName: "sigv4" is not allowed/],
    ['a name with spaces', s => Authorization.authorizer(Authorizer.token(newFunction(s), { authorizerName: 'my auth' })), /authorizerName: "my auth" is not allowed\. Allowed: letters, digits/],
    ['scopes on a Lambda authorizer', s => Authorization.authorizer(Authorizer.token(newFunction(s)), ['read']), /routes\['GET \/x'\]\.authorization scopes: \["read"\] is not allowed\. Allowed: scopes only with a Cognito authorizer/],
    ['a scope with a space', s => Authorization.authorizer(Authorizer.cognito({ userPools: [new cognito.UserPool(s, 'P')] }), ['pets read']), /authorization scopes\[0\]: "pets read" is not allowed/],
    ['a Cognito authorizer without pools', () => Authorization.authorizer(Authorizer.cognito({ userPools: [] })), /authorization\.userPools: \[\] is not allowed\. Allowed: at least one user pool/],
    ['a TOKEN source that is no header', s => Authorization.authorizer(Authorizer.token(newFunction(s), { identitySource: 'method.request.querystring.t' })), /authorization\.identitySource: "method\.request\.querystring\.t" is not allowed\. Allowed: method\.request\.header\.NAME/],
    ['a TTL above an hour', s => Authorization.authorizer(Authorizer.token(newFunction(s), { resultsCacheTtl: Duration.hours(2) })), /authorization\.resultsCacheTtl: 7200 is not allowed\. Allowed: a whole number from 0 to 3600 seconds/],
    ['a regex that does not compile', s => Authorization.authorizer(Authorizer.token(newFunction(s), { validationRegex: '^(Bearer' })), /authorization\.validationRegex: "\^\(Bearer" is not allowed/],
    ['a REQUEST authorizer cached without identity sources', s => Authorization.authorizer(Authorizer.request(newFunction(s))), /authorization\.identitySources: \[\] is not allowed\. Allowed: at least one identity source while results are cached/],
    ['a REQUEST source of an unknown kind', s => Authorization.authorizer(Authorizer.request(newFunction(s), { identitySources: ['header.X'] })), /authorization\.identitySources\[0\]: "header\.X" is not allowed/],
  ])('refuses %s', (_, authorization, message) => {
    const stack = newStack();
    expect(() => new GatewayApi(stack, 'Api', { routes: { 'GET /x': { integration: mock, authorization: authorization(stack) } } })).toThrow(message);
  });

  test('two different authorizers may not share a name; the default is named as such', () => {
    const stack = newStack();
    const a = Authorizer.cognito({ userPools: [new cognito.UserPool(stack, 'A')] });
    const b = Authorizer.cognito({ userPools: [new cognito.UserPool(stack, 'B')] });
    expect(() => new GatewayApi(stack, 'Api', {
      defaultAuthorization: Authorization.authorizer(a),
      routes: { 'GET /x': { integration: mock }, 'GET /y': { integration: mock, authorization: Authorization.authorizer(b) } },
    })).toThrow(/\[Test\/Api\] routes\['GET \/y'\]\.authorization\.authorizerName: "cognito" is not allowed\. Allowed: a name no other authorizer of the API has/);
    expect(() => new GatewayApi(newStack(), 'Api', {
      defaultAuthorization: Authorization.authorizer(Authorizer.cognito({ userPools: [] })),
      routes: { 'GET /x': { integration: mock } },
    })).toThrow(/\[Test\/Api\] defaultAuthorization\.userPools/);
  });

  test('the policy rules accept Cognito and Lambda authorizers as authorization', () => {
    // Self-validation (AwsSolutions, Control Tower, cfn-lint) runs at synth: an open route would throw.
    const { template } = synth(s => ({
      defaultAuthorization: Authorization.authorizer(Authorizer.request(newFunction(s), { identitySources: ['method.request.header.X-Tenant'] })),
      routes: { 'GET /x': { integration: mock } },
    }));
    expect(template).toBeInstanceOf(Template);
  });
});
