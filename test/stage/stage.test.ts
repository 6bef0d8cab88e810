import { aws_apigateway as apigw, aws_logs as logs } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, Integration } from '../../src';
import { newStack, synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };

describe('the stage', () => {
  test('defaults: prod, JSON access logs retained a year, ERROR execution logs, metrics, X-Ray, throttling', () => {
    const { template } = synthApi(() => ({ routes }));
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] }, Format: Match.stringLikeRegexp('^\\{"requestId":"\\$context.requestId"') },
      MethodSettings: [{
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
        ThrottlingRateLimit: 1000,
        ThrottlingBurstLimit: 2000,
      }],
    });
    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 365 }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    const format = JSON.parse(template.findResources('AWS::ApiGateway::Stage').ApiStageB35FBB6B.Properties.AccessLogSetting.Format);
    expect(Object.keys(format)).toEqual(expect.arrayContaining(['requestId', 'ip', 'httpMethod', 'resourcePath', 'status', 'responseLatency', 'integrationLatency', 'xrayTraceId']));
  });

  test('the account CloudWatch role is set once per stack, retained, and the stage waits for it', () => {
    const stack = newStack();
    new GatewayApi(stack, 'A', { routes });
    new GatewayApi(stack, 'B', { routes });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ApiGateway::Account', 1);
    template.hasResource('AWS::ApiGateway::Account', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::IAM::Role', { Properties: { Description: Match.stringLikeRegexp('write execution and access logs') }, DeletionPolicy: 'Retain' });
    template.hasResource('AWS::ApiGateway::Stage', { DependsOn: Match.arrayWith(['GatewayApiCloudWatchAccount']) });
  });

  test('the account role can be left to a central team', () => {
    const { template } = synthApi(() => ({ routes, cloudWatchRole: false }));
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  test('every default can be overridden', () => {
    const { template } = synthApi(stack => ({
      routes,
      policyValidation: false,
      stage: {
        stageName: 'v1',
        description: 'first version',
        variables: { backend: 'https://b.example.com/v1' },
        accessLogGroup: new logs.LogGroup(stack, 'Mine'),
        accessLogFormat: apigw.AccessLogFormat.clf(),
        loggingLevel: apigw.MethodLoggingLevel.INFO,
        dataTraceEnabled: true,
        metricsEnabled: false,
        tracingEnabled: false,
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
      },
    }));
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      Description: 'first version',
      Variables: { backend: 'https://b.example.com/v1' },
      TracingEnabled: false,
      AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Mine'), 'Arn'] } },
      MethodSettings: [{ LoggingLevel: 'INFO', DataTraceEnabled: true, MetricsEnabled: false, ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }],
    });
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
  });

  test('switching a default off warns, naming the rules that will flag it', () => {
    const { stack } = synthApi(() => ({
      routes,
      policyValidation: false,
      stage: { accessLogging: false, loggingLevel: apigw.MethodLoggingLevel.OFF, tracingEnabled: false },
    }));
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map(w => String(w.entry.data));
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringContaining('AwsSolutions-APIG1'),
      expect.stringContaining('CT.APIGATEWAY.PR.1'),
      expect.stringContaining('CT.APIGATEWAY.PR.2'),
    ]));
  });

  test.each([
    [{ stageName: 'bad name' },
      /stage\.stageName: "bad name" is not allowed\. Allowed: letters, digits, hyphens and underscores, 1 to 128 characters/],
    [{ stageName: 'x'.repeat(129) }, /stage\.stageName: "x{129}" is not allowed/],
    [{ variables: { 'bad-name': 'v' } }, /stage\.variables key: "bad-name" is not allowed\. Allowed: letters, digits and underscores/],
    [{ variables: { ok: 'has space' } }, /stage\.variables\['ok'\]: "has space" is not allowed/],
    [{ throttlingRateLimit: -1 }, /stage\.throttlingRateLimit: -1 is not allowed/],
    [{ throttlingBurstLimit: 1.5 }, /stage\.throttlingBurstLimit: 1\.5 is not allowed\. Allowed: a whole number/],
  ])('rejects %j', (stage, message) => {
    expect(() => synthApi(() => ({ routes, stage }))).toThrow(message);
  });
});
