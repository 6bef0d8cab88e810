import { App, CfnParameter, Duration, Fn, Stack, aws_sqs as sqs } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  ApiKey, Authorization, Authorizer, GatewayApi, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, QuotaPeriod,
  UsagePlan, WebSocketIntegration,
} from '../../src';
import { newFunction } from '../util';

/**
 * Values known only at deploy time (parameters, imports, other stacks' attributes) are never
 * judged: every prop that is validated at synth is given one here, and synthesis must succeed
 * with the token carried into the template.
 */
describe('unresolved values', () => {
  function appWithTokens() {
    const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
    const shared = new Stack(app, 'Shared');
    const queue = new sqs.Queue(shared, 'Queue');
    const stack = new Stack(app, 'Api');
    const text = (name: string) => new CfnParameter(stack, name, { type: 'String' }).valueAsString;
    const number = (name: string) => new CfnParameter(stack, name, { type: 'Number' }).valueAsNumber;
    const fn = newFunction(stack);
    const sharedFn = newFunction(shared, 'SharedFn');
    return { app, stack, shared, text, number, fn, sharedFn, otherStackAttribute: queue.queueUrl };
  }

  test('REST API, stages, authorizers, usage plans and keys take parameters, imports and other stacks\' attributes', () => {
    const { stack, shared, text, number, fn, sharedFn, otherStackAttribute } = appWithTokens();
    const api = new GatewayApi(stack, 'Api', {
      apiName: text('ApiName'),
      description: Fn.importValue('ApiDescription'),
      routes: {
        'GET /shared': { integration: Integration.lambda(sharedFn) },
        'GET /pets': { integration: Integration.lambda(fn), throttle: { rateLimit: number('RouteRate'), burstLimit: number('RouteBurst') } },
        'GET /backend': {
          integration: Integration.url(`https://${otherStackAttribute}/x`),
          authorization: Authorization.authorizer(
            Authorizer.token(fn, { identitySource: 'method.request.header.Authorization', resultsCacheTtl: Duration.seconds(number('AuthTtl')) }),
          ),
        },
      },
      stages: [{
        variables: { backend: text('BackendVariable') },
        throttlingRateLimit: number('Rate'),
        throttlingBurstLimit: number('Burst'),
        webAclArn: text('WebAclArn'),
        cache: { ttl: Duration.seconds(number('CacheTtl')) },
        alarms: { serverErrorRate: { threshold: number('Threshold'), evaluationPeriods: number('Periods') } },
      }],
      deploymentHistory: 3,
    });
    const plan = new UsagePlan(stack, 'Plan', {
      stages: [api.defaultStage],
      quota: { limit: number('Quota'), period: QuotaPeriod.DAY },
      throttle: { rateLimit: number('PlanRate'), burstLimit: number('PlanBurst') },
    });
    plan.addApiKey(new ApiKey(stack, 'Key', { value: text('KeyValue') }));

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: { Ref: 'ApiName' }, Description: { 'Fn::ImportValue': 'ApiDescription' } });
    // Other stacks' resources in the OpenAPI body are imports of their exports, never a Ref this stack cannot see.
    const body = JSON.stringify(Object.values(template.findResources('AWS::ApiGateway::RestApi'))[0].Properties.Body);
    const sharedIds = Object.keys(Template.fromStack(shared).toJSON().Resources);
    for (const id of sharedIds) expect(body).not.toContain(`\${${id}`);
    expect(body.match(/Fn::ImportValue/g)?.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(Template.fromStack(shared).toJSON().Outputs ?? {}).length).toBeGreaterThanOrEqual(2);
    template.hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'prod', Variables: { backend: { Ref: 'BackendVariable' } } });
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', { Quota: { Limit: { Ref: 'Quota' } } });
    template.hasResourceProperties('AWS::ApiGateway::ApiKey', { Value: { Ref: 'KeyValue' } });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: { Ref: 'Threshold' }, EvaluationPeriods: { Ref: 'Periods' } });
  });

  test('HTTP and WebSocket APIs take them too', () => {
    const { stack, text, number, fn, otherStackAttribute } = appWithTokens();
    new GatewayHttpApi(stack, 'Http', {
      apiName: text('HttpName'),
      routes: {
        'GET /items': { integration: HttpIntegration.url(`https://${otherStackAttribute}/items`, { timeout: Duration.millis(number('Timeout')) }) },
        'GET /fn': { integration: HttpIntegration.lambda(fn), throttle: { rateLimit: number('HttpRouteRate') } },
      },
      stages: [{ stageName: 'v1', throttlingRateLimit: number('HttpRate'), variables: { v: text('HttpVariable') } }],
    });
    new GatewayWebSocketApi(stack, 'Chat', {
      connectionsTable: { timeToLive: Duration.seconds(number('ConnectionTtl')) },
      routes: { send: { integration: WebSocketIntegration.url(`https://${otherStackAttribute}/send`) } },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'v1', DefaultRouteSettings: { ThrottlingRateLimit: { Ref: 'HttpRate' } } });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { TimeoutInMillis: { Ref: 'Timeout' } });
  });

  test('a stage name must be literal: it names the stage\'s resources, so a token is a clear synth error', () => {
    const { stack, text } = appWithTokens();
    expect(() => new GatewayApi(stack, 'Api', { stages: [{ stageName: text('StageName') }] }))
      .toThrow(/\[Api\/Api\] stages\[0\]\.stageName: .* is not allowed\. Allowed: a literal value, not one known only at deploy time: it names the stage's resources/);
    expect(() => new GatewayHttpApi(stack, 'Http', { stages: [{ stageName: text('HttpStage') }] })).toThrow(/stages\[0\]\.stageName: .* Allowed: a literal value/);
  });
});
