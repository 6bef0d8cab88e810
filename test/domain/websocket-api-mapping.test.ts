import { App, Stack, Validations, aws_apigateway as apigw, aws_route53 as route53 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayDomain, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, WebSocketIntegration } from '../../src';
import { newFunction } from '../util';

function envStack(): Stack {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  return new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
}

function domainIn(stack: Stack, more: Partial<{ endpointType: apigw.EndpointType; securityPolicy: apigw.SecurityPolicy }> = {}): GatewayDomain {
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
  return new GatewayDomain(stack, 'Domain', { domainName: 'chat.example.com', hostedZone, ...more });
}

function chatApi(stack: Stack, id = 'Chat'): GatewayWebSocketApi {
  return new GatewayWebSocketApi(stack, id, { connect: { integration: WebSocketIntegration.lambda(newFunction(stack, `${id}Fn`)) } });
}

describe('custom domains for WebSocket APIs', () => {
  test('a stage is mapped with an ApiMapping and the wss URL clients connect to is answered', () => {
    const stack = envStack();
    const domain = domainIn(stack);
    const chat = chatApi(stack);
    const support = chatApi(stack, 'Support');
    expect(domain.addWebSocketMapping(chat.defaultStage, { basePath: 'live' })).toBe('wss://chat.example.com/live');
    expect(domain.addWebSocketMapping(support.defaultStage, { basePath: 'support' })).toBe('wss://chat.example.com/support');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 2);
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      DomainName: { Ref: 'Domain66AC69E0' },
      ApiId: { Ref: 'Chat26DEB33F' },
      Stage: { Ref: 'ChatStageprodE083F2E8' },
      ApiMappingKey: 'live',
    });
    // The execute-api endpoint stays: backends post to connections through the stage's callbackUrl.
    expect(chat.defaultStage.callbackUrl).toContain('execute-api');
  });

  test('a root mapping answers the bare domain', () => {
    const stack = envStack();
    expect(domainIn(stack).addWebSocketMapping(chatApi(stack).defaultStage)).toBe('wss://chat.example.com');
  });

  test('EDGE domains and enhanced TLS policies are refused', () => {
    let stack = envStack();
    const edge = new GatewayDomain(stack, 'Edge', {
      domainName: 'chat.example.com', certificate: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' } as any, endpointType: apigw.EndpointType.EDGE,
    });
    expect(() => edge.addWebSocketMapping(chatApi(stack).defaultStage)).toThrow(
      '[Test/Edge] addWebSocketMapping(Test/Chat/Stage.prod): "a domain with endpointType EDGE" is not allowed. Allowed: a REGIONAL domain');
    stack = envStack();
    const enhanced = domainIn(stack, { securityPolicy: apigw.SecurityPolicy.TLS13_1_2_PFS_PQ_2025_09 });
    expect(() => enhanced.addWebSocketMapping(chatApi(stack).defaultStage)).toThrow(/a domain with the TLS_1_2 policy, the only one WebSocket APIs are served with/);
  });

  test('a domain serves WebSocket APIs or REST and HTTP APIs, never both', () => {
    const stack = envStack();
    const domain = domainIn(stack);
    domain.addWebSocketMapping(chatApi(stack).defaultStage, { basePath: 'live' });
    const rest = new GatewayApi(stack, 'Rest', { routes: { 'GET /x': { integration: Integration.mock() } } });
    Validations.of(rest).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A mapping test: no web ACL needed.' });
    const http = new GatewayHttpApi(stack, 'Http', { routes: { 'GET /items': { integration: HttpIntegration.url('https://backend.example.com/items') } } });
    expect(() => domain.addMapping(rest.defaultStage, { basePath: 'rest' })).toThrow(
      'addMapping(Test/Rest/Stage.prod): "a domain that serves WebSocket APIs" is not allowed. Allowed: a domain of its own');
    expect(() => domain.addHttpMapping(http.defaultStage, { basePath: 'items' })).toThrow(/a domain that serves WebSocket APIs/);

    const other = envStack();
    const restDomain = domainIn(other);
    const restApi = new GatewayApi(other, 'Rest', { routes: { 'GET /x': { integration: Integration.mock() } } });
    restDomain.addMapping(restApi.defaultStage, { basePath: 'rest' });
    expect(() => restDomain.addWebSocketMapping(chatApi(other).defaultStage, { basePath: 'live' })).toThrow(
      '"a domain that serves REST or HTTP APIs" is not allowed');
  });

  test('base paths are checked and claimed as for the other mappings', () => {
    const stack = envStack();
    const domain = domainIn(stack);
    domain.addWebSocketMapping(chatApi(stack).defaultStage, { basePath: 'live' });
    expect(() => domain.addWebSocketMapping(chatApi(stack, 'Other').defaultStage, { basePath: 'live' })).toThrow(/a base path no other mapping of the domain has/);
    expect(() => domain.addWebSocketMapping(chatApi(stack, 'Third').defaultStage, { basePath: '/bad' })).toThrow(/addWebSocketMapping\(Test\/Third\/Stage.prod\)\.basePath/);
  });
});
