import { Aws, Stack, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

import { IHttpGatewayStage } from './http-gateway-stage';
import { HttpStageOptions } from './http-stage-options';
import { grantExecuteApi } from '../auth/execute-api-grant';
import { AccessLogFormats } from '../observability/access-log-formats';
import { ApiProtocol, StageMetrics } from '../observability/stage-metrics';
import { DomainFront } from '../stage/domain-front';
import { HTTP_DEFAULT_STAGE_NAME } from '../stage/stage-name';
import { V2StageProps, v2StageResource } from '../v2/v2-stage';

/** What a stage needs from its API. */
export interface HttpApiStageProps extends V2StageProps {
  readonly options: HttpStageOptions;
  readonly arnForExecuteApi: (method: string, path: string, stage: string) => string;
  /** The custom domains in front of the API, which decide the stage's URL. */
  readonly domainFront: DomainFront;
}

/**
 * An auto-deployed HTTP API stage with the library's defaults: JSON access logs, detailed
 * metrics and throttling for every route, with per-route limits where routes set them.
 */
export class HttpApiStage extends Construct implements IHttpGatewayStage {
  public readonly stage: apigwv2.CfnStage;
  public readonly stageName: string;
  public readonly accessLogGroup?: logs.ILogGroup;
  public readonly metrics: StageMetrics;
  public readonly alarms: cloudwatch.Alarm[];
  private readonly arnForExecuteApi: HttpApiStageProps['arnForExecuteApi'];
  private readonly domainFront: DomainFront;

  constructor(scope: Construct, id: string, props: HttpApiStageProps) {
    super(scope, id);
    const o = props.options;
    this.stageName = o.stageName ?? HTTP_DEFAULT_STAGE_NAME;
    this.arnForExecuteApi = props.arnForExecuteApi;
    this.domainFront = props.domainFront;
    ({ stage: this.stage, accessLogGroup: this.accessLogGroup, metrics: this.metrics, alarms: this.alarms } = v2StageResource(this, {
      ...props,
      protocol: ApiProtocol.HTTP,
      stageName: this.stageName,
      defaultAccessLogFormat: AccessLogFormats.httpJson(),
    }));
  }

  public serveFromDomain(url: string): void {
    this.domainFront.map(this.stageName, url);
  }

  /** Where clients reach the stage: its custom domain's URL when a domain serves it and execute-api is off. */
  public get url(): string {
    const path = this.stageName === HTTP_DEFAULT_STAGE_NAME ? '' : `${this.stageName}/`;
    return this.domainFront.stageUrl(this.stageName, `https://${this.stage.apiId}.execute-api.${Aws.REGION}.${Stack.of(this).urlSuffix}/${path}`);
  }

  public grantInvoke(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'Invoke', this.arnForExecuteApi(method, path, this.stageName));
  }
}
