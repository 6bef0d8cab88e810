import { Duration, aws_cloudwatch_actions as actions, aws_sns as sns } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, WebSocketIntegration } from '../../src';
import { newFunction, newStack, synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };

/** The alarms of a template by their construct id (the logical id without its hash). */
function alarms(template: Template): { [id: string]: any } {
  return Object.fromEntries(Object.entries(template.findResources('AWS::CloudWatch::Alarm'))
    .map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ''), r.Properties]));
}

/** The metric names an alarm reads, math expression or not. */
function metricNames(alarm: any): string[] {
  return (alarm.Metrics ?? []).filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.MetricName).sort();
}

describe('stage alarms', () => {
  test('a REST stage gets 5XX rate, 4XX rate, p99 latency and p99 integration latency alarms, notifying the API actions', () => {
    const { template, stack } = synthApi(s => ({ routes, apiName: 'pets', alarmActions: [new actions.SnsAction(new sns.Topic(s, 'Topic'))] }));
    const byId = alarms(template);
    expect(Object.keys(byId).sort()).toEqual([
      'ApiStageprodClientErrorRateAlarm', 'ApiStageprodIntegrationLatencyP99Alarm', 'ApiStageprodLatencyP99Alarm', 'ApiStageprodServerErrorRateAlarm',
    ]);
    const topic = { Ref: stack.getLogicalId(stack.node.findChild('Topic').node.defaultChild as any) };
    const serverErrors = byId.ApiStageprodServerErrorRateAlarm;
    expect(serverErrors).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
      OKActions: [topic],
    });
    // A rate: 5XX errors over requests, both summed per minute, of this API (by name) and stage.
    expect(serverErrors.Metrics[0].Expression).toBe('IF(requests > 0, 100 * serverErrors / requests, 0)');
    expect(metricNames(serverErrors)).toEqual(['5XXError', 'Count']);
    expect(serverErrors.Metrics[1].MetricStat).toMatchObject({
      Metric: { Namespace: 'AWS/ApiGateway', Dimensions: [{ Name: 'ApiName', Value: 'pets' }, { Name: 'Stage', Value: 'prod' }] },
      Period: 60,
      Stat: 'Sum',
    });
    expect(byId.ApiStageprodClientErrorRateAlarm.Threshold).toBe(10);
    expect(byId.ApiStageprodLatencyP99Alarm).toMatchObject({ Threshold: 3000, Metrics: [{ MetricStat: { Metric: { MetricName: 'Latency' }, Stat: 'p99' } }] });
    expect(byId.ApiStageprodIntegrationLatencyP99Alarm).toMatchObject({ Threshold: 2500, Metrics: [{ MetricStat: { Metric: { MetricName: 'IntegrationLatency' }, Stat: 'p99' } }] });
  });

  test('with a cache, a cache hit rate alarm fires below its threshold; thresholds, periods and actions are the stage\'s to tune', () => {
    const { template, api } = synthApi(s => ({
      routes,
      alarmActions: [new actions.SnsAction(new sns.Topic(s, 'Everyone'))],
      stages: [{
        cache: {},
        alarms: {
          actions: [new actions.SnsAction(new sns.Topic(s, 'Pager'))],
          serverErrorRate: { threshold: 0.5, period: Duration.minutes(5), evaluationPeriods: 3, datapointsToAlarm: 2 },
          clientErrorRate: { enabled: false },
          cacheHitRate: { threshold: 40 },
        },
      }],
    }));
    const byId = alarms(template);
    expect(Object.keys(byId)).not.toContain('ApiStageprodClientErrorRateAlarm');
    expect(byId.ApiStageprodCacheHitRateAlarm).toMatchObject({ Threshold: 40, ComparisonOperator: 'LessThanThreshold' });
    expect(metricNames(byId.ApiStageprodCacheHitRateAlarm)).toEqual(['CacheHitCount', 'CacheMissCount']);
    expect(byId.ApiStageprodServerErrorRateAlarm).toMatchObject({ Threshold: 0.5, EvaluationPeriods: 3, DatapointsToAlarm: 2 });
    expect(byId.ApiStageprodServerErrorRateAlarm.Metrics[1].MetricStat.Period).toBe(300);
    expect(JSON.stringify(byId.ApiStageprodServerErrorRateAlarm.AlarmActions)).toContain('Pager');
    expect(api.defaultStage.alarms).toHaveLength(4);
  });

  test('alarms can be switched off per stage, and none exist then', () => {
    const { template } = synthApi(() => ({ routes, stages: [{ alarms: { enabled: false } }] }));
    template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  test('bad alarm options are refused at synth with the prop and what is allowed', () => {
    const cases: [any, RegExp][] = [
      [{ serverErrorRate: { threshold: 150 } }, /\[Test\/Api\/Stage\.prod\] stages\[0\]\.alarms\.serverErrorRate\.threshold: 150 is not allowed\. Allowed: a number from 0 to 100/],
      [{ latencyP99: { threshold: 0 } }, /alarms\.latencyP99\.threshold: 0 is not allowed/],
      [{ latencyP99: { period: Duration.seconds(30) } }, /alarms\.latencyP99\.period: "30 seconds" is not allowed\. Allowed: a whole number of minutes/],
      [{ clientErrorRate: { evaluationPeriods: 2, datapointsToAlarm: 3 } }, /alarms\.clientErrorRate\.datapointsToAlarm: 3 is not allowed\. Allowed: a whole number from 1 to 2/],
      [{ clientErrorRate: { period: Duration.hours(1), evaluationPeriods: 25 } }, /evaluationPeriods: 25 is not allowed\. Allowed: a whole number from 1 to 24/],
      [{ cacheHitRate: { threshold: 50 } }, /alarms\.cacheHitRate: .* is not allowed\. Allowed: nothing for a stage without a cache/],
    ];
    for (const [options, message] of cases) {
      expect(() => new GatewayApi(newStack(), 'Api', { routes, stages: [{ alarms: options }] })).toThrow(message);
    }
  });

  test('HTTP stages alarm on 5xx and 4xx by API id; WebSocket stages on integration and client errors per message, without Latency', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    new GatewayHttpApi(stack, 'Http', { routes: { 'GET /x': { integration: HttpIntegration.lambda(fn) } } });
    new GatewayWebSocketApi(stack, 'Ws', { connectionsTable: {}, routes: { ping: { integration: WebSocketIntegration.lambda(fn) } } });
    const byId = alarms(Template.fromStack(stack));
    expect(metricNames(byId.HttpStagedefaultServerErrorRateAlarm)).toEqual(['5xx', 'Count']);
    expect(byId.HttpStagedefaultServerErrorRateAlarm.Metrics[1].MetricStat.Metric.Dimensions)
      .toEqual([{ Name: 'ApiId', Value: { Ref: expect.stringMatching(/^Http/) } }, { Name: 'Stage', Value: '$default' }]);
    expect(metricNames(byId.WsStageprodServerErrorRateAlarm)).toEqual(['IntegrationError', 'MessageCount']);
    expect(metricNames(byId.WsStageprodClientErrorRateAlarm)).toEqual(['ClientError', 'MessageCount']);
    expect(Object.keys(byId)).toEqual(expect.arrayContaining(['HttpStagedefaultLatencyP99Alarm', 'WsStageprodIntegrationLatencyP99Alarm']));
    expect(Object.keys(byId)).not.toContain('WsStageprodLatencyP99Alarm');
    expect(() => new GatewayWebSocketApi(newStack(), 'Ws', { connectionsTable: {}, stages: [{ alarms: { latencyP99: { threshold: 100 } } }] }))
      .toThrow(/stages\[0\]\.alarms\.latencyP99: .* Allowed: nothing for a WebSocket stage/);
  });
});

