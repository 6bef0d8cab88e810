// Capability: endpoint types (EDGE, PRIVATE behind a VPC endpoint), dual-stack (IPv4 and IPv6)
// APIs and domains, resource policies (source addresses, partner accounts), a custom domain
// with mutual TLS serving two APIs at single- and multi-level base paths and routing beta
// testers by header, a private API behind a private custom domain, and a private integration
// to an internal load balancer through a VPC link.
import {
  Stack, StackProps, aws_apigateway as apigw, aws_certificatemanager as acm, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2,
  aws_logs as logs, aws_route53 as route53, aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Authorization, GatewayApi, Integration, PrivateGatewayDomain } from '../../src';

export class EndpointsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const hello = Integration.mock({
      integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"hello": "world"}' } }],
    });

    // EDGE: served through CloudFront's edge locations.
    new GatewayApi(this, 'EdgeApi', {
      endpointType: apigw.EndpointType.EDGE,
      routes: { 'GET /hello': { integration: hello } },
    });

    // PRIVATE: reachable only from the VPC, through its execute-api interface endpoint;
    // the library writes the resource policy that admits that endpoint alone.
    const vpc = new ec2.Vpc(this, 'Vpc', { natGateways: 0, maxAzs: 2 });
    const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', {
      service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY,
    });
    const privateApi = new GatewayApi(this, 'PrivateApi', {
      endpointType: apigw.EndpointType.PRIVATE,
      vpcEndpoints: [endpoint],
      routes: { 'GET /hello': { integration: hello } },
    });

    // The private API behind a private custom domain, hello.internal.example.com, reached through
    // the same VPC endpoint (associated with the domain, the only source its policy admits), with
    // alias records in the VPC's private zone. The API's execute-api endpoint turns off.
    const internalZone = new route53.PrivateHostedZone(this, 'InternalZone', { zoneName: 'internal.example.com', vpc });
    const internal = new PrivateGatewayDomain(this, 'InternalDomain', {
      domainName: 'hello.internal.example.com',
      certificate: acm.Certificate.fromCertificateArn(this, 'InternalCertificate',
        'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555'),
      vpcEndpoints: [endpoint],
      privateHostedZone: internalZone,
    });
    internal.addMapping(privateApi.defaultStage);

    // REGIONAL behind the custom domain api.example.com/v1: a certificate validated in the zone,
    // TLS 1.2, clients presenting a certificate from the truststore's CAs (mutual TLS), an
    // alias record, and the execute-api endpoint off so none of that can be bypassed. The domain
    // answers IPv6 callers too (an AAAA alias record beside the A record). The stage is
    // configured beyond the defaults.
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: 'Z0123456789EXAMPLE', zoneName: 'example.com' });
    const versioned = new GatewayApi(this, 'CustomDomainOnlyApi', {
      domain: {
        domainName: 'api.example.com',
        hostedZone: zone,
        ipAddressType: apigw.IpAddressType.DUAL_STACK,
        mutualTls: { bucket: s3.Bucket.fromBucketName(this, 'Truststore', 'example-api-truststore'), key: 'truststore.pem' },
        mappings: [{ stageName: 'v1', basePath: 'v1' }],
      },
      routes: {
        'GET /version': {
          integration: Integration.mock({
            integrationResponses: [{
              statusCode: '200',
              responseTemplates: { 'application/json': '{"version": "$stageVariables.version"}' },
            }],
          }),
        },
      },
      stages: [{
        stageName: 'v1',
        description: 'Version 1',
        variables: { version: '1.4.0', backendHost: 'api-v1.example.com' },
        throttlingRateLimit: 100,
        throttlingBurstLimit: 200,
        accessLogRetention: logs.RetentionDays.THREE_MONTHS,
      }, {
        stageName: 'v2',
        description: 'Version 2, in beta',
        variables: { version: '2.0.0-beta.1', backendHost: 'api-v2.example.com' },
      }],
    });
    // Beta testers reach version 2 at the same URLs by sending X-Version: beta: a routing rule,
    // tried before the base path mappings, sends them to the v2 stage.
    versioned.domain!.addRoutingRule({ priority: 100, stage: versioned.stages[1], headers: { 'X-Version': 'beta' }, basePath: 'v1' });

    // A partner API on the same domain, two levels deep (api.example.com/partners/v1). Its
    // resource policy admits the partner's office ranges only, and IAM principals of the
    // partner's account besides this one's (who still need an IAM policy of their own). It is
    // dual-stack: the partner's IPv6 range reaches it as well as its IPv4 one.
    const partners = new GatewayApi(this, 'PartnerApi', {
      defaultAuthorization: Authorization.iam(),
      ipAddressType: apigw.IpAddressType.DUAL_STACK,
      resourcePolicy: {
        allowSourceIps: ['203.0.113.0/24', '2001:db8:1234::/48'],
        allowAccounts: ['111122223333'],
      },
      routes: { 'GET /catalog': { integration: hello } },
    });
    versioned.domain!.addMapping(partners.defaultStage, { basePath: 'partners/v1' });

    // A private integration: the partners' orders go to the order service's internal Application
    // Load Balancer (another team's, imported) through a VPC link (v2) of the API's own, which
    // the load balancer's security group admits on port 443 only.
    const orderService = elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(this, 'OrderService', {
      loadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/orders/0123456789abcdef',
      loadBalancerDnsName: 'internal-orders-1234567890.eu-west-1.elb.amazonaws.com',
      securityGroupId: 'sg-0123456789abcdef0',
      vpc,
    });
    partners.addRoute('ANY /orders/{proxy+}', {
      integration: Integration.applicationLoadBalancer(orderService, { url: 'https://orders.internal.example.com/orders/{proxy}' }),
    });
  }
}
