import { Stack, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayHttpApi, HttpIntegration, IIntegrationContext, Integration, IntegrationConfig, IntegrationType } from '../../src';
import { newStack, operation, synthesized } from '../util';

const integrationOf = (body: any, path: string, method: string) => operation(body, path, method)['x-amazon-apigateway-integration'];

interface Backends {
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly alb: elbv2.ApplicationLoadBalancer;
  readonly nlb: elbv2.NetworkLoadBalancer;
}

function backends(): Backends {
  const stack = newStack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  alb.addListener('Https', {
    port: 8443, protocol: elbv2.ApplicationProtocol.HTTP, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200),
  });
  const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, securityGroups: [new ec2.SecurityGroup(stack, 'NlbSg', { vpc })] });
  return { stack, vpc, alb, nlb };
}

describe('REST private integrations through a VPC link (v2)', () => {
  let template: Template;
  let body: any;
  beforeAll(() => {
    const { stack, alb, nlb } = backends();
    const api = new GatewayApi(stack, 'Api', {
      routes: {
        'ANY /orders/{proxy+}': { integration: Integration.applicationLoadBalancer(alb) },
        'GET /stock/{sku}': {
          integration: Integration.applicationLoadBalancer(alb, { url: 'https://stock.internal.example.com:8443/v2/stock/{sku}', method: 'GET' }),
        },
        'GET /feed': { integration: Integration.networkLoadBalancer(nlb, { url: 'http://feed.internal.example.com:9000/', responseTransferMode: apigw.ResponseTransferMode.STREAM }) },
      },
    });
    ({ template, body } = synthesized(stack, api));
  });

  test('each route is an HTTP proxy over the API\'s link, naming its load balancer', () => {
    expect(integrationOf(body, '/orders/{proxy+}', 'x-amazon-apigateway-any-method')).toEqual({
      type: 'http_proxy',
      httpMethod: 'ANY',
      uri: { 'Fn::Sub': 'http://${Alb16C2F182.DNSName}/orders/{proxy}' },
      connectionType: 'VPC_LINK',
      connectionId: { Ref: expect.stringMatching(/^ApiVpcLink/) },
      integrationTarget: { Ref: 'Alb16C2F182' },
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      timeoutInMillis: 29000,
    });
    expect(integrationOf(body, '/stock/{sku}', 'get')).toMatchObject({
      uri: 'https://stock.internal.example.com:8443/v2/stock/{sku}',
      httpMethod: 'GET',
      requestParameters: { 'integration.request.path.sku': 'method.request.path.sku' },
    });
    expect(integrationOf(body, '/feed', 'get')).toMatchObject({
      integrationTarget: { Ref: 'NlbBCDB97FE' }, responseTransferMode: 'STREAM', timeoutInMillis: 900000,
    });
  });

  test('one link for the VPC, whose security group reaches the VPC only; each load balancer admits it on the URL\'s port', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 1);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'The VPC link of Test/Api towards its private integrations',
      SecurityGroupEgress: [Match.objectLike({ CidrIp: { 'Fn::GetAtt': ['Vpc8378EB38', 'CidrBlock'] }, FromPort: 0, ToPort: 65535 })],
    });
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map((r: any) => r.Properties);
    const fromLink = (port: number) => ingress.filter(i => i.FromPort === port && JSON.stringify(i.SourceSecurityGroupId).includes('ApiVpcLink'));
    expect(fromLink(80)).toHaveLength(1);
    expect(fromLink(8443)).toHaveLength(1);
    expect(fromLink(9000)).toHaveLength(1);
  });

  test('an HTTP API and a REST API each have their own link', () => {
    const { stack, alb } = backends();
    new GatewayApi(stack, 'Rest', { routes: { 'GET /a': { integration: Integration.applicationLoadBalancer(alb) } } });
    const listener = alb.listeners[0];
    new GatewayHttpApi(stack, 'Http', { routes: { 'GET /a': { integration: HttpIntegration.albListener(listener) } } });
    Template.fromStack(stack).resourceCountIs('AWS::ApiGatewayV2::VpcLink', 2);
  });

  test('a link of yours is used as it is', () => {
    const { stack, vpc, alb } = backends();
    const vpcLink = new apigwv2.VpcLink(stack, 'Shared', { vpc, subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
    const api = new GatewayApi(stack, 'Api', { routes: { 'GET /a': { integration: Integration.applicationLoadBalancer(alb, { vpcLink }) } } });
    const { template: t, body: b } = synthesized(stack, api);
    t.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 1);
    expect(integrationOf(b, '/a', 'get').connectionId).toEqual({ Ref: 'SharedDACC02AA' });
  });

  test('refused: a URL that is not http(s), a bad port, a vpc beside a vpcLink, an imported load balancer without its VPC', () => {
    const cases: Array<[(b: Backends) => Integration, RegExp]> = [
      [b => Integration.applicationLoadBalancer(b.alb, { url: 'ftp://files.internal' }), /integration\.url: "ftp:\/\/files.internal" is not allowed. Allowed: an http:\/\/ or https:\/\/ URL/],
      [b => Integration.applicationLoadBalancer(b.alb, { url: 'http://orders.internal:70000/' }), /a port from 1 to 65535/],
      [b => Integration.applicationLoadBalancer(b.alb, { vpc: b.vpc, vpcLink: new apigwv2.VpcLink(b.stack, 'L', { vpc: b.vpc, subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }) }), /integration\.vpc.*no vpc when a vpcLink is given/],
      [b => Integration.networkLoadBalancer(elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(b.stack, 'Imported', {
        loadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/orders/0123456789abcdef',
      })), /integration\.vpcLink: undefined is not allowed. Allowed: a vpcLink or the vpc of Test\/Imported/],
    ];
    for (const [integration, error] of cases) {
      const b = backends();
      expect(() => new GatewayApi(b.stack, 'Api', { routes: { 'GET /a': { integration: integration(b) } } })).toThrow(error);
    }
  });

  test('an integration of your own: a VPC link needs its load balancer, an HTTP type and an http(s) URL', () => {
    class Config extends Integration {
      constructor(private readonly config: (context: IIntegrationContext) => IntegrationConfig) {
        super();
      }
      public bind(context: IIntegrationContext): IntegrationConfig {
        return this.config(context);
      }
    }
    const bad: Array<[(context: IIntegrationContext, b: Backends) => IntegrationConfig, RegExp]> = [
      [(c, b) => ({ type: IntegrationType.HTTP_PROXY, method: 'GET', uri: 'http://a.internal', vpcLink: c.vpcLinkInto(b.vpc) }),
        /bind\(\)\.integrationTarget: undefined is not allowed. Allowed: the ARN of the load balancer/],
      [(_c, b) => ({ type: IntegrationType.HTTP_PROXY, method: 'GET', uri: 'http://a.internal', integrationTarget: b.alb.loadBalancerArn }),
        /bind\(\)\.vpcLink: undefined is not allowed. Allowed: the VPC link \(v2\)/],
      [(c, b) => ({ type: IntegrationType.AWS, method: 'POST', uri: 'arn:aws:apigateway:eu-west-1:sqs:path/1/q', vpcLink: c.vpcLinkInto(b.vpc), integrationTarget: 'x' }),
        /a VPC link only on HTTP and HTTP_PROXY integrations/],
      [(c, b) => ({ type: IntegrationType.HTTP, method: 'GET', uri: 'orders.internal', vpcLink: c.vpcLinkInto(b.vpc), integrationTarget: 'x' }),
        /bind\(\)\.uri: "orders.internal" is not allowed. Allowed: an http:\/\/ or https:\/\/ URL/],
    ];
    for (const [config, error] of bad) {
      const b = backends();
      expect(() => new GatewayApi(b.stack, 'Api', { routes: { 'GET /a': { integration: new Config(c => config(c, b)) } } })).toThrow(error);
    }
  });
});
