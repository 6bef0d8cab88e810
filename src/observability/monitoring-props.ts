import { aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';

/** How an API is watched: where its stages' alarms go, and its dashboard. */
export interface ApiMonitoringProps {
  /**
   * What every stage's alarms notify when they go into and out of alarm, e.g.
   * `new SnsAction(topic)`. A stage's `alarms.actions` replaces them for that stage.
   *
   * @default - none: the alarms change state and show on the dashboard
   */
  readonly alarmActions?: cloudwatch.IAlarmAction[];

  /**
   * Whether the API gets a CloudWatch dashboard: per stage, traffic, error rates, latencies,
   * the cache and the alarms, and per route where detailed metrics are on.
   *
   * @default true
   */
  readonly dashboard?: boolean;
}
