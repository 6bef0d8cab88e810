import { aws_apigateway as apigw, aws_logs as logs } from 'aws-cdk-lib';

/** A stage of an HTTP API. Stages deploy automatically: every change to the API goes live. */
export interface HttpStageOptions {
  /**
   * The stage name; `$default` serves the API at its root URL.
   *
   * @default '$default'
   */
  readonly stageName?: string;

  /**
   * A description of the stage.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Stage variables, available to integrations as `${stageVariables.name}`.
   *
   * @default - none
   */
  readonly variables?: { [name: string]: string };

  /**
   * Steady-state requests per second for every route.
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
   * Whether requests are logged to an access log group.
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
   * @default - JSON with request id, caller, route, status, latencies and errors
   */
  readonly accessLogFormat?: apigw.AccessLogFormat;
}
