import { Stack, aws_events as events, aws_sqs as sqs, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayHttpApi, HttpIntegration } from '../../src';
import { newStack } from '../util';

function policyActions(template: Template, roleLogicalId: string): string[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as any[];
  const policy = policies.find(p => p.Properties.Roles.some((r: any) => r.Ref === roleLogicalId));
  return policy.Properties.PolicyDocument.Statement.flatMap((st: any) => [st.Action].flat());
}

describe('HTTP API AWS service integrations', () => {
  let stack: Stack;
  let template: Template;
  beforeAll(() => {
    stack = newStack();
    const queue = new sqs.Queue(stack, 'Orders', { fifo: true, enforceSSL: true });
    const machine = new sfn.StateMachine(stack, 'Fulfil', { definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Done')) });
    const bus = new events.EventBus(stack, 'Bus');
    new GatewayHttpApi(stack, 'Api', {
      routes: {
        'POST /orders': { integration: HttpIntegration.sqsSendMessage(queue, { messageGroupId: '$request.header.X-Customer' }) },
        'POST /fulfilments': { integration: HttpIntegration.stepFunctionsStartExecution(machine) },
        'POST /events': { integration: HttpIntegration.eventBridgePutEvents(bus, { source: 'com.example.orders', detailType: 'OrderPlaced' }) },
        'PUT /events': { integration: HttpIntegration.eventBridgePutEvents(bus, { source: 'com.example.orders', detailType: 'OrderPlaced' }) },
      },
    });
    template = Template.fromStack(stack);
  });

  test('each action is a first-class integration with the request body as its payload', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationSubtype: 'SQS-SendMessage',
      PayloadFormatVersion: '1.0',
      RequestParameters: { QueueUrl: { Ref: Match.stringLikeRegexp('^Orders') }, MessageBody: '$request.body', MessageGroupId: '$request.header.X-Customer' },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationSubtype: 'StepFunctions-StartExecution', RequestParameters: { StateMachineArn: { Ref: Match.stringLikeRegexp('^Fulfil') }, Input: '$request.body' },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationSubtype: 'EventBridge-PutEvents',
      RequestParameters: { EventBusName: { Ref: Match.stringLikeRegexp('^Bus') }, Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: '$request.body' },
    });
    // Two routes with the same action share one integration and one role.
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 3);
  });

  test('each integration assumes a role of its own, allowed its action only', () => {
    const integrations = Object.values(template.findResources('AWS::ApiGatewayV2::Integration')) as any[];
    const roleOf = (subtype: string) => integrations.find(i => i.Properties.IntegrationSubtype === subtype).Properties.CredentialsArn['Fn::GetAtt'][0];
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole', Effect: 'Allow' }] },
    });
    expect(policyActions(template, roleOf('SQS-SendMessage'))).toEqual(['sqs:SendMessage']);
    expect(policyActions(template, roleOf('StepFunctions-StartExecution'))).toEqual(['states:StartExecution']);
    expect(policyActions(template, roleOf('EventBridge-PutEvents'))).toEqual(['events:PutEvents']);
  });
});
