import { aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { StageMetrics } from '../observability/stage-metrics';

/** A stage of a GatewayWebSocketApi: its resource, its URLs and who may use them. */
export interface IWebSocketGatewayStage extends IConstruct {
  /** The stage resource. */
  readonly stage: apigwv2.CfnStage;
  /** The stage name. */
  readonly stageName: string;
  /** The URL clients connect to, e.g. `wss://abc123.execute-api.eu-west-1.amazonaws.com/prod`. */
  readonly url: string;
  /**
   * The URL of the stage's `@connections` management API, where a backend posts to a
   * connection (`POST {callbackUrl}/@connections/{connectionId}`), reads or closes it.
   */
  readonly callbackUrl: string;
  /** The log group of the stage's access logs, unless access logging is off. */
  readonly accessLogGroup?: logs.ILogGroup;
  /** The stage's CloudWatch metrics, and its routes'. */
  readonly metrics: StageMetrics;
  /** The stage's alarms (see `alarms` in the stage options). */
  readonly alarms: cloudwatch.Alarm[];

  /** Allows a principal to connect to this stage when `$connect` is IAM-authorized. */
  grantConnect(grantee: iam.IGrantable): iam.Grant;

  /** Allows a principal to post to, read and close this stage's connections through the `@connections` API. */
  grantManageConnections(grantee: iam.IGrantable): iam.Grant;
}
