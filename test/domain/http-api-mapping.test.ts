import { App, Stack, Validations, aws_apigateway as apigw, aws_route53 as route53 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayDomain, GatewayHttpApi, HttpIntegration, Integration } from '../../src';

function envStack(region = 'eu-west-1'): Stack {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  return new Stack(app, 'Test', { env: { account: '123456789012', region } });
}

type DomainChoices = Partial<{ endpointType: apigw.EndpointType; securityPolicy: apigw.SecurityPolicy }>;

function domainIn(stack: Stack, id: string, more: DomainChoices = {}): GatewayDomain {
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, `${id}Zone`, { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
  return new GatewayDomain(stack, id, { domainName: `${id.toLowerCase()}.example.com`, hostedZone, ...more });
}

function httpApi(stack: Stack, id: string, more: { disableExecuteApiEndpoint?: boolean } = {}): GatewayHttpApi {
  return new GatewayHttpApi(stack, id, {
    ...more,
    routes: { 'GET /items': { integration: HttpIntegration.url('https://backend.example.com/items') } },
  });
}

describe('custom domains for HTTP APIs', () => {
  test('HTTP stages are mapped with ApiMapping, one level or several, beside REST stages; execute-api turns off', () => {
    const stack = envStack();
    const domain = domainIn(stack, 'Api');
    const orders = httpApi(stack, 'Orders');
    const catalog = httpApi(stack, 'Catalog', { disableExecuteApiEndpoint: false });
    const rest = new GatewayApi(stack, 'Rest', { routes: { 'GET /x': { integration: Integration.mock() } } });
    Validations.of(rest).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A mapping test: no web ACL needed.' });
    domain.addHttpMapping(orders.defaultStage, { basePath: 'orders' });
    domain.addHttpMapping(catalog.defaultStage, { basePath: 'v1/catalog' });
    domain.addMapping(rest.defaultStage, { basePath: 'legacy' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      DomainName: { Ref: Match.stringLikeRegexp('^Api') },
      ApiId: { Ref: Match.stringLikeRegexp('^Orders') },
      Stage: { Ref: Match.stringLikeRegexp('^OrdersStage') },
      ApiMappingKey: 'orders',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiId: { Ref: Match.stringLikeRegexp('^Catalog') }, ApiMappingKey: 'v1/catalog' });
    template.resourceCountIs('AWS::ApiGateway::BasePathMapping', 1);
    const apis = template.findResources('AWS::ApiGatewayV2::Api');
    const disabled = (prefix: string) => Object.entries(apis).find(([id]) => id.startsWith(prefix))![1].Properties.DisableExecuteApiEndpoint;
    expect(disabled('Orders')).toBe(true);
    expect(disabled('Catalog')).toBe(false);
  });

  test('an unmapped HTTP API keeps its execute-api endpoint; a root mapping has no key', () => {
    const stack = envStack();
    const unmapped = httpApi(stack, 'Unmapped');
    domainIn(stack, 'Root').addHttpMapping(httpApi(stack, 'Mapped').defaultStage);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'Unmapped', DisableExecuteApiEndpoint: Match.absent() });
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: Match.absent() });
    expect(unmapped.url).toBeDefined();
  });

  test('refused: EDGE domains, enhanced security policies, taken and malformed base paths', () => {
    const stack = envStack('us-east-1');
    const api = httpApi(stack, 'Orders');
    const stage = api.defaultStage;
    expect(() => domainIn(stack, 'Edge', { endpointType: apigw.EndpointType.EDGE }).addHttpMapping(stage))
      .toThrow(/\[Test\/Edge\] addHttpMapping\(Test\/Orders\/Stage\.\$default\): "a domain with endpointType EDGE" is not allowed\. Allowed: a REGIONAL domain/);
    expect(() => domainIn(stack, 'Strict', { securityPolicy: apigw.SecurityPolicy.TLS13_1_3_2025_09 }).addHttpMapping(stage))
      .toThrow(/Allowed: a domain with the TLS_1_2 policy: API Gateway refuses HTTP API mappings on domains with enhanced policies/);
    const domain = domainIn(stack, 'Api');
    expect(() => domain.addHttpMapping(stage, { basePath: 'orders/' })).toThrow(/addHttpMapping\(Test\/Orders\/Stage\.\$default\)\.basePath: "orders\/" is not allowed/);
    domain.addHttpMapping(stage, { basePath: 'orders' });
    expect(() => domain.addHttpMapping(httpApi(stack, 'Other').defaultStage, { basePath: 'orders' }))
      .toThrow(/Allowed: a base path no other mapping of the domain has \(Test\/Orders\/Stage\.\$default is served there\)/);
  });
});
