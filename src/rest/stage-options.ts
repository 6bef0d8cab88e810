import { aws_apigateway as apigw, aws_kinesisfirehose as firehose, aws_logs as logs } from 'aws-cdk-lib';
import { StageCacheOptions } from '../cache/stage-cache';
import { StageAlarmsOptions } from '../observability/alarm-options';
import { Release } from '../release/release';

/**
 * Settings of one of the API's stages. Every default is the secure, observable one; switching one
 * off is allowed and produces a synth warning naming the compliance rule that will flag it.
 */
export interface StageOptions {
  /**
   * The stage name: letters, digits, hyphens and underscores, at most 128 characters. Unique
   * within the API.
   *
   * @default 'prod'
   */
  readonly stageName?: string;

  /**
   * Which deployment the stage serves: the current definition, a canary of it, or an earlier
   * deployment. Each step of a release is a change of this prop (see README, "Releases").
   *
   * @default Release.latest()
   */
  readonly release?: Release;

  /**
   * Whether the stage's URL becomes a stack output (`<construct>Url`).
   *
   * @default false
   */
  readonly urlOutput?: boolean;

  /**
   * A description of the stage.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Stage variables, available to mapping templates and integration URIs as `stageVariables.NAME`.
   * Names: letters, digits and underscores, at least one letter or digit; values: one or more of
   * letters, digits and `-._~:/?#&=,`.
   *
   * @default - none
   */
  readonly variables?: { [name: string]: string };

  /**
   * Whether access logs are written (one JSON line per request).
   *
   * @default true
   */
  readonly accessLogging?: boolean;

  /**
   * The access log line format.
   *
   * @default - JSON with the request id, caller, route, status, latencies, errors and X-Ray trace id
   */
  readonly accessLogFormat?: apigw.AccessLogFormat;

  /**
   * The log group access logs go to.
   *
   * @default - a new log group, retained when the stack is deleted, with `accessLogRetention`
   */
  readonly accessLogGroup?: logs.ILogGroup;

  /**
   * An Amazon Data Firehose delivery stream the access logs go to, in place of a log group (for
   * S3, OpenSearch or a SIEM). Its name must start with `amazon-apigateway-`.
   *
   * @default - a CloudWatch Logs log group (`accessLogGroup`, or the stage's own)
   */
  readonly accessLogDeliveryStream?: firehose.IDeliveryStream;

  /**
   * How long access logs are kept when the library creates the log group.
   *
   * @default RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: logs.RetentionDays;

  /**
   * Execution logging level for every method.
   *
   * @default MethodLoggingLevel.ERROR
   */
  readonly loggingLevel?: apigw.MethodLoggingLevel;

  /**
   * Whether full requests and responses are written to the execution log. They may contain
   * secrets and personal data.
   *
   * @default false
   */
  readonly dataTraceEnabled?: boolean;

  /**
   * Whether detailed CloudWatch metrics are published for every method.
   *
   * @default true
   */
  readonly metricsEnabled?: boolean;

  /**
   * Whether AWS X-Ray traces requests.
   *
   * @default true
   */
  readonly tracingEnabled?: boolean;

  /**
   * Steady-state requests per second allowed for every method of the stage.
   *
   * @default 1000
   */
  readonly throttlingRateLimit?: number;

  /**
   * Burst of requests allowed for every method of the stage.
   *
   * @default 2000
   */
  readonly throttlingBurstLimit?: number;

  /**
   * A response cache for every method of the stage, encrypted.
   *
   * @default - no cache (the NIST, PCI and HIPAA presets add a 0.5 GB one with a 300 s TTL)
   */
  readonly cache?: StageCacheOptions;

  /**
   * An existing REGIONAL WAFv2 web ACL to protect this stage, in place of the API's.
   *
   * @default - the API's web ACL, when it has one (`webAcl`, or the NIST and PCI presets)
   */
  readonly webAclArn?: string;

  /**
   * The stage's CloudWatch alarms: 5XX rate, 4XX rate, p99 latency, p99 integration latency,
   * and the cache hit rate when the stage has a cache; each may be tuned or switched off.
   *
   * @default - every alarm on, with its default threshold, notifying the API's `alarmActions`
   */
  readonly alarms?: StageAlarmsOptions;
}