describe('the stack alarm topic', () => {
  test('without alarmActions, alarms notify one encrypted, TLS-only topic per stack that CloudWatch may publish to', () => {
    const stack = newStack();
    const a = new GatewayApi(stack, 'A', { routes });
    const b = new GatewayApi(stack, 'B', { routes });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    expect(a.alarmTopic).toBeDefined();
    expect(a.alarmTopic).toBe(b.alarmTopic);
    const topicId = stack.getLogicalId(a.alarmTopic!.node.defaultChild as any);
    for (const alarm of Object.values(alarms(template))) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    expect(Object.values(template.findResources('AWS::SNS::Topic'))[0].Properties.KmsMasterKeyId['Fn::GetAtt'][0]).toMatch(/^GatewayApiAlarmsKey/);
    const policy = JSON.stringify(Object.values(template.findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument);
    expect(policy).toContain('"aws:SecureTransport":"false"');
    expect(policy).toContain('cloudwatch.amazonaws.com');
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, Description: 'Encrypts the topic GatewayApi alarms notify' });
  });

  test('no topic when the API names its actions, or has no alarms', () => {
    const stack = newStack();
    const a = new GatewayApi(stack, 'A', { routes, alarmActions: [] });
    const b = new GatewayApi(stack, 'B', { routes, stages: [{ alarms: { enabled: false } }] });
    Template.fromStack(stack).resourceCountIs('AWS::SNS::Topic', 0);
    expect(a.alarmTopic ?? b.alarmTopic).toBeUndefined();
  });
});
