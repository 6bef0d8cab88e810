import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';

/** The kind of API a stage belongs to: each publishes its own metric names and dimensions. */
export enum ApiProtocol {
  /** A REST API: metrics by API name (`ApiName`). */
  REST = 'REST',
  /** An HTTP API: metrics by API id (`ApiId`). */
  HTTP = 'HTTP',
  /** A WebSocket API: metrics by API id (`ApiId`), per message rather than per request. */
  WEBSOCKET = 'WEBSOCKET',
}

/** Which stage the metrics are of. */
export interface StageMetricsProps {
  /** The kind of API. */
  readonly protocol: ApiProtocol;

  /** The API's name for a REST API (its metrics carry `ApiName`); its id for HTTP and WebSocket APIs. */
  readonly api: string;

  /** The stage name. */
  readonly stageName: string;
}

/** The metric names of one protocol, by meaning. */
interface MetricNames {
  readonly apiDimension: 'ApiName' | 'ApiId';
  readonly requests: string;
  readonly clientErrors: string;
  readonly serverErrors: string;
  /** WebSocket APIs publish no end-to-end latency. */
  readonly latency?: string;
  readonly integrationLatency: string;
  /** How a route is told apart: by method and resource (REST, HTTP), or by route key (WebSocket). */
  readonly routeDimensions: (routeKey: string) => { [name: string]: string };
}

const METHOD_AND_RESOURCE = (routeKey: string) => {
  const space = routeKey.indexOf(' ');
  return space < 0 ? { Method: 'ANY', Resource: routeKey } : { Method: routeKey.slice(0, space), Resource: routeKey.slice(space + 1) };
};

const NAMES: { [protocol in ApiProtocol]: MetricNames } = {
  [ApiProtocol.REST]: {
    apiDimension: 'ApiName',
    requests: 'Count',
    clientErrors: '4XXError',
    serverErrors: '5XXError',
    latency: 'Latency',
    integrationLatency: 'IntegrationLatency',
    routeDimensions: METHOD_AND_RESOURCE,
  },
  [ApiProtocol.HTTP]: {
    apiDimension: 'ApiId',
    requests: 'Count',
    clientErrors: '4xx',
    serverErrors: '5xx',
    latency: 'Latency',
    integrationLatency: 'IntegrationLatency',
    routeDimensions: METHOD_AND_RESOURCE,
  },
  [ApiProtocol.WEBSOCKET]: {
    apiDimension: 'ApiId',
    requests: 'MessageCount',
    clientErrors: 'ClientError',
    serverErrors: 'IntegrationError',
    integrationLatency: 'IntegrationLatency',
    routeDimensions: routeKey => ({ Route: routeKey }),
  },
};

const NAMESPACE = 'AWS/ApiGateway';
const DEFAULT_PERIOD = Duration.minutes(1);

/**
 * The CloudWatch metrics API Gateway publishes for one stage, and for its routes where
 * detailed metrics are on. Every stage of the library has one (`stage.metrics`); build one
 * for any other stage with `new StageMetrics({ protocol, api, stageName })`.
 *
 * Rates are metric math (`100 * errors / requests`), so they read the same for every protocol.
 */
export class StageMetrics {
  /** The kind of API. */
  public readonly protocol: ApiProtocol;
  private readonly names: MetricNames;
  private readonly dimensions: { [name: string]: string };

  constructor(props: StageMetricsProps) {
    this.protocol = props.protocol;
    this.names = NAMES[props.protocol];
    this.dimensions = { [this.names.apiDimension]: props.api, Stage: props.stageName };
  }

  /**
   * Any metric of the stage, e.g. `metric('CacheHitCount', { statistic: 'Sum' })`.
   *
   * @param metricName the metric's name in the AWS/ApiGateway namespace
   * @param options statistic, period, label and so on (the Average over 1 minute unless they say)
   */
  public metric(metricName: string, options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return new cloudwatch.Metric({ namespace: NAMESPACE, metricName, dimensionsMap: this.dimensions, period: DEFAULT_PERIOD, ...options });
  }

  /**
   * A metric of one route, published when the stage has detailed metrics on.
   *
   * @param routeKey the route key, e.g. `GET /pets/{petId}` (a WebSocket route key, e.g. `sendMessage`)
   * @param metricName the metric's name, e.g. `Latency`
   * @param options statistic, period, label and so on
   */
  public metricRoute(routeKey: string, metricName: string, options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric(metricName, { ...options, dimensionsMap: { ...this.dimensions, ...this.names.routeDimensions(routeKey) } });
  }

