import { Duration, Stack, aws_cognito as cognito, aws_iam as iam } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  Compliance, GatewayHttpApi, GatewayHttpApiProps, HttpAuthorization, HttpAuthorizer, HttpIntegration,
} from '../../src';
import { keysBesidesAlarmTopic, newFunction, newStack } from '../util';

function synthHttp(build: (stack: Stack) => GatewayHttpApiProps): { stack: Stack; api: GatewayHttpApi; template: Template } {
  const stack = newStack();
  const api = new GatewayHttpApi(stack, 'Api', build(stack));
  return { stack, api, template: Template.fromStack(stack) };
}

describe('GatewayHttpApi', () => {
  test('routes to Lambda (payload 2.0) and a URL, one integration per backend, IAM by default, one invoke permission per function', () => {
    const { template, stack, api } = synthHttp(s => {
      const fn = newFunction(s);
      return {
        routes: {
          'GET /items': { integration: HttpIntegration.lambda(fn) },
          'GET /items/{id}': { integration: HttpIntegration.lambda(fn) },
          'ANY /legacy/{proxy+}': { integration: HttpIntegration.url('https://legacy.example.com/{proxy}', { timeout: Duration.seconds(10) }) },
        },
      };
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', Name: 'Api' });
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      TimeoutInMillis: 30000,
      IntegrationUri: { 'Fn::GetAtt': ['Fn9270CBC0', 'Arn'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'ANY', IntegrationUri: 'https://legacy.example.com/{proxy}', TimeoutInMillis: 10000,
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 3);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /items/{id}', AuthorizationType: 'AWS_IAM' });
    template.resourceCountIs('AWS::Lambda::Permission', 1);
    const permission = Object.values(template.findResources('AWS::Lambda::Permission'))[0] as any;
    expect(permission.Properties.Principal).toBe('apigateway.amazonaws.com');
    expect(JSON.stringify(permission.Properties.SourceArn)).toContain(`${JSON.stringify(stack.resolve(api.apiId))},"/*/*/*"`);
  });

  test('a $default stage: auto-deployed, JSON access logs kept a year, throttled and with detailed metrics; route limits as route settings', () => {
    const { template, stack, api } = synthHttp(() => ({
      routes: {
        'POST /orders': { integration: HttpIntegration.url('https://orders.example.com'), throttle: { rateLimit: 10, burstLimit: 20 } },
        '$default': { integration: HttpIntegration.url('https://fallback.example.com') },
      },
    }));
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
      DefaultRouteSettings: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000, DetailedMetricsEnabled: true },
      RouteSettings: { 'POST /orders': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20, DetailedMetricsEnabled: true } },
    });
    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 365 }, DeletionPolicy: 'Retain' });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as any;
    expect(stage.DependsOn).toEqual([stack.getLogicalId(api.node.findChild('Route[POST |orders]') as any)]);
    expect(stack.resolve(api.url)).toEqual({ 'Fn::Join': ['', ['https://', { Ref: 'ApiF70053CD' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/']] });
  });

  test('JWT (Cognito) default authorizer with scopes, a Lambda authorizer, an IAM route and an explicitly open route', () => {
    const { template, stack } = synthHttp(s => {
      const userPool = new cognito.UserPool(s, 'Pool');
      const client = userPool.addClient('Web');
      const authFn = newFunction(s, 'AuthFn');
      const backend = HttpIntegration.url('https://backend.example.com');
      return {
        defaultAuthorization: HttpAuthorization.authorizer(HttpAuthorizer.cognito({ userPool, clients: [client] })),
        routes: {
          'GET /me': { integration: backend },
          'POST /admin': { integration: backend, authorization: HttpAuthorization.authorizer(HttpAuthorizer.cognito({ userPool, clients: [client], authorizerName: 'admins' }), ['admin/write']) },
          'GET /partner': { integration: backend, authorization: HttpAuthorization.authorizer(HttpAuthorizer.lambda(authFn, { resultsCacheTtl: Duration.minutes(1) })) },
          'GET /internal': { integration: backend, authorization: HttpAuthorization.iam() },
          'GET /health': { integration: backend, authorization: HttpAuthorization.none('A test of an open route.') },
        },
        policyValidation: false,
      };
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      Name: 'cognito',
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: 'PoolD3F588B8' }]] },
        Audience: [{ Ref: Match.stringLikeRegexp('^PoolWeb') }],
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      Name: 'AuthFn-authorizer',
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 60,
      IdentitySource: ['$request.header.Authorization'],
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 3);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /me', AuthorizationType: 'JWT', AuthorizerId: Match.anyValue() });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /admin', AuthorizationType: 'JWT', AuthorizationScopes: ['admin/write'] });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /partner', AuthorizationType: 'CUSTOM' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /internal', AuthorizationType: 'AWS_IAM' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /health', AuthorizationType: 'NONE' });
    const authorizePermission = Object.values(template.findResources('AWS::Lambda::Permission'))
      .find((p: any) => JSON.stringify(p.Properties.FunctionName).includes('AuthFn')) as any;
    expect(JSON.stringify(stack.resolve(authorizePermission.Properties.SourceArn))).toContain('/authorizers/*');
  });

  test('CORS: API Gateway answers preflights; methods default to those of the routes', () => {
    const { template } = synthHttp(() => ({
      cors: { allowOrigins: ['https://app.example.com'], allowCredentials: true, maxAge: Duration.hours(1) },
      routes: {
        'GET /items': { integration: HttpIntegration.url('https://b.example.com') },
        'POST /items': { integration: HttpIntegration.url('https://b.example.com') },
      },
    }));
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://app.example.com'],
        AllowMethods: ['GET', 'POST'],
        AllowCredentials: true,
        MaxAge: 3600,
        AllowHeaders: ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token'],
      },
    });
  });

  test('named stages with their own settings, and encrypted logs under a compliance preset', () => {
    const { template } = synthHttp(() => ({
      compliance: Compliance.NIST_800_53_R5,
      stages: [{ stageName: 'prod', variables: { tier: 'gold' } }, { stageName: 'beta', throttlingRateLimit: 5, throttlingBurstLimit: 10, detailedMetrics: false }],
      routes: { 'GET /items': { integration: HttpIntegration.url('https://b.example.com') } },
    }));
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 2);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'prod', StageVariables: { tier: 'gold' } });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: 'beta', DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10, DetailedMetricsEnabled: false },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.anyValue() });
    expect(keysBesidesAlarmTopic(template)).toHaveLength(1);
  });

  test('grantInvoke scopes execute-api:Invoke to the API, a method and a path', () => {
    const stack = newStack();
    const api = new GatewayHttpApi(stack, 'Api', { routes: { 'GET /items': { integration: HttpIntegration.url('https://b.example.com') } } });
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvoke(role, 'GET', '/items');
    api.defaultStage.grantInvoke(role);
    const statements = Template.fromStack(stack).findResources('AWS::IAM::Policy');
    const resources = (Object.values(statements)[0] as any).Properties.PolicyDocument.Statement.map((st: any) => stack.resolve(st.Resource));
    expect(JSON.stringify(resources)).toContain('/*/GET/items');
    expect(JSON.stringify(resources)).toContain('/$default/*/*');
  });

  describe('refuses at synth what API Gateway would refuse at deploy', () => {
    const url = HttpIntegration.url('https://b.example.com');
    test.each<[string, (stack: Stack) => GatewayHttpApiProps, RegExp]>([
      ['a malformed route key', () => ({ routes: { 'FETCH /x': { integration: url } } }), /routes\['FETCH \/x'\]: "FETCH \/x" is not allowed/],
      ['a timeout above 30 s', () => ({ routes: { 'GET /x': { integration: HttpIntegration.url('https://b.example.com', { timeout: Duration.seconds(31) }) } } }),
        /routes\['GET \/x'\]\.integration\.timeout: 31000 is not allowed\. Allowed: a whole number from 50 to 30000 ms/],
      ['a non-URL backend', () => ({ routes: { 'GET /x': { integration: HttpIntegration.url('backend.example.com') } } }), /integration\.url: "backend\.example\.com" is not allowed\. Allowed: an http:\/\/ or https:\/\/ URL without spaces/],
      ['scopes without a JWT authorizer', s => ({
        routes: { 'GET /x': { integration: url, authorization: HttpAuthorization.authorizer(HttpAuthorizer.lambda(newFunction(s)), ['read']) } },
      }), /routes\['GET \/x'\]\.authorization: \["read"\] is not allowed\. Allowed: scopes only with a JWT authorizer/],
      ['a JWT issuer over http', () => ({
        defaultAuthorization: HttpAuthorization.authorizer(HttpAuthorizer.jwt({ issuer: 'http://auth.example.com', audience: ['app'] })),
        routes: { 'GET /x': { integration: url } },
      }), /HttpAuthorizer\.jwt\(…\)\.issuer: "http:\/\/auth\.example\.com" is not allowed\. Allowed: an https URL/],
      ['an identity source of the wrong form', s => ({
        routes: { 'GET /x': { integration: url, authorization: HttpAuthorization.authorizer(HttpAuthorizer.lambda(newFunction(s), { identitySources: ['Authorization'] })) } },
      }), /identitySources\[0\]: "Authorization" is not allowed\. Allowed: \$request\.header\.<name>/],
      ['a result cache TTL above an hour', s => ({
        routes: { 'GET /x': { integration: url, authorization: HttpAuthorization.authorizer(HttpAuthorizer.lambda(newFunction(s), { resultsCacheTtl: Duration.hours(2) })) } },
      }), /resultsCacheTtl: 7200 is not allowed\. Allowed: a whole number from 0 to 3600 seconds/],
      ['a stage name with a dot', () => ({ stages: [{ stageName: 'v1.0' }] }), /stages\[0\]\.stageName: "v1\.0" is not allowed\. Allowed: \$default, or letters/],
      ['two stages of one name', () => ({ stages: [{ stageName: 'prod' }, { stageName: 'prod' }] }), /stages\[1\]\.stageName: "prod" is not allowed\. Allowed: a name no other stage of the API has \(prod\)/],
      ['a CORS max age above a day', () => ({ cors: { allowOrigins: ['*'], maxAge: Duration.days(2) } }), /cors\.maxAge: "172800 seconds" is not allowed\. Allowed: at most 86400 seconds/],
    ])('%s', (_name, props, message) => {
      expect(() => synthHttp(props)).toThrow(message);
    });

    test('two different authorizers of one name', () => {
      const jwt = (audience: string) => HttpAuthorization.authorizer(HttpAuthorizer.jwt({ issuer: 'https://auth.example.com', audience: [audience] }));
      expect(() => synthHttp(() => ({
        routes: { 'GET /a': { integration: url, authorization: jwt('a') }, 'GET /b': { integration: url, authorization: jwt('b') } },
      }))).toThrow(/authorizerName: "jwt" is not allowed\. Allowed: a name no other authorizer of the API has/);
    });
  });
});
