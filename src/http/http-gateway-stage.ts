import { aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { StageMetrics } from '../observability/stage-metrics';

/** A stage of a GatewayHttpApi: its resource, its URL and who may call it. */
export interface IHttpGatewayStage extends IConstruct {
  /** The stage resource. */
  readonly stage: apigwv2.CfnStage;
  /** The stage name. */
  readonly stageName: string;
  /**
   * The stage's URL, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/` for `$default`;
   * when a custom domain serves the stage and the execute-api endpoint is off, the domain's
   * (`https://api.example.com/items/`).
   */
  readonly url: string;
  /** The log group of the stage's access logs, unless access logging is off. */
  readonly accessLogGroup?: logs.ILogGroup;
  /** The stage's CloudWatch metrics, and its routes'. */
  readonly metrics: StageMetrics;
  /** The stage's alarms (see `alarms` in the stage options). */
  readonly alarms: cloudwatch.Alarm[];

  /**
   * Allows a principal to call this stage's IAM-authorized routes (all of them by default).
   *
   * @param grantee who may call
   * @param method the HTTP method, or `*`
   * @param path the path, e.g. `/items/*`, or `/*`
   */
  grantInvoke(grantee: iam.IGrantable, method?: string, path?: string): iam.Grant;

  /**
   * Records that a custom domain serves the stage at `url`: the stage's `url` becomes it, and the
   * API's execute-api endpoint turns off once every stage is served by a domain.
   * `GatewayDomain.addHttpMapping` calls it.
   */
  serveFromDomain(url: string): void;
}
