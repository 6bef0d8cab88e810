import { App, Stack, Validations, aws_apigateway as apigw, aws_certificatemanager as acm, aws_ec2 as ec2, aws_route53 as route53 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayDomain, Integration, PrivateGatewayDomain } from '../../src';

interface World {
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly endpoint: ec2.InterfaceVpcEndpoint;
  readonly certificate: acm.ICertificate;
}

function world(): World {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  const stack = new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
  const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/abc');
  return { stack, vpc, endpoint, certificate };
}

function privateApi(w: World, id = 'Orders', endpointType = apigw.EndpointType.PRIVATE): GatewayApi {
  const api = new GatewayApi(w.stack, id, {
    endpointType,
    vpcEndpoints: endpointType === apigw.EndpointType.PRIVATE ? [w.endpoint] : undefined,
    routes: { 'GET /x': { integration: Integration.mock() } },
  });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A domain test: no web ACL needed.' });
  return api;
}

describe('a private custom domain', () => {
  test('a DomainNameV2, dual-stack with TLS 1.2, whose policy admits its VPC endpoints only, each associated with it', () => {
    const w = world();
    const domain = new PrivateGatewayDomain(w.stack, 'Internal', { domainName: 'orders.internal.example.com', certificate: w.certificate, vpcEndpoints: [w.endpoint] });
    domain.addMapping(privateApi(w).defaultStage, { basePath: 'v1' });
    const template = Template.fromStack(w.stack);
    const endpointRef = { Ref: 'VpcExecuteApi29074DB4' };
    template.hasResourceProperties('AWS::ApiGateway::DomainNameV2', {
      DomainName: 'orders.internal.example.com',
      CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      EndpointConfiguration: { Types: ['PRIVATE'], IpAddressType: 'dualstack' },
      SecurityPolicy: 'TLS_1_2',
      Policy: {
        Statement: [
          { Action: 'execute-api:Invoke', Effect: 'Allow', Principal: { AWS: '*' }, Resource: 'execute-api:/*' },
          { Action: 'execute-api:Invoke', Effect: 'Deny', Principal: { AWS: '*' }, Resource: 'execute-api:/*', Condition: { StringNotEquals: { 'aws:SourceVpce': [endpointRef] } } },
        ],
      },
    });
    template.hasResourceProperties('AWS::ApiGateway::DomainNameAccessAssociation', {
      DomainNameArn: { 'Fn::GetAtt': ['Internal606E9597', 'DomainNameArn'] },
      AccessAssociationSource: endpointRef,
      AccessAssociationSourceType: 'VPCE',
    });
    template.hasResourceProperties('AWS::ApiGateway::BasePathMappingV2', {
      DomainNameArn: { 'Fn::GetAtt': ['Internal606E9597', 'DomainNameArn'] },
      RestApiId: { Ref: Match.stringLikeRegexp('^Orders') },
      Stage: { Ref: Match.stringLikeRegexp('^OrdersStageprod') },
      BasePath: 'v1',
    });
    // Served through the domain, the API's execute-api endpoint turns off, as behind a public domain.
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { DisableExecuteApiEndpoint: true });
  });

  test('routing rules route to PRIVATE APIs only; the domain routes by them first', () => {
    const w = world();
    const domain = new PrivateGatewayDomain(w.stack, 'Internal', { domainName: 'orders.internal.example.com', certificate: w.certificate, vpcEndpoints: [w.endpoint] });
    const orders = privateApi(w);
    domain.addMapping(orders.defaultStage);
    domain.addRoutingRule({ priority: 1, stage: privateApi(w, 'Beta').defaultStage, headers: { 'X-Version': 'beta' } });
    const template = Template.fromStack(w.stack);
    template.hasResourceProperties('AWS::ApiGateway::DomainNameV2', { RoutingMode: 'ROUTING_RULE_THEN_BASE_PATH_MAPPING' });
    template.hasResourceProperties('AWS::ApiGatewayV2::RoutingRule', { DomainNameArn: { 'Fn::GetAtt': ['Internal606E9597', 'DomainNameArn'] }, Priority: 1 });
    const regional = privateApi(w, 'Public', apigw.EndpointType.REGIONAL);
    expect(() => domain.addRoutingRule({ priority: 2, stage: regional.defaultStage }))
      .toThrow(/a stage of a PRIVATE API: a private domain routes to private APIs only/);
  });

  test('alias A and AAAA records to the VPC endpoint in the private hosted zone', () => {
    const w = world();
    const zone = new route53.PrivateHostedZone(w.stack, 'Zone', { zoneName: 'internal.example.com', vpc: w.vpc });
    const domain = new PrivateGatewayDomain(w.stack, 'Internal', {
      domainName: 'orders.internal.example.com', certificate: w.certificate, vpcEndpoints: [w.endpoint], privateHostedZone: zone,
    });
    const template = Template.fromStack(w.stack);
    template.hasResourceProperties('AWS::Route53::RecordSet', { Type: 'A', Name: 'orders.internal.example.com.', HostedZoneId: { Ref: 'ZoneA5DE4B68' } });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Type: 'AAAA', Name: 'orders.internal.example.com.' });
    expect(domain.url).toBe('https://orders.internal.example.com/');
  });

  test('what API Gateway refuses of a private domain is refused at synth', () => {
    let w = world();
    expect(() => new PrivateGatewayDomain(w.stack, 'Wild', { domainName: '*.internal.example.com', certificate: w.certificate, vpcEndpoints: [w.endpoint] }))
      .toThrow(/domainName: "\*.internal.example.com" is not allowed.*private custom domains cannot be wildcards/);
    expect(() => new PrivateGatewayDomain(w.stack, 'NoEndpoint', { domainName: 'a.internal.example.com', certificate: w.certificate, vpcEndpoints: [] }))
      .toThrow(/vpcEndpoints: \[\] is not allowed. Allowed: at least one execute-api interface VPC endpoint/);
    const imported = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(w.stack, 'Imported', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 });
    const zone = new route53.PrivateHostedZone(w.stack, 'Zone', { zoneName: 'internal.example.com', vpc: w.vpc });
    expect(() => new PrivateGatewayDomain(w.stack, 'ImportedEndpoint', {
      domainName: 'b.internal.example.com', certificate: w.certificate, vpcEndpoints: [imported], privateHostedZone: zone,
    })).toThrow(/no zone when the first VPC endpoint is imported/);

    w = world();
    const domain = new PrivateGatewayDomain(w.stack, 'Internal', { domainName: 'orders.internal.example.com', certificate: w.certificate, vpcEndpoints: [w.endpoint] });
    const orders = privateApi(w);
    expect(() => domain.addMapping(orders.defaultStage, { basePath: 'v1/orders' })).toThrow(/a single-level base path: a private domain maps no deeper/);
    expect(() => domain.addMapping(privateApi(w, 'Public', apigw.EndpointType.REGIONAL).defaultStage))
      .toThrow(/"Test\/Public\/Stage.prod of a REGIONAL API" is not allowed. Allowed: stages of PRIVATE APIs/);
    domain.addMapping(orders.defaultStage, { basePath: 'v1' });
    expect(() => domain.addMapping(privateApi(w, 'Other').defaultStage, { basePath: 'v1' })).toThrow(/a base path no other mapping of the domain has/);
  });

  test('a public domain points a PRIVATE API to the private domain', () => {
    const w = world();
    const zone = route53.HostedZone.fromHostedZoneAttributes(w.stack, 'PublicZone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
    const domain = new GatewayDomain(w.stack, 'Public', { domainName: 'api.example.com', hostedZone: zone });
    expect(() => domain.addMapping(privateApi(w).defaultStage)).toThrow(/a PRIVATE API is served through a PrivateGatewayDomain/);
  });
});
