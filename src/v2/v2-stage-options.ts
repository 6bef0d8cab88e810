import { aws_apigateway as apigw, aws_logs as logs } from 'aws-cdk-lib';
import { StageAlarmsOptions } from '../observability/alarm-options';

/** What stages of HTTP and WebSocket APIs have in common. */
export interface V2StageCommonOptions {
  /**
   * A description of the stage.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Stage variables, available to integrations as `${stageVariables.name}`. Names: letters,
   * digits and underscores, at least one letter or digit; values: one or more of letters,
   * digits and `-._~:/?#&=,`.
   *
   * @default - none
   */
  readonly variables?: { [name: string]: string };

  /**
   * Steady-state requests (HTTP) or messages (WebSocket) per second for every route.
   *
   * @default 1000
   */
  readonly throttlingRateLimit?: number;

  /**
   * Burst for every route.
   *
   * @default 2000
   */
  readonly throttlingBurstLimit?: number;

  /**
   * Whether CloudWatch gets per-route metrics.
   *
   * @default true
   */
  readonly detailedMetrics?: boolean;

  /**
   * Whether requests (or connections and messages) are logged to an access log group.
   *
   * @default true
   */
  readonly accessLogging?: boolean;

  /**
   * The access log group.
   *
   * @default - a log group of the stage's own, retained on deletion
   */
  readonly accessLogGroup?: logs.ILogGroup;

  /**
   * Retention of the access log group the stage creates.
   *
   * @default RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: logs.RetentionDays;

  /**
   * The access log line.
   *
   * @default - JSON with request id, caller, route, status, latencies and errors (and, for
   * WebSocket stages, connection id and event type)
   */
  readonly accessLogFormat?: apigw.AccessLogFormat;

  /**
   * The stage's CloudWatch alarms: 5XX rate, 4XX rate, p99 latency (HTTP) and p99 integration
   * latency (for WebSocket stages: integration errors, client errors and integration latency);
   * each may be tuned or switched off.
   *
   * @default - every alarm on, with its default threshold, notifying the API's `alarmActions`
   */
  readonly alarms?: StageAlarmsOptions;
}
