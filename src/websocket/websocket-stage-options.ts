import { aws_apigateway as apigw, aws_logs as logs } from 'aws-cdk-lib';

/** A stage of a WebSocket API. Stages deploy automatically: every change to the API goes live. */
export interface WebSocketStageOptions {
  /**
   * The stage name, the last part of the URL (`wss://.../prod`).
   *
   * @default 'prod'
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
   * Steady-state messages per second for every route.
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
   * What API Gateway writes to the stage's execution log (`API-Gateway-Execution-Logs_{apiId}/{stage}`).
   *
   * @default MethodLoggingLevel.ERROR
   */
  readonly loggingLevel?: apigw.MethodLoggingLevel;

  /**
   * Whether whole messages go to the execution log. They may hold secrets and personal data.
   *
   * @default false
   */
  readonly dataTraceEnabled?: boolean;

  /**
   * Whether connections and messages are logged to an access log group.
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
   * @default - JSON with request and connection ids, caller, route, event type, status, latency and errors
   */
  readonly accessLogFormat?: apigw.AccessLogFormat;
}
