import { aws_apigateway as apigw, aws_certificatemanager as acm, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { GatewayApi, GatewayApiProps, GatewayDomain, Integration } from '../../src';
import { newStack, synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };
const restApi = (template: { findResources(type: string): { [id: string]: any } }) =>
  Object.values(template.findResources('AWS::ApiGateway::RestApi'))[0].Properties;

describe('TLS on the execute-api endpoint', () => {
  test.each([
    ['REGIONAL', {}, 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09', 'STRICT'],
    ['EDGE', { endpointType: apigw.EndpointType.EDGE }, 'SecurityPolicy_TLS12_PFS_2025_EDGE', 'STRICT'],
    ['REGIONAL, TLS 1.3 only', { securityPolicy: apigw.SecurityPolicy.TLS13_1_3_2025_09 }, 'SecurityPolicy_TLS13_1_3_2025_09', 'STRICT'],
    ['REGIONAL, BASIC while migrating', { endpointAccessMode: apigw.EndpointAccessMode.BASIC }, 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09', 'BASIC'],
    ['REGIONAL, the legacy TLS_1_2', { securityPolicy: apigw.SecurityPolicy.TLS_1_2 }, 'TLS_1_2', undefined],
  ] as [string, Partial<GatewayApiProps>, string, string | undefined][])('%s: %s with access mode %s', (_name, props, policy, mode) => {
    const { template } = synthApi(() => ({ routes, ...props }));
    const api = restApi(template);
    expect(api.SecurityPolicy).toBe(policy);
    expect(api.EndpointAccessMode).toBe(mode);
  });

  test('a PRIVATE API gets the enhanced policy with BASIC access: its callers use VPC endpoint host names', () => {
    const { template } = synthApi(stack => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
      const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
      return { routes, endpointType: apigw.EndpointType.PRIVATE, vpcEndpoints: [endpoint] };
    });
    expect(restApi(template)).toMatchObject({ SecurityPolicy: 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09', EndpointAccessMode: 'BASIC' });
  });

  test.each([
    ['TLS 1.0', { securityPolicy: apigw.SecurityPolicy.TLS_1_0 }, /\[Test\/Api\] securityPolicy: "TLS_1_0" is not allowed\. Allowed: TLS_1_2 or an enhanced/],
    ['an _EDGE policy on a REGIONAL API', { securityPolicy: apigw.SecurityPolicy.TLS13_2025_EDGE }, /securityPolicy: "SecurityPolicy_TLS13_2025_EDGE" is not allowed\. Allowed: a policy without the _EDGE suffix on a REGIONAL API/],
    ['a regional policy on an EDGE API', { endpointType: apigw.EndpointType.EDGE, securityPolicy: apigw.SecurityPolicy.TLS13_1_3_2025_09 }, /Allowed: an _EDGE policy on an EDGE API/],
    ['TLS_1_2 on an EDGE API', { endpointType: apigw.EndpointType.EDGE, securityPolicy: apigw.SecurityPolicy.TLS_1_2 }, /Allowed: an _EDGE policy on an EDGE API \(TLS_1_2 is for custom domains only\)/],
    ['an access mode with a legacy policy', { securityPolicy: apigw.SecurityPolicy.TLS_1_2, endpointAccessMode: apigw.EndpointAccessMode.STRICT }, /endpointAccessMode: "STRICT" is not allowed\. Allowed: no access mode with the legacy policy TLS_1_2/],
  ] as [string, Partial<GatewayApiProps>, RegExp][])('%s is refused at synth', (_name, props, message) => {
    expect(() => new GatewayApi(newStack(), 'Api', { routes, ...props })).toThrow(message);
  });
});

describe('TLS on custom domains', () => {
  const cert = (stack: ReturnType<typeof newStack>) => acm.Certificate.fromCertificateArn(stack, `Cert${stack.node.children.length}`, 'arn:aws:acm:us-east-1:111111111111:certificate/abc');

  test('an enhanced policy is STRICT by default, BASIC on request; TLS_1_2 takes no access mode', () => {
    const stack = newStack();
    const strict = new GatewayDomain(stack, 'Strict', { domainName: 'a.example.com', certificate: cert(stack), securityPolicy: apigw.SecurityPolicy.TLS13_1_3_2025_09 });
    const basic = new GatewayDomain(stack, 'Basic', {
      domainName: 'b.example.com', certificate: cert(stack), securityPolicy: apigw.SecurityPolicy.TLS13_1_3_2025_09, endpointAccessMode: apigw.EndpointAccessMode.BASIC,
    });
    const legacy = new GatewayDomain(stack, 'Legacy', { domainName: 'c.example.com', certificate: cert(stack) });
    expect(strict.cfnDomainName.endpointAccessMode).toBe('STRICT');
    expect(basic.cfnDomainName.endpointAccessMode).toBe('BASIC');
    expect(legacy.cfnDomainName.endpointAccessMode).toBeUndefined();
    expect(() => new GatewayDomain(stack, 'Bad', { domainName: 'd.example.com', certificate: cert(stack), endpointAccessMode: apigw.EndpointAccessMode.BASIC }))
      .toThrow(/\[Test\/Bad\] endpointAccessMode: "BASIC" is not allowed\. Allowed: no access mode with the legacy policy TLS_1_2/);
  });
});
