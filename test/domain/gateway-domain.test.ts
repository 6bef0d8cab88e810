import {
  App, Stack, aws_apigateway as apigw, aws_certificatemanager as acm, aws_ec2 as ec2, aws_route53 as route53, aws_s3 as s3,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CustomDomainOptions, GatewayApi, GatewayApiProps, GatewayDomain, GatewayDomainProps, Integration } from '../../src';

const routes = { 'GET /x': { integration: Integration.mock() } };

function envStack(region = 'eu-west-1'): Stack {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  return new Stack(app, 'Test', { env: { account: '123456789012', region } });
}

function zoneOf(stack: Stack): route53.IHostedZone {
  const existing = stack.node.tryFindChild('Zone') as route53.IHostedZone | undefined;
  return existing ?? route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
}

function apiWithDomain(
  domain: (stack: Stack) => CustomDomainOptions, more: Partial<GatewayApiProps> = {},
): { stack: Stack; api: GatewayApi; template: Template } {
  const stack = envStack();
  const api = new GatewayApi(stack, 'Api', { routes, ...more, domain: domain(stack) });
  return { stack, api, template: Template.fromStack(stack) };
}

describe('custom domains', () => {
  test('a REGIONAL domain with TLS 1.2, a DNS-validated certificate, an alias record, the default stage at the root, and execute-api off', () => {
    const { template, stack, api } = apiWithDomain(s => ({ domainName: 'api.example.com', hostedZone: zoneOf(s) }));
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'api.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'api.example.com', HostedZoneId: 'Z0123456789ABC' }],
    });
    template.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.example.com',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      RegionalCertificateArn: { Ref: stack.getLogicalId(api.domain!.certificate.node.defaultChild as acm.CfnCertificate) },
      SecurityPolicy: 'TLS_1_2',
    });
    const domain = Object.keys(template.findResources('AWS::ApiGateway::DomainName'))[0];
    template.hasResourceProperties('AWS::ApiGateway::BasePathMapping', {
      DomainName: { Ref: domain }, RestApiId: { Ref: 'ApiF70053CD' }, Stage: { Ref: 'ApiStageprod624FA46F' },
    });
    expect(Object.values(template.findResources('AWS::ApiGateway::BasePathMapping'))[0].Properties.BasePath).toBeUndefined();
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.example.com.',
      Type: 'A',
      HostedZoneId: 'Z0123456789ABC',
      AliasTarget: {
        DNSName: { 'Fn::GetAtt': [domain, 'RegionalDomainName'] },
        HostedZoneId: { 'Fn::GetAtt': [domain, 'RegionalHostedZoneId'] },
      },
    });
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { DisableExecuteApiEndpoint: true });
  });

  test('stages at single- and multi-level base paths: BasePathMapping and ApiGatewayV2 ApiMapping', () => {
    const certificateArn = 'arn:aws:acm:eu-west-1:123456789012:certificate/abc';
    const { template, api, stack } = apiWithDomain(s => ({
      domainName: 'api.example.com',
      certificate: acm.Certificate.fromCertificateArn(s, 'Cert', certificateArn),
      mappings: [{ stageName: 'prod', basePath: 'orders' }, { stageName: 'beta', basePath: 'v2/orders' }],
    }), { stages: [{ stageName: 'prod' }, { stageName: 'beta' }] });
    template.hasResourceProperties('AWS::ApiGateway::DomainName', { RegionalCertificateArn: certificateArn });
    template.hasResourceProperties('AWS::ApiGateway::BasePathMapping', { BasePath: 'orders', Stage: { Ref: 'ApiStageprod624FA46F' } });
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      ApiMappingKey: 'v2/orders', ApiId: { Ref: 'ApiF70053CD' }, Stage: { Ref: stack.getLogicalId(api.stages[1].stage) },
    });
    template.resourceCountIs('AWS::Route53::RecordSet', 0);
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    expect(api.domain!.url).toBe('https://api.example.com/');
  });

  test('one domain in front of two APIs; an API may keep its execute-api endpoint explicitly', () => {
    const stack = envStack();
    const orders = new GatewayApi(stack, 'Orders', { routes });
    const catalog = new GatewayApi(stack, 'Catalog', { routes, disableExecuteApiEndpoint: false });
    const domain = new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', hostedZone: zoneOf(stack) });
    domain.addMapping(orders.defaultStage, { basePath: 'orders' });
    domain.addMapping(catalog.defaultStage, { basePath: 'catalog' });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ApiGateway::BasePathMapping', 2);
    const apis = template.findResources('AWS::ApiGateway::RestApi');
    expect(apis[stack.getLogicalId(orders.restApi)].Properties.DisableExecuteApiEndpoint).toBe(true);
    expect(apis[stack.getLogicalId(catalog.restApi)].Properties.DisableExecuteApiEndpoint).toBe(false);
  });

  test('turning the execute-api endpoint off is part of the deployment snapshot', () => {
    const deployments = (withDomain: boolean) => {
      const stack = envStack();
      const api = new GatewayApi(stack, 'Api', { routes });
      if (withDomain) new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', hostedZone: zoneOf(stack) }).addMapping(api.defaultStage);
      return Object.keys(Template.fromStack(stack).findResources('AWS::ApiGateway::Deployment'));
    };
    expect(deployments(true)).not.toEqual(deployments(false));
  });

  test('mutual TLS with a versioned truststore', () => {
    const { template } = apiWithDomain(stack => ({
      domainName: 'mtls.example.com',
      hostedZone: zoneOf(stack),
      mutualTls: { bucket: s3.Bucket.fromBucketName(stack, 'Trust', 'my-truststore'), key: 'ca/truststore.pem', version: 'v3' },
    }));
    template.hasResourceProperties('AWS::ApiGateway::DomainName', {
      SecurityPolicy: 'TLS_1_2',
      MutualTlsAuthentication: { TruststoreUri: 's3://my-truststore/ca/truststore.pem', TruststoreVersion: 'v3' },
    });
  });

  test('an EDGE domain takes a us-east-1 certificate and aliases the distribution', () => {
    const stack = envStack('us-east-1');
    const domain = new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', hostedZone: zoneOf(stack), endpointType: apigw.EndpointType.EDGE });
    const template = Template.fromStack(stack);
    const id = stack.getLogicalId(domain.cfnDomainName);
    template.hasResourceProperties('AWS::ApiGateway::DomainName', { EndpointConfiguration: { Types: ['EDGE'] }, CertificateArn: { Ref: stack.getLogicalId(domain.certificate.node.defaultChild as acm.CfnCertificate) } });
    template.hasResourceProperties('AWS::Route53::RecordSet', { AliasTarget: { DNSName: { 'Fn::GetAtt': [id, 'DistributionDomainName'] } } });
  });

  test('an enhanced security policy gets the STRICT access mode', () => {
    const stack = envStack();
    new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', hostedZone: zoneOf(stack), securityPolicy: apigw.SecurityPolicy.TLS13_1_3_2025_09 });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', EndpointAccessMode: 'STRICT',
    });
  });

  describe('refuses at synth what API Gateway or CloudFormation would refuse at deploy', () => {
    const cert = (stack: Stack, region = 'eu-west-1') => acm.Certificate.fromCertificateArn(stack, 'Cert', `arn:aws:acm:${region}:123456789012:certificate/abc`);
    test.each<[string, (stack: Stack) => GatewayDomainProps, RegExp]>([
      ['uppercase', s => ({ domainName: 'API.example.com', certificate: cert(s) }), /domainName: "API\.example\.com" is not allowed\. Allowed: a lowercase DNS name/],
      ['no certificate and no zone', () => ({ domainName: 'api.example.com' }), /certificate: "undefined" is not allowed\. Allowed: a certificate, or a hostedZone to validate a new one in/],
      ['a zone that does not hold the domain', s => ({ domainName: 'api.example.org', hostedZone: zoneOf(s) }), /hostedZone: "example\.com" is not allowed\. Allowed: the zone of api\.example\.org/],
      ['TLS 1.0', s => ({ domainName: 'api.example.com', certificate: cert(s), securityPolicy: apigw.SecurityPolicy.TLS_1_0 }), /securityPolicy: "TLS_1_0" is not allowed/],
      ['an EDGE policy on a REGIONAL domain', s => ({ domainName: 'api.example.com', certificate: cert(s), securityPolicy: apigw.SecurityPolicy.TLS13_2025_EDGE }), /securityPolicy: "SecurityPolicy_TLS13_2025_EDGE" is not allowed\. Allowed: a policy without the _EDGE suffix/],
      ['a certificate of another region', s => ({ domainName: 'api.example.com', certificate: cert(s, 'us-west-2') }), /certificate: "a certificate in us-west-2" is not allowed\. Allowed: a certificate in eu-west-1/],
      ['an EDGE domain whose certificate is not in us-east-1', s => ({ domainName: 'api.example.com', hostedZone: zoneOf(s), endpointType: apigw.EndpointType.EDGE }), /Allowed: a certificate in us-east-1 for an EDGE domain/],
      ['mutual TLS on EDGE', s => ({ domainName: 'api.example.com', certificate: cert(s, 'us-east-1'), endpointType: apigw.EndpointType.EDGE, mutualTls: { bucket: s3.Bucket.fromBucketName(s, 'T', 'truststore'), key: 'k' } }), /mutualTls: .* Allowed: mutual TLS on REGIONAL domains only/],
      ['mutual TLS with an enhanced policy', s => ({ domainName: 'api.example.com', certificate: cert(s), securityPolicy: apigw.SecurityPolicy.TLS13_1_3_2025_09, mutualTls: { bucket: s3.Bucket.fromBucketName(s, 'T', 'truststore'), key: 'k' } }), /Allowed: TLS_1_2 when mutualTls is set/],
    ])('%s', (_name, props, message) => {
      const stack = envStack();
      expect(() => new GatewayDomain(stack, 'Domain', props(stack))).toThrow(message);
    });

    test('base paths: malformed, taken, a root beside others, several levels on EDGE, an unknown stage, a PRIVATE API', () => {
      const stack = envStack('us-east-1');
      const api = new GatewayApi(stack, 'Api', { routes, stages: [{ stageName: 'prod' }, { stageName: 'beta' }] });
      const [prod, beta] = api.stages;
      const domain = new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', hostedZone: zoneOf(stack) });
      expect(() => domain.addMapping(prod, { basePath: '/orders' })).toThrow(/\[Test\/Domain\] addMapping\(Test\/Api\/Stage\.prod\)\.basePath: "\/orders" is not allowed\. Allowed: path segments/);
      domain.addMapping(prod, { basePath: 'orders' });
      expect(() => domain.addMapping(beta, { basePath: 'orders' })).toThrow(/"orders" is not allowed\. Allowed: a base path no other mapping of the domain has \(Test\/Api\/Stage\.prod is served there\)/);
      expect(() => domain.addMapping(beta)).toThrow(/"\(root\)" is not allowed\. Allowed: a root mapping only as the domain's one mapping/);
      const edge = new GatewayDomain(stack, 'Edge', { domainName: 'edge.example.com', hostedZone: zoneOf(stack), endpointType: apigw.EndpointType.EDGE });
      expect(() => edge.addMapping(prod, { basePath: 'v1/orders' })).toThrow(/Allowed: a single-level base path on an EDGE domain/);
      expect(() => new GatewayApi(stack, 'Other', { routes, domain: { domainName: 'o.example.com', hostedZone: zoneOf(stack), mappings: [{ stageName: 'dev' }] } }))
        .toThrow(/\[Test\/Other\] domain\.mappings\[0\]\.stageName: "dev" is not allowed\. Allowed: a stage of the API \(prod\)/);
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
      const privateApi = new GatewayApi(stack, 'Private', {
        routes,
        endpointType: apigw.EndpointType.PRIVATE,
        vpcEndpoints: [vpc.addInterfaceEndpoint('E', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY })],
      });
      expect(() => domain.addMapping(privateApi.defaultStage, { basePath: 'internal' })).toThrow(/Allowed: stages of REGIONAL or EDGE APIs/);
    });
  });
});
