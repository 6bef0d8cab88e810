import { aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { stackAlarmTopic } from './alarm-topic';
import { ApiDashboard, DashboardStage } from './api-dashboard';
import { ApiMonitoringProps } from './monitoring-props';

/**
 * How one API is watched: what its stages' alarms notify (the API's actions, or the stack's
 * alarm topic, made when the first alarm needs it) and its dashboard.
 */
export class ApiMonitoring {
  public readonly dashboard?: ApiDashboard;
  private topic?: sns.ITopic;

  constructor(private readonly api: Construct, private readonly props: ApiMonitoringProps) {
    if (props.dashboard ?? true) this.dashboard = new ApiDashboard(api, 'Dashboard', api.node.path);
  }

  /** The actions of alarms that name none of their own. */
  public alarmActions(): cloudwatch.IAlarmAction[] {
    if (this.props.alarmActions) return this.props.alarmActions;
    this.topic ??= stackAlarmTopic(this.api);
    return [new actions.SnsAction(this.topic)];
  }

  /** The stack's alarm topic, once an alarm of the API notifies it. */
  public get alarmTopic(): sns.ITopic | undefined {
    return this.topic;
  }

  public addStage(stage: DashboardStage): void {
    this.dashboard?.addStage(stage);
  }
}
