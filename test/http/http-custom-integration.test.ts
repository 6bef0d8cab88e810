import { Stack, aws_ec2 as ec2, aws_iam as iam, aws_lambda as lambda } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayHttpApi, HttpIntegration, HttpIntegrationConfig, HttpIntegrationType, HttpRouteOptions, IHttpIntegrationContext } from '../../src';
import { newFunction, newStack } from '../util';

/** A user's own integration: a function's alias, with the route it served recorded. */
class AliasIntegration extends HttpIntegration {
  public readonly bound: string[] = [];

  constructor(private readonly fn: lambda.IFunction) {
    super();
  }

  public bind(context: IHttpIntegrationContext): HttpIntegrationConfig {
    this.bound.push(`${context.routeKey} at ${context.prop}`);
    context.allowInvoke(this.fn);
    return { type: HttpIntegrationType.AWS_PROXY, uri: `${this.fn.functionArn}:live`, timeoutInMillis: 5000 };
  }
}

/** Whatever config a test gives, as a user's integration. */
class Returns extends HttpIntegration {
  constructor(private readonly config: (context: IHttpIntegrationContext) => HttpIntegrationConfig) {
    super();
  }

  public bind(context: IHttpIntegrationContext): HttpIntegrationConfig {
    return this.config(context);
  }
}

function synth(routes: (stack: Stack) => Record<string, HttpRouteOptions>): { stack: Stack; api: GatewayHttpApi; template: Template } {
  const stack = newStack();
  const api = new GatewayHttpApi(stack, 'Api', { routes: routes(stack) });
  return { stack, api, template: Template.fromStack(stack) };
}

function integrations(template: Template): any[] {
  return Object.values(template.findResources('AWS::ApiGatewayV2::Integration')).map((r: any) => r.Properties);
}

describe('an HTTP integration of your own', () => {
  test('is bound to each route, and the routes it gives one config share one integration resource and one invoke permission', () => {
    let alias!: AliasIntegration;
    const { template } = synth(stack => {
      alias = new AliasIntegration(newFunction(stack));
      return { 'GET /items': { integration: alias }, 'DELETE /items/{id}': { integration: alias } };
    });
    expect(alias.bound).toEqual([
      "GET /items at routes['GET /items'].integration",
      "DELETE /items/{id} at routes['DELETE /items/{id}'].integration",
    ]);
    expect(integrations(template)).toEqual([expect.objectContaining({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      TimeoutInMillis: 5000,
      IntegrationUri: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Fn9270CBC0', 'Arn'] }, ':live']] },
    })]);
    template.resourceCountIs('AWS::Lambda::Permission', 1);
  });

  test('a route given another config gets a resource of its own; two objects never share one', () => {
    const perRoute = new Returns(({ routeKey }) => ({
      type: HttpIntegrationType.HTTP_PROXY, uri: `https://backend.example.com/${routeKey.split(' ')[0].toLowerCase()}`, method: 'GET',
    }));
    const same = (): HttpIntegration => new Returns(() => ({ type: HttpIntegrationType.HTTP_PROXY, uri: 'https://same.example.com', method: 'GET' }));
    const { template } = synth(() => ({
      'GET /a': { integration: perRoute }, 'POST /a': { integration: perRoute }, 'PUT /a': { integration: same() }, 'PATCH /a': { integration: same() },
    }));
    expect(integrations(template).map(i => i.IntegrationUri).sort()).toEqual([
      'https://backend.example.com/get', 'https://backend.example.com/post', 'https://same.example.com', 'https://same.example.com',
    ]);
    // HTTP backends and AWS service actions take payload format 1.0; the whole 30 s is the default wait.
    expect(integrations(template).every(i => i.PayloadFormatVersion === '1.0' && i.TimeoutInMillis === 30000)).toBe(true);
  });

  test('an AWS service action with a role of the user\'s, and a private backend through the API\'s own VPC link', () => {
    const { template } = synth(stack => {
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      return {
        'POST /events': {
          integration: new Returns(() => ({
            type: HttpIntegrationType.AWS_PROXY,
            subtype: 'EventBridge-PutEvents',
            credentials: role.roleArn,
            requestParameters: { Detail: '$request.body', DetailType: 'Clicked', Source: 'example' },
          })),
        },
        'GET /inside': {
          integration: new Returns(context => ({
            type: HttpIntegrationType.HTTP_PROXY,
            uri: 'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-1',
            method: 'ANY',
            vpcLink: context.vpcLinkInto(vpc),
            secureServerName: 'inside.example.com',
          })),
        },
      };
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationSubtype: 'EventBridge-PutEvents',
      CredentialsArn: { 'Fn::GetAtt': ['Role1ABCC5F0', 'Arn'] },
      PayloadFormatVersion: '1.0',
    });
    template.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ConnectionType: 'VPC_LINK',
      ConnectionId: { Ref: Match.stringLikeRegexp('VpcLink') },
      TlsConfig: { ServerNameToVerify: 'inside.example.com' },
    });
    // No role of the API's own: the action's integration assumes the user's.
    template.resourceCountIs('AWS::IAM::Role', 1);
  });

  test.each<[string, HttpIntegrationConfig, string]>([
    ['an unknown type', { type: 'MOCK' as HttpIntegrationType, uri: 'https://a.example.com' }, 'type: "MOCK" is not allowed. Allowed: one of AWS_PROXY'],
    ['a timeout past 30 s', { type: HttpIntegrationType.HTTP_PROXY, uri: 'https://a.example.com', timeoutInMillis: 30001 }, 'timeoutInMillis: 30001 is not allowed'],
    ['payload 2.0 to an HTTP backend', { type: HttpIntegrationType.HTTP_PROXY, uri: 'https://a.example.com', payloadFormatVersion: '2.0' },
      'payloadFormatVersion: "2.0" is not allowed. Allowed: 1.0: only Lambda functions take payload format 2.0'],
    ['a subtype on HTTP_PROXY', { type: HttpIntegrationType.HTTP_PROXY, uri: 'https://a.example.com', subtype: 'SQS-SendMessage' }, 'subtype: "SQS-SendMessage" is not allowed'],
    ['no uri and no subtype', { type: HttpIntegrationType.AWS_PROXY }, 'uri: undefined is not allowed. Allowed: a uri, or the subtype'],
    ['a server name without a VPC link', { type: HttpIntegrationType.HTTP_PROXY, uri: 'https://a.example.com', secureServerName: 'a' },
      'secureServerName: "a" is not allowed. Allowed: a secureServerName only on a private integration'],
    ['an unknown method', { type: HttpIntegrationType.HTTP_PROXY, uri: 'https://a.example.com', method: 'FETCH' }, 'method: "FETCH" is not allowed'],
  ])('refuses %s, naming the route and the field bind() returned', (_, config, message) => {
    expect(() => synth(() => ({ 'GET /x': { integration: new Returns(() => config) } })))
      .toThrow(`[Test/Api] routes['GET /x'].integration.bind().${message}`);
  });
});
