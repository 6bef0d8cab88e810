import {
  Duration, Stack, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_servicediscovery as servicediscovery,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayHttpApi, HttpIntegration } from '../../src';
import { newStack } from '../util';

interface Backends {
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly albListener: elbv2.ApplicationListener;
  readonly nlbListener: elbv2.NetworkListener;
  readonly service: servicediscovery.Service;
}

function backends(): Backends {
  const stack = newStack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  const albListener = alb.addListener('Http', { port: 8080, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
  const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });
  const nlbListener = nlb.addListener('Tcp', { port: 443, defaultAction: elbv2.NetworkListenerAction.forward([new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc, port: 443 })]) });
  const namespace = new servicediscovery.PrivateDnsNamespace(stack, 'Namespace', { name: 'internal', vpc });
  const service = namespace.createService('Orders', { dnsRecordType: servicediscovery.DnsRecordType.SRV });
  return { stack, vpc, albListener, nlbListener, service };
}

describe('HTTP API private integrations', () => {
  let template: Template;
  beforeAll(() => {
    const { stack, vpc, albListener, nlbListener, service } = backends();
    new GatewayHttpApi(stack, 'Api', {
      routes: {
        'GET /web/{proxy+}': { integration: HttpIntegration.albListener(albListener) },
        'GET /tcp/{proxy+}': { integration: HttpIntegration.nlbListener(nlbListener, { secureServerName: 'orders.example.com', method: 'GET' }) },
        'POST /orders': { integration: HttpIntegration.cloudMapService(service, { vpc, timeout: Duration.seconds(5) }) },
      },
    });
    template = Template.fromStack(stack);
  });

  test('each backend is an HTTP_PROXY integration over the VPC link', () => {
    const link = { Ref: Match.stringLikeRegexp('^ApiVpcLink') };
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'HTTP_PROXY',
      ConnectionType: 'VPC_LINK',
      ConnectionId: link,
      IntegrationUri: { Ref: Match.stringLikeRegexp('^AlbHttp') },
      IntegrationMethod: 'ANY',
      PayloadFormatVersion: '1.0',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ConnectionId: link,
      IntegrationUri: { Ref: Match.stringLikeRegexp('^NlbTcp') },
      IntegrationMethod: 'GET',
      TlsConfig: { ServerNameToVerify: 'orders.example.com' },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ConnectionId: link,
      IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NamespaceOrders'), 'Arn'] },
      TimeoutInMillis: 5000,
    });
  });

  test('the VPC shares one link, in its private subnets, whose security group reaches the VPC only', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::VpcLink', {
      SubnetIds: [{ Ref: Match.stringLikeRegexp('^VpcappSubnet1') }, { Ref: Match.stringLikeRegexp('^VpcappSubnet2') }],
      SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiVpcLink.*SecurityGroup'), 'GroupId'] }],
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('VPC link of Test/Api'),
      SecurityGroupEgress: [{ CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] }, IpProtocol: 'tcp', FromPort: 0, ToPort: 65535 }],
    });
  });

  test("the ALB's security group admits the link on the listener port", () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlbSecurityGroup'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiVpcLink.*SecurityGroup'), 'GroupId'] },
      FromPort: 8080,
      ToPort: 8080,
    });
  });

  test('a given VPC link is used as it is', () => {
    const { stack, vpc, service } = backends();
    const link = apigwv2.VpcLink.fromVpcLinkAttributes(stack, 'Link', { vpcLinkId: 'abc123', vpc });
    new GatewayHttpApi(stack, 'Api', { routes: { 'POST /orders': { integration: HttpIntegration.cloudMapService(service, { vpcLink: link }) } } });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 0);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { ConnectionType: 'VPC_LINK', ConnectionId: 'abc123' });
  });

  test('a backend whose VPC is unknown needs a vpc or a link', () => {
    const { stack, service } = backends();
    expect(() => new GatewayHttpApi(stack, 'Api', { routes: { 'POST /orders': { integration: HttpIntegration.cloudMapService(service) } } }))
      .toThrow(/routes\['POST \/orders'\]\.integration\.vpcLink.*a vpcLink or the vpc of Test\/Namespace\/Orders/);
  });

  test('bad options are refused at synth', () => {
    const { stack, vpc, albListener } = backends();
    const link = apigwv2.VpcLink.fromVpcLinkAttributes(stack, 'Link', { vpcLinkId: 'abc123', vpc });
    const api = new GatewayHttpApi(stack, 'Api');
    expect(() => api.addRoute('GET /a', { integration: HttpIntegration.albListener(albListener, { vpcLink: link, vpc }) }))
      .toThrow(/integration\.vpc.*no vpc when a vpcLink is given/);
    expect(() => api.addRoute('GET /b', { integration: HttpIntegration.albListener(albListener, { method: 'FETCH' }) }))
      .toThrow(/integration\.method.*FETCH/);
    expect(() => api.addRoute('GET /c', { integration: HttpIntegration.albListener(albListener, { secureServerName: 'https://x' }) }))
      .toThrow(/integration\.secureServerName.*a DNS name/);
  });
});

describe('integration logical ids', () => {
  test('do not change when unrelated tokens are made first (a token\'s text is numbered in creation order)', () => {
    const integrationIds = (tokensFirst: number) => {
      const { stack, vpc, albListener, service } = backends();
      for (let i = 0; i < tokensFirst; i++) new apigwv2.CfnApi(stack, `Other${i}`, { name: `other${i}`, protocolType: 'HTTP' }).attrApiEndpoint.toString();
      new GatewayHttpApi(stack, 'Api', {
        routes: {
          'GET /web/{proxy+}': { integration: HttpIntegration.albListener(albListener) },
          'POST /orders': { integration: HttpIntegration.cloudMapService(service, { vpc }) },
          'GET /other': { integration: HttpIntegration.url(`https://${service.serviceName}.example.com/`) },
        },
      });
      return Object.keys(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Integration')).sort();
    };
    expect(integrationIds(3)).toEqual(integrationIds(0));
  });
});