  /** Requests served (WebSocket: messages), summed. */
  public metricRequests(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric(this.names.requests, { statistic: cloudwatch.Stats.SUM, label: 'Requests', ...options });
  }

  /** Requests answered 4XX (WebSocket: client errors), summed. */
  public metricClientErrors(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric(this.names.clientErrors, { statistic: cloudwatch.Stats.SUM, label: '4XX', ...options });
  }

  /** Requests answered 5XX (WebSocket: integration errors), summed. */
  public metricServerErrors(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric(this.names.serverErrors, { statistic: cloudwatch.Stats.SUM, label: '5XX', ...options });
  }

  /** The share of requests answered 4XX, in percent (0 while there are no requests). */
  public metricClientErrorRate(options: cloudwatch.MathExpressionOptions = {}): cloudwatch.MathExpression {
    return this.rate('clientErrors', this.metricClientErrors(), { label: '4XX rate (%)', ...options });
  }

  /** The share of requests answered 5XX, in percent (0 while there are no requests). */
  public metricServerErrorRate(options: cloudwatch.MathExpressionOptions = {}): cloudwatch.MathExpression {
    return this.rate('serverErrors', this.metricServerErrors(), { label: '5XX rate (%)', ...options });
  }

  /** Time from request to response, in milliseconds, p99 over 1 minute. WebSocket APIs publish no such metric. */
  public metricLatency(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    if (!this.names.latency) throw new Error(`${this.protocol} APIs publish no Latency metric; use metricIntegrationLatency.`);
    return this.metric(this.names.latency, { statistic: cloudwatch.Stats.p(99), label: 'Latency p99', ...options });
  }

  /** Time the backend took, in milliseconds, p99 over 1 minute. */
  public metricIntegrationLatency(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric(this.names.integrationLatency, { statistic: cloudwatch.Stats.p(99), label: 'Integration latency p99', ...options });
  }

  /** The share of cacheable requests served from the stage's cache, in percent (REST APIs). */
  public metricCacheHitRate(options: cloudwatch.MathExpressionOptions = {}): cloudwatch.MathExpression {
    if (this.protocol !== ApiProtocol.REST) throw new Error(`${this.protocol} APIs have no cache; cache metrics are for REST APIs.`);
    const hits = this.metric('CacheHitCount', { statistic: cloudwatch.Stats.SUM });
    const misses = this.metric('CacheMissCount', { statistic: cloudwatch.Stats.SUM });
    return new cloudwatch.MathExpression({
      expression: 'IF(hits + misses > 0, 100 * hits / (hits + misses), 100)',
      usingMetrics: { hits, misses },
      label: 'Cache hit rate (%)',
      period: DEFAULT_PERIOD,
      ...options,
    });
  }

  /**
   * One time series per route (detailed metrics), found by a CloudWatch SEARCH expression, so
   * a graph covers every route however many there are. For graphs only: alarms cannot use SEARCH.
   *
   * @param metricName the metric's name, e.g. `Latency`
   * @param statistic e.g. `p99` or `Sum`
   * @param period the period of each data point, 1 minute unless given
   */
  public searchRoutes(metricName: string, statistic: string, period: Duration = DEFAULT_PERIOD): cloudwatch.MathExpression {
    const dimensions = [this.names.apiDimension, 'Stage', ...Object.keys(this.names.routeDimensions('GET /'))].sort();
    const schema = [NAMESPACE, ...dimensions].join(',');
    const filter = Object.entries(this.dimensions).map(([name, value]) => `${name}="${value}"`).join(' ');
    return new cloudwatch.MathExpression({
      expression: `SEARCH('{${schema}} ${filter} MetricName="${metricName}"', '${statistic}', ${period.toSeconds()})`,
      usingMetrics: {},
      label: '',
      period,
    });
  }

  /** `errors` as a share of requests; ids differ per kind of error, so both rates fit one graph. */
  private rate(id: string, errors: cloudwatch.Metric, options: cloudwatch.MathExpressionOptions): cloudwatch.MathExpression {
    return new cloudwatch.MathExpression({
      expression: `IF(requests > 0, 100 * ${id} / requests, 0)`,
      usingMetrics: { [id]: errors, requests: this.metricRequests() },
      period: DEFAULT_PERIOD,
      ...options,
    });
  }
}
