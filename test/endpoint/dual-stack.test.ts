import { aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_route53 as route53 } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayDomain, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, WebSocketIntegration } from '../../src';
import { newFunction, newStack, synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };

describe('dual-stack REST APIs', () => {
  test('IPv4 unless asked: no IpAddressType is written, as before', () => {
    const { template } = synthApi(() => ({ routes }));
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: Match.absent() } });
  });

  test('REGIONAL and EDGE APIs take DUAL_STACK', () => {
    for (const endpointType of [apigw.EndpointType.REGIONAL, apigw.EndpointType.EDGE]) {
      const { template } = synthApi(() => ({ routes, endpointType, ipAddressType: apigw.IpAddressType.DUAL_STACK }));
      template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: [endpointType], IpAddressType: 'dualstack' } });
    }
  });

  test('a PRIVATE API is dual-stack only: IPV4 is refused', () => {
    const privateApi = (ipAddressType?: apigw.IpAddressType) => synthApi(stack => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
      const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
      return { routes, endpointType: apigw.EndpointType.PRIVATE, vpcEndpoints: [endpoint], ipAddressType };
    });
    expect(() => privateApi(apigw.IpAddressType.IPV4)).toThrow(
      '[Test/Api] ipAddressType: "ipv4" is not allowed. Allowed: DUAL_STACK (or nothing) for a PRIVATE API');
    privateApi(apigw.IpAddressType.DUAL_STACK).template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['PRIVATE'], IpAddressType: 'dualstack' },
    });
  });

  test('an unknown address type is refused', () => {
    expect(() => synthApi(() => ({ routes, ipAddressType: 'ipv6' as apigw.IpAddressType })))
      .toThrow('ipAddressType: "ipv6" is not allowed. Allowed: one of ipv4, dualstack');
  });

  test('a deny list of IPv4 addresses only on a dual-stack API is a warning: IPv6 callers pass it', () => {
    const warnings = (ipAddressType: apigw.IpAddressType | undefined, denySourceIps: string[]) => {
      const { stack } = synthApi(() => ({ routes, ipAddressType, resourcePolicy: { denySourceIps } }));
      return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('IPv6 callers are not denied'));
    };
    expect(warnings(apigw.IpAddressType.DUAL_STACK, ['198.51.100.0/24'])).toHaveLength(1);
    expect(warnings(apigw.IpAddressType.DUAL_STACK, ['198.51.100.0/24', '2001:db8::/32'])).toHaveLength(0);
    expect(warnings(undefined, ['198.51.100.0/24'])).toHaveLength(0);
  });
});

describe('dual-stack HTTP and WebSocket APIs', () => {
  test('the API resource says dualstack; IPv4 by default', () => {
    const stack = newStack();
    new GatewayHttpApi(stack, 'Http', {
      ipAddressType: apigwv2.IpAddressType.DUAL_STACK,
      routes: { 'GET /items': { integration: HttpIntegration.url('https://backend.example.com/items') } },
    });
    new GatewayWebSocketApi(stack, 'Ws', {
      ipAddressType: apigwv2.IpAddressType.DUAL_STACK,
      connect: { integration: WebSocketIntegration.lambda(newFunction(stack)) },
    });
    new GatewayHttpApi(stack, 'Plain', { routes: { 'GET /items': { integration: HttpIntegration.url('https://backend.example.com/items') } } });
    const apis = Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Api');
    const typeOf = (prefix: string) => Object.entries(apis).find(([id]) => id.startsWith(prefix))![1].Properties.IpAddressType;
    expect([typeOf('Http'), typeOf('Ws'), typeOf('Plain')]).toEqual(['dualstack', 'dualstack', undefined]);
  });

  test('an unknown address type is refused', () => {
    expect(() => new GatewayHttpApi(newStack(), 'Http', { ipAddressType: 'both' as apigwv2.IpAddressType }))
      .toThrow('[Test/Http] ipAddressType: "both" is not allowed. Allowed: one of ipv4, dualstack');
  });
});

describe('dual-stack custom domains', () => {
  const zoneIn = (stack: ReturnType<typeof newStack>) =>
    route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });

  test('the domain says dualstack and gets an AAAA alias record beside its A record', () => {
    const stack = newStack();
    const domain = new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', hostedZone: zoneIn(stack), ipAddressType: apigw.IpAddressType.DUAL_STACK });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::DomainName', { EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: 'dualstack' } });
    template.resourceCountIs('AWS::Route53::RecordSet', 2);
    template.hasResourceProperties('AWS::Route53::RecordSet', { Type: 'AAAA', Name: 'api.example.com.', AliasTarget: Match.objectLike({}) });
    expect(domain.aliasRecordIpv6).toBeDefined();
  });

  test('an IPv4 domain has its A record only', () => {
    const stack = newStack();
    new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', hostedZone: zoneIn(stack) });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Route53::RecordSet', 1);
    template.hasResourceProperties('AWS::ApiGateway::DomainName', { EndpointConfiguration: { IpAddressType: Match.absent() } });
  });
});
