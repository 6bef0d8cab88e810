import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';

/**
 * One alarm of a stage: on or off, its threshold and how long it must be crossed.
 */
export interface StageAlarmOptions {
  /**
   * Whether the alarm exists.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The threshold, in the alarm's unit (percent for rates, milliseconds for latencies).
   *
   * @default - the alarm's own (see `StageAlarmsOptions`)
   */
  readonly threshold?: number;

  /**
   * The length of one data point.
   *
   * @default Duration.minutes(1)
   */
  readonly period?: Duration;

  /**
   * How many recent data points are judged.
   *
   * @default 5
   */
  readonly evaluationPeriods?: number;

  /**
   * How many of the judged data points must cross the threshold.
   *
   * @default 3
   */
  readonly datapointsToAlarm?: number;
}

/**
 * The alarms of a stage. Each is on by default with a threshold that says "users are hurting",
 * and may be tuned or switched off; they notify the API's `alarmActions`.
 */
export interface StageAlarmsOptions {
  /**
   * Whether the stage has alarms at all.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * What the alarms notify when they go into and out of alarm, e.g. `new SnsAction(topic)`.
   *
   * @default - the API's `alarmActions`
   */
  readonly actions?: cloudwatch.IAlarmAction[];

  /**
   * The share of requests answered 5XX (WebSocket: integration errors), in percent.
   *
   * @default - above 1 %
   */
  readonly serverErrorRate?: StageAlarmOptions;

  /**
   * The share of requests answered 4XX (WebSocket: client errors), in percent.
   *
   * @default - above 10 %
   */
  readonly clientErrorRate?: StageAlarmOptions;

  /**
   * The p99 latency, in milliseconds. Not for WebSocket stages (no such metric).
   *
   * @default - above 3,000 ms
   */
  readonly latencyP99?: StageAlarmOptions;

  /**
   * The p99 integration latency (time spent in the backend), in milliseconds.
   *
   * @default - above 2,500 ms
   */
  readonly integrationLatencyP99?: StageAlarmOptions;

  /**
   * The share of cacheable requests served from the cache, in percent: an alarm when it falls
   * below the threshold. Only for REST stages with a cache.
   *
   * @default - below 20 %
   */
  readonly cacheHitRate?: StageAlarmOptions;
}
