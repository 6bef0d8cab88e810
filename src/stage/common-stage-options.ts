import { aws_apigateway as apigw, aws_logs as logs } from 'aws-cdk-lib';
import { StageAlarmsOptions } from '../observability/alarm-options';

/**
 * What a stage of any of the three APIs takes: `StageOptions` (REST), `HttpStageOptions` and
 * `WebSocketStageOptions` add what their kind has of its own.
 */
export interface CommonStageOptions {
  /**
   * A description of the stage.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Stage variables, available to integrations as `stageVariables.NAME` (REST mapping templates
   * and integration URIs, `${stageVariables.NAME}` in HTTP and WebSocket integrations). Names:
   * letters, digits and underscores, at least one letter or digit; values: one or more of
   * letters, digits and `-._~:/?#&=,`.
   *
   * @default - none
   */
  readonly variables?: { [name: string]: string };

  /**
   * Steady-state requests (WebSocket: messages) per second allowed for every route of the stage.
   *
   * @default 1000
   */
  readonly throttlingRateLimit?: number;

  /**
   * Burst of requests (WebSocket: messages) allowed for every route of the stage.
   *
   * @default 2000
   */
  readonly throttlingBurstLimit?: number;

  /**
   * Whether CloudWatch gets detailed metrics for every route (REST: every method).
   *
   * @default true
   */
  readonly detailedMetrics?: boolean;

  /**
   * Whether access logs are written (one JSON line per request, or per connection and message).
   *
   * @default true
   */
  readonly accessLogging?: boolean;

  /**
   * The access log line format.
   *
   * @default - JSON with the request id, caller, route, status, latencies and errors (REST adds
   * the X-Ray trace id; WebSocket the connection id and event type)
   */
  readonly accessLogFormat?: apigw.AccessLogFormat;

  /**
   * The log group access logs go to.
   *
   * @default - a new log group, retained when the stack is deleted, with `accessLogRetention`
   */
  readonly accessLogGroup?: logs.ILogGroup;

  /**
   * How long access logs are kept when the library creates the log group.
   *
   * @default RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: logs.RetentionDays;

  /**
   * The stage's CloudWatch alarms, each of which may be tuned or switched off: 5XX rate, 4XX
   * rate, p99 latency and p99 integration latency, and the cache hit rate of a REST stage with a
   * cache (WebSocket: integration errors, client errors and integration latency).
   *
   * @default - every alarm on, with its default threshold, notifying the API's `alarmActions`
   */
  readonly alarms?: StageAlarmsOptions;
}
