import { App, Stack, Validations, aws_apigateway as apigw, aws_ec2 as ec2, aws_route53 as route53 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayDomain, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, RoutingRuleOptions, WebSocketIntegration } from '../../src';
import { newFunction } from '../util';

function envStack(): Stack {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  return new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
}

function domainIn(stack: Stack): GatewayDomain {
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
  return new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', hostedZone });
}

function restApi(stack: Stack, id: string, more: Partial<{ endpointType: apigw.EndpointType; vpcEndpoints: ec2.IVpcEndpoint[] }> = {}): GatewayApi {
  const api = new GatewayApi(stack, id, { ...more, routes: { 'GET /x': { integration: Integration.mock() } }, stages: [{ stageName: 'prod' }, { stageName: 'beta' }] });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A routing test: no web ACL needed.' });
  return api;
}

describe('routing rules on a custom domain', () => {
  test('rules by header and by base path, before the base path mappings', () => {
    const stack = envStack();
    const domain = domainIn(stack);
    const orders = restApi(stack, 'Orders');
    domain.addMapping(orders.defaultStage, { basePath: 'orders' });
    domain.addRoutingRule({ priority: 10, stage: orders.stages[1], headers: { 'X-Version': 'beta' } });
    domain.addRoutingRule({ priority: 20, stage: orders.stages[1], headers: { 'X-Tenant': '*-preview' }, basePath: 'orders/v2' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::DomainName', { RoutingMode: 'ROUTING_RULE_THEN_BASE_PATH_MAPPING' });
    template.hasResourceProperties('AWS::ApiGatewayV2::RoutingRule', {
      DomainNameArn: { 'Fn::GetAtt': ['Domain66AC69E0', 'DomainNameArn'] },
      Priority: 10,
      Conditions: [{ MatchHeaders: { AnyOf: [{ Header: 'X-Version', ValueGlob: 'beta' }] } }],
      Actions: [{ InvokeApi: { ApiId: { Ref: Match.stringLikeRegexp('^Orders') }, Stage: { Ref: Match.stringLikeRegexp('^OrdersStagebeta') }, StripBasePath: false } }],
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::RoutingRule', {
      Priority: 20,
      Conditions: [
        { MatchHeaders: { AnyOf: [{ Header: 'X-Tenant', ValueGlob: '*-preview' }] } },
        { MatchBasePaths: { AnyOf: ['orders/v2'] } },
      ],
      Actions: [{ InvokeApi: Match.objectLike({ StripBasePath: true }) }],
    });
  });

  test('a domain of rules alone routes by its rules only; one without rules keeps API Gateway\'s default', () => {
    const stack = envStack();
    const domain = domainIn(stack);
    domain.addRoutingRule({ priority: 1, stage: restApi(stack, 'Orders').defaultStage });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', { RoutingMode: 'ROUTING_RULE_ONLY' });
    const other = envStack();
    domainIn(other).addMapping(restApi(other, 'Orders').defaultStage);
    Template.fromStack(other).hasResourceProperties('AWS::ApiGateway::DomainName', { RoutingMode: Match.absent() });
  });

  test('API Gateway\'s limits are refused at synth', () => {
    const cases: Array<[(stage: GatewayApi) => RoutingRuleOptions, RegExp]> = [
      [api => ({ priority: 0, stage: api.defaultStage }), /addRoutingRule\(0\)\.priority: 0 is not allowed. Allowed: a whole number from 1 to 1000000/],
      [api => ({ priority: 1.5, stage: api.defaultStage }), /a whole number from 1 to 1000000/],
      [api => ({ priority: 1, stage: api.defaultStage, headers: { a: '1', b: '2', c: '3' } }), /headers: \["a","b","c"\] is not allowed. Allowed: at most 2 headers per rule/],
      [api => ({ priority: 1, stage: api.defaultStage, headers: { 'X-Amz-Date': 'x' } }), /headers name: "X-Amz-Date" is not allowed. Allowed: a header API Gateway routes on \(not x-amz-\*\)/],
      [api => ({ priority: 1, stage: api.defaultStage, headers: { Authorization: 'x' } }), /not authorization/],
      [api => ({ priority: 1, stage: api.defaultStage, headers: { 'X-*': 'x' } }), /no wildcards/],
      [api => ({ priority: 1, stage: api.defaultStage, headers: { ['X-' + 'a'.repeat(40)]: 'x' } }), /at most 39 characters/],
      [api => ({ priority: 1, stage: api.defaultStage, headers: { 'X-Version': 'be*ta' } }), /headers\['X-Version'\]: "be\*ta" is not allowed. Allowed: .*with \* only at its start, its end or both/],
      [api => ({ priority: 1, stage: api.defaultStage, headers: { 'X-Version': '*' } }), /with \* only at its start/],
      [api => ({ priority: 1, stage: api.defaultStage, headers: { 'X-Version': `*${'a'.repeat(40)}*` } }), /at most 39 characters/],
      [api => ({ priority: 1, stage: api.defaultStage, headers: { 'X-Version': 'a'.repeat(128) } }), /at most 127 characters/],
      [api => ({ priority: 1, stage: api.defaultStage, basePath: '/orders' }), /basePath: "\/orders" is not allowed/],
      [api => ({ priority: 1, stage: api.defaultStage, stripBasePath: true }), /stripBasePath only with a basePath/],
    ];
    for (const [options, error] of cases) {
      const stack = envStack();
      const api = restApi(stack, 'Orders');
      expect(() => domainIn(stack).addRoutingRule(options(api))).toThrow(error);
    }
  });

  test('a stage a rule routes to is served by the domain: with execute-api off, its URL is the domain\'s', () => {
    const stack = envStack();
    const domain = domainIn(stack);
    const orders = restApi(stack, 'Orders');
    domain.addMapping(orders.defaultStage, { basePath: 'orders' });
    domain.addRoutingRule({ priority: 1, stage: orders.stages[1], headers: { 'X-Version': 'beta' }, basePath: 'orders' });
    expect(stack.resolve(orders.stages[1].url)).toBe('https://api.example.com/orders/');
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::RestApi', { DisableExecuteApiEndpoint: true });
  });

  test('priorities are unique per domain', () => {
    const stack = envStack();
    const domain = domainIn(stack);
    const api = restApi(stack, 'Orders');
    domain.addRoutingRule({ priority: 5, stage: api.defaultStage, headers: { 'X-Version': 'a' } });
    expect(() => domain.addRoutingRule({ priority: 5, stage: api.stages[1], headers: { 'X-Version': 'b' } }))
      .toThrow('addRoutingRule(5).priority: 5 is not allowed. Allowed: a priority no other rule of the domain has (Test/Orders/Stage.prod has it)');
  });

  test('a public domain does not route to a PRIVATE API, nor beside HTTP or WebSocket APIs', () => {
    let stack = envStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
    const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
    const privateApi = restApi(stack, 'Private', { endpointType: apigw.EndpointType.PRIVATE, vpcEndpoints: [endpoint] });
    expect(() => domainIn(stack).addRoutingRule({ priority: 1, stage: privateApi.defaultStage }))
      .toThrow(/stage: "Test\/Private\/Stage.prod of a PRIVATE API" is not allowed. Allowed: a stage of a REGIONAL or EDGE API/);

    stack = envStack();
    let domain = domainIn(stack);
    const http = new GatewayHttpApi(stack, 'Http', { routes: { 'GET /items': { integration: HttpIntegration.url('https://backend.example.com/items') } } });
    domain.addHttpMapping(http.defaultStage, { basePath: 'items' });
    expect(() => domain.addRoutingRule({ priority: 1, stage: restApi(stack, 'Orders').defaultStage })).toThrow(/a domain without HTTP API mappings/);

    stack = envStack();
    domain = domainIn(stack);
    domain.addRoutingRule({ priority: 1, stage: restApi(stack, 'Orders').defaultStage, headers: { 'X-Version': 'beta' } });
    const http2 = new GatewayHttpApi(stack, 'Http', { routes: { 'GET /items': { integration: HttpIntegration.url('https://backend.example.com/items') } } });
    expect(() => domain.addHttpMapping(http2.defaultStage, { basePath: 'items' })).toThrow(/a domain without routing rules/);
    const chat = new GatewayWebSocketApi(stack, 'Chat', { connect: { integration: WebSocketIntegration.lambda(newFunction(stack)) } });
    expect(() => domain.addWebSocketMapping(chat.defaultStage)).toThrow(/a domain that serves REST or HTTP APIs/);
  });
});
