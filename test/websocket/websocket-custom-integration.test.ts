import { Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  GatewayWebSocketApi, IWebSocketIntegrationContext, WebSocketIntegration, WebSocketIntegrationConfig, WebSocketIntegrationType,
  WebSocketRouteOptions,
} from '../../src';
import { newStack } from '../util';

/** Whatever config a test gives, as a user's integration, with the routes it served recorded. */
class Returns extends WebSocketIntegration {
  public readonly bound: string[] = [];

  constructor(private readonly config: (context: IWebSocketIntegrationContext) => WebSocketIntegrationConfig) {
    super();
  }

  public bind(context: IWebSocketIntegrationContext): WebSocketIntegrationConfig {
    this.bound.push(`${context.routeKey} at ${context.prop}`);
    return this.config(context);
  }
}

const accept = (): WebSocketIntegrationConfig => ({ type: WebSocketIntegrationType.MOCK, requestTemplates: { $default: '{"statusCode": 200}' } });

function synth(routes: (stack: Stack) => Record<string, WebSocketRouteOptions>, connect: WebSocketIntegration = new Returns(accept)): Template {
  const stack = newStack();
  new GatewayWebSocketApi(stack, 'Chat', { connect: { integration: connect }, routes: routes(stack) });
  return Template.fromStack(stack);
}

describe('a WebSocket integration of your own', () => {
  test('a mock at $connect and two routes: one resource, its $default template selected, an integration response for the two-way route', () => {
    const echo = new Returns(accept);
    const template = synth(() => ({ ping: { integration: echo, returnResponse: true }, pong: { integration: echo } }), echo);
    expect(echo.bound).toEqual(['$connect at connect.integration', "ping at routes['ping'].integration", "pong at routes['pong'].integration"]);
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'MOCK', RequestTemplates: { $default: '{"statusCode": 200}' }, TemplateSelectionExpression: '\\$default', TimeoutInMillis: 29000,
    });
    template.resourceCountIs('AWS::ApiGatewayV2::IntegrationResponse', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::RouteResponse', { RouteResponseKey: '$default' });
  });

  test('an AWS service action assumes the role the integration names', () => {
    const template = synth(stack => {
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
      return {
        publish: {
          integration: new Returns(() => ({
            type: WebSocketIntegrationType.AWS,
            uri: 'arn:aws:apigateway:eu-west-1:sns:action/Publish',
            method: 'POST',
            credentials: role.roleArn,
            requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
            requestTemplates: { $default: 'Action=Publish&Message=$util.urlEncode($input.body)' },
          })),
        },
      };
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS',
      IntegrationMethod: 'POST',
      CredentialsArn: { 'Fn::GetAtt': ['Role1ABCC5F0', 'Arn'] },
      RequestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    });
    // The API makes no integration role of its own (its other role is the account's CloudWatch role).
    expect(Object.keys(template.findResources('AWS::IAM::Role')).filter(id => /Integration/.test(id))).toEqual([]);
  });

  test.each<[string, WebSocketIntegrationConfig, string]>([
    ['an unknown type', { type: 'HTTPS' as WebSocketIntegrationType, uri: 'https://a.example.com' }, 'type: "HTTPS" is not allowed'],
    ['a timeout past 29 s', { type: WebSocketIntegrationType.HTTP_PROXY, uri: 'https://a.example.com', method: 'POST', timeoutInMillis: 29001 },
      'timeoutInMillis: 29001 is not allowed'],
    ['a backend without a uri', { type: WebSocketIntegrationType.HTTP, method: 'POST' }, 'uri: undefined is not allowed. Allowed: a uri: HTTP integrations call a backend'],
    ['templates on a proxy', { type: WebSocketIntegrationType.AWS_PROXY, uri: 'arn:aws:lambda:eu-west-1:111122223333:function:f', requestTemplates: { $default: '{}' } },
      'requestTemplates: ["$default"] is not allowed. Allowed: no request templates on AWS_PROXY integrations'],
  ])('refuses %s, naming the route and the field bind() returned', (_, config, message) => {
    expect(() => synth(() => ({ send: { integration: new Returns(() => config) } })))
      .toThrow(`[Test/Chat] routes['send'].integration.bind().${message}`);
  });
});
