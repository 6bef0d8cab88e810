import { Duration, aws_apigateway as apigw, aws_logs as logs } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CacheClusterSize, Compliance, GatewayApi, Integration } from '../../src';
import { keysBesidesAlarmTopic, newFunction, newStack, synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };

describe('the stage', () => {
  test('defaults: prod, JSON access logs retained a year, ERROR execution logs, metrics, X-Ray, throttling', () => {
    const { template, stack, api } = synthApi(() => ({ routes }));
    const stageId = stack.getLogicalId(api.defaultStage.stage);
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      TracingEnabled: true,
      CacheClusterEnabled: false,
      AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiStageprodAccessLogs'), 'Arn'] }, Format: Match.stringLikeRegexp('^\\{"requestId":"\\$context.requestId"') },
      MethodSettings: [{
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
        ThrottlingRateLimit: 1000,
        ThrottlingBurstLimit: 2000,
        CachingEnabled: false,
      }],
    });
    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 365 }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    const format = JSON.parse(template.findResources('AWS::ApiGateway::Stage')[stageId].Properties.AccessLogSetting.Format);
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
      stages: [{
        stageName: 'v1',
        description: 'first version',
        variables: { backend: 'https://b.example.com/v1' },
        accessLogGroup: new logs.LogGroup(stack, 'Mine'),
        accessLogFormat: apigw.AccessLogFormat.clf(),
        loggingLevel: apigw.MethodLoggingLevel.INFO,
        dataTraceEnabled: true,
        detailedMetrics: false,
        tracingEnabled: false,
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
      }],
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
      stages: [{ accessLogging: false, loggingLevel: apigw.MethodLoggingLevel.OFF, tracingEnabled: false }],
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
      /stages\[0\]\.stageName: "bad name" is not allowed\. Allowed: letters, digits, hyphens and underscores, 1 to 128 characters/],
    [{ stageName: 'x'.repeat(129) }, /stages\[0\]\.stageName: "x{129}" is not allowed/],
    [{ variables: { 'bad-name': 'v' } }, /stages\[0\]\.variables key: "bad-name" is not allowed\. Allowed: letters, digits and underscores/],
    [{ variables: { ok: 'has space' } }, /stages\[0\]\.variables\['ok'\]: "has space" is not allowed/],
    [{ throttlingRateLimit: -1 }, /stages\[0\]\.throttlingRateLimit: -1 is not allowed/],
    [{ throttlingBurstLimit: 1.5 }, /stages\[0\]\.throttlingBurstLimit: 1\.5 is not allowed\. Allowed: a whole number/],
  ])('rejects %j', (stage, message) => {
    expect(() => synthApi(() => ({ routes, stages: [stage] }))).toThrow(message);
  });

  test.each([
    [{ cache: { ttl: Duration.seconds(3601) } }, /stages\[0\]\.cache\.ttl: 3601 is not allowed\. Allowed: a whole number from 0 to 3600 seconds/],
  ])('rejects %j', (stage, message) => {
    expect(() => synthApi(() => ({ routes, stages: [stage] }))).toThrow(message);
  });
});

describe('several stages', () => {
  const twoStages = () => synthApi(stack => ({
    routes: { 'GET /x': { integration: Integration.lambda(newFunction(stack)) } },
    stages: [
      { stageName: 'prod', variables: { env: 'prod' }, urlOutput: true },
      { stageName: 'dev', variables: { env: 'dev' }, throttlingRateLimit: 10, loggingLevel: apigw.MethodLoggingLevel.INFO },
    ],
  }));

  test('each stage has its own settings and access logs, and serves the same deployment', () => {
    const { template, api, stack } = twoStages();
    const [prod, dev] = api.stages.map(s => template.toJSON().Resources[stack.getLogicalId(s.stage)].Properties);
    expect(prod).toMatchObject({ StageName: 'prod', Variables: { env: 'prod' }, MethodSettings: [{ LoggingLevel: 'ERROR', ThrottlingRateLimit: 1000 }] });
    expect(dev).toMatchObject({ StageName: 'dev', Variables: { env: 'dev' }, MethodSettings: [{ LoggingLevel: 'INFO', ThrottlingRateLimit: 10 }] });
    expect(dev.DeploymentId).toEqual(prod.DeploymentId);
    expect(dev.AccessLogSetting.DestinationArn).not.toEqual(prod.AccessLogSetting.DestinationArn);
    template.resourceCountIs('AWS::Logs::LogGroup', 2);
    expect(api.defaultStage.stageName).toBe('prod');
    expect(api.stageName).toBe('prod');
  });

  test('the Lambda invoke permission covers every stage, so dev works as well as prod', () => {
    const { template } = twoStages();
    template.resourceCountIs('AWS::Lambda::Permission', 1);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^/\\*/\\*/\\*$')])] },
    });
  });

  test('stage URLs are properties, and stack outputs on request', () => {
    const { template, api, stack } = twoStages();
    expect(stack.resolve(api.stages[1].url)).toEqual({
      'Fn::Join': ['', ['https://', { Ref: 'ApiF70053CD' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/dev/']],
    });
    expect(api.url).toBe(api.defaultStage.url);
    const outputs = template.findOutputs('*');
    expect(Object.values(outputs)).toEqual([expect.objectContaining({ Value: stack.resolve(api.stages[0].url) })]);
    expect(api.stages[0].urlOutput).toBeDefined();
    expect(api.stages[1].urlOutput).toBeUndefined();
  });

  test('stages can be added later; names are unique', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes });
    api.addStage({ stageName: 'staging' });
    expect(api.stages.map(s => s.stageName)).toEqual(['prod', 'staging']);
    expect(() => api.addStage({ stageName: 'prod' }))
      .toThrow(/\[Test\/Api\] stages\[2\]\.stageName: "prod" is not allowed\. Allowed: a name no other stage of the API has \(prod, staging\)/);
    expect(() => new GatewayApi(stack, 'Empty', { stages: [] })).toThrow(/stages: \[\] is not allowed\. Allowed: at least one stage/);
  });

  test('a stage cache: the size asked for, encrypted, with its TTL', () => {
    const { template } = synthApi(() => ({ routes, stages: [{ cache: { clusterSize: CacheClusterSize.GB_6_1, ttl: Duration.minutes(1) } }] }));
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      CacheClusterEnabled: true,
      CacheClusterSize: '6.1',
      MethodSettings: [Match.objectLike({ CachingEnabled: true, CacheDataEncrypted: true, CacheTtlInSeconds: 60 })],
    });
  });

  test('under a WAF preset, every stage is behind the one web ACL', () => {
    const { template } = synthApi(() => ({ routes, compliance: Compliance.NIST_800_53_R5, stages: [{ stageName: 'prod' }, { stageName: 'dev' }] }));
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 2);
    expect(keysBesidesAlarmTopic(template)).toHaveLength(1);
    template.resourceCountIs('AWS::ApiGateway::ClientCertificate', 1);
  });
});
