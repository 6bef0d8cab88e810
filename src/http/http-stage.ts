import { Aws, Stack, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

import { IHttpGatewayStage } from './http-gateway-stage';
import { HttpStageOptions } from './http-stage-options';
import { grantExecuteApi } from '../auth/execute-api-grant';
import { checkPattern } from '../model/checks';
import { AccessLogFormats } from '../observability/access-log-formats';
import { ApiProtocol, StageMetrics } from '../observability/stage-metrics';
import { DomainFront } from '../stage/domain-front';
import { STAGE_NAME } from '../stage/stage';
import { V2StageRoute } from '../stage/v2-route-settings';
import { v2StageResource } from '../stage/v2-stage';

export const DEFAULT_HTTP_STAGE_NAME = '$default';
const HTTP_STAGE_NAME = new RegExp(`^(\\$default|${STAGE_NAME.source.slice(1, -1)})$`);

/** What a stage needs from its API. */
export interface HttpApiStageProps {
  readonly prop: string;
  readonly options: HttpStageOptions;
  readonly apiId: string;
  /** What the stage's alarms notify unless the stage says otherwise. */
  readonly alarmActions: () => cloudwatch.IAlarmAction[];
  readonly routes: () => readonly V2StageRoute[];
  readonly arnForExecuteApi: (method: string, path: string, stage: string) => string;
  readonly accessLogKey?: () => kms.IKey;
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
    this.stageName = o.stageName ?? DEFAULT_HTTP_STAGE_NAME;
    this.arnForExecuteApi = props.arnForExecuteApi;
    this.domainFront = props.domainFront;
    ({ stage: this.stage, accessLogGroup: this.accessLogGroup, metrics: this.metrics, alarms: this.alarms } = v2StageResource(this, {
      ...props,
      protocol: ApiProtocol.HTTP,
      stageName: this.stageName,
      defaultAccessLogFormat: AccessLogFormats.httpJson(),
    }));
  }

  /** Records that a custom domain serves the stage at `url`. @internal */
  public _mapToDomain(url: string): void {
    this.domainFront.map(this.stageName, url);
  }

  /** Where clients reach the stage: its custom domain's URL when a domain serves it and execute-api is off. */
  public get url(): string {
    const path = this.stageName === DEFAULT_HTTP_STAGE_NAME ? '' : `${this.stageName}/`;
    return this.domainFront.stageUrl(this.stageName, `https://${this.stage.apiId}.execute-api.${Aws.REGION}.${Stack.of(this).urlSuffix}/${path}`);
  }

  public grantInvoke(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'Invoke', this.arnForExecuteApi(method, path, this.stageName));
  }
}

/** Validates a stage name of an HTTP API. */
export function checkHttpStageName(scope: IConstruct, prop: string, name: string): void {
  checkPattern(scope, prop, name, HTTP_STAGE_NAME, '$default, or letters, digits, hyphens and underscores, 1 to 128 characters');
}
