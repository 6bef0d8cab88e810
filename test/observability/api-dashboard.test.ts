import { App, Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ApiProtocol, GatewayApi, GatewayHttpApi, HttpIntegration, Integration, StageMetrics } from '../../src';
import { newFunction, newStack, synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };

/** The dashboard's widgets, with the body's tokens resolved to a placeholder. */
function widgets(template: Template): any[] {
  const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  const body = dashboards[0].Properties.DashboardBody;
  const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((p: any) => (typeof p === 'string' ? p : 'TOKEN')).join('');
  return JSON.parse(text).widgets;
}

describe('the API dashboard', () => {
  test('a row per stage: traffic, error rates, latency, cache, alarms; route graphs by SEARCH where detailed metrics are on', () => {
    const { template, api } = synthApi(() => ({ routes, apiName: 'pets', stages: [{ cache: {} }, { stageName: 'beta', detailedMetrics: false, alarms: { enabled: false } }] }));
    expect(api.dashboard).toBeInstanceOf(cloudwatch.Dashboard);
    const all = widgets(template);
    const titles = all.map(w => w.properties.title ?? w.properties.markdown);
    expect(titles).toEqual([
      '### Test/Api, stage prod', 'Requests', 'Error rates (%)', 'Latency (ms)', 'Cache hit rate (%)', 'Alarms',
      'Count by route', '5XXError by route', 'Latency p99 by route (ms)',
      '### Test/Api, stage beta', 'Requests', 'Error rates (%)', 'Latency (ms)',
    ]);
    const byRoute = all.find(w => w.properties.title === 'Latency p99 by route (ms)');
    expect(byRoute.properties.metrics[0][0].expression)
      .toBe('SEARCH(\'{AWS/ApiGateway,ApiName,Method,Resource,Stage} ApiName="pets" Stage="prod" MetricName="Latency"\', \'p99\', 60)');
    const alarmWidget = all.find(w => w.properties.title === 'Alarms');
    expect(alarmWidget.properties.alarms).toHaveLength(5);
  });

  test('HTTP dashboards find routes by API id; the dashboard can be left out', () => {
    const stack = newStack();
    new GatewayHttpApi(stack, 'Http', { routes: { 'GET /x': { integration: HttpIntegration.lambda(newFunction(stack)) } } });
    const expression = widgets(Template.fromStack(stack)).find(w => w.properties.title === 'Latency p99 by route (ms)').properties.metrics[0][0].expression;
    expect(expression).toBe('SEARCH(\'{AWS/ApiGateway,ApiId,Method,Resource,Stage} ApiId="TOKEN" Stage="$default" MetricName="Latency"\', \'p99\', 60)');

    const { template } = synthApi(() => ({ routes, dashboard: false }));
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });
});

describe('stage metrics', () => {
  test('stages expose their metrics, and routes\' by method and resource', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes, apiName: 'pets' });
    const route = api.defaultStage.metrics.metricRoute('GET /pets/{petId}', 'Latency', { statistic: 'p90' });
    expect(route.dimensions).toEqual({ ApiName: 'pets', Stage: 'prod', Method: 'GET', Resource: '/pets/{petId}' });
    expect(route.statistic).toBe('p90');
    expect(api.defaultStage.metrics.metricRequests().metricName).toBe('Count');
  });

  test('metrics of any stage, by protocol; WebSocket routes by route key, no Latency, no cache on v2 APIs', () => {
    const ws = new StageMetrics({ protocol: ApiProtocol.WEBSOCKET, api: 'abc123', stageName: 'prod' });
    expect(ws.metricRoute('sendMessage', 'MessageCount').dimensions).toEqual({ ApiId: 'abc123', Stage: 'prod', Route: 'sendMessage' });
    expect(() => ws.metricLatency()).toThrow(/WEBSOCKET APIs publish no Latency metric/);
    const http = new StageMetrics({ protocol: ApiProtocol.HTTP, api: 'abc123', stageName: '$default' });
    expect(http.metricServerErrors().metricName).toBe('5xx');
    expect(() => http.metricCacheHitRate()).toThrow(/HTTP APIs have no cache/);
    // Usable in an alarm of the user's own.
    const stack = new Stack(new App(), 'S');
    http.metricServerErrorRate().createAlarm(stack, 'Mine', { threshold: 5, evaluationPeriods: 1 });
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 1);
  });
});
