import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApiProtocol, StageMetrics } from './stage-metrics';

/** What the dashboard shows of one stage. */
export interface DashboardStage {
  readonly stageName: string;
  readonly metrics: StageMetrics;
  readonly alarms: cloudwatch.IAlarm[];
  /** Whether the stage has a cache (REST): a cache hit rate graph. */
  readonly cached: boolean;
  /** Whether the stage publishes per-route metrics: graphs by route. */
  readonly routeMetrics: boolean;
}

const WIDTH = 24;
const HEIGHT = 6;

/**
 * The API's dashboard: a row per stage with traffic, error rates, latencies, the cache and the
 * state of its alarms, and a row by route where the stage publishes detailed metrics. Route
 * graphs are SEARCH expressions, so the dashboard does not grow with the routes.
 */
export class ApiDashboard {
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, private readonly apiPath: string) {
    this.dashboard = new cloudwatch.Dashboard(scope, id, { defaultInterval: Duration.hours(3) });
  }

  public addStage(stage: DashboardStage): void {
    const m = stage.metrics;
    const webSocket = m.protocol === ApiProtocol.WEBSOCKET;
    this.dashboard.addWidgets(new cloudwatch.TextWidget({
      markdown: `### ${this.apiPath}, stage ${stage.stageName}`, width: WIDTH, height: 1,
    }));
    // Four widgets to a row, five when the stage has both a cache and alarms.
    const count = 3 + (stage.cached ? 1 : 0) + (stage.alarms.length > 0 ? 1 : 0);
    const width = Math.floor(WIDTH / Math.max(count, 4));
    const row: cloudwatch.IWidget[] = [
      graph(webSocket ? 'Messages and connections' : 'Requests', width, [
        m.metricRequests(),
        ...(webSocket ? [m.metric('ConnectCount', { statistic: cloudwatch.Stats.SUM, label: 'Connections' })] : []),
        m.metricClientErrors(),
        m.metricServerErrors(),
      ]),
      graph('Error rates (%)', width, [m.metricClientErrorRate(), m.metricServerErrorRate()]),
      graph('Latency (ms)', width, [
        ...(webSocket ? [] : [m.metricLatency({ statistic: 'p50', label: 'Latency p50' }), m.metricLatency()]),
        m.metricIntegrationLatency({ statistic: 'p50', label: 'Integration latency p50' }),
        m.metricIntegrationLatency(),
      ]),
    ];
    if (stage.cached) row.push(graph('Cache hit rate (%)', width, [m.metricCacheHitRate()]));
    if (stage.alarms.length > 0) row.push(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: stage.alarms, width, height: HEIGHT }));
    this.dashboard.addWidgets(...row);
    if (stage.routeMetrics) {
      const latency = webSocket ? 'IntegrationLatency' : 'Latency';
      this.dashboard.addWidgets(
        graph(`${m.metricRequests().metricName} by route`, WIDTH / 3, [m.searchRoutes(m.metricRequests().metricName, 'Sum')]),
        graph(`${m.metricServerErrors().metricName} by route`, WIDTH / 3, [m.searchRoutes(m.metricServerErrors().metricName, 'Sum')]),
        graph(`${latency} p99 by route (ms)`, WIDTH / 3, [m.searchRoutes(latency, 'p99')]),
      );
    }
  }
}

function graph(title: string, width: number, left: cloudwatch.IMetric[]): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, left, width, height: HEIGHT });
}
