import { Annotations, Aws, Stack, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

import { IWebSocketGatewayStage } from './websocket-gateway-stage';
import { WebSocketStageOptions } from './websocket-stage-options';
import { grantExecuteApi } from '../auth/execute-api-grant';
import { checkOneOf } from '../core/checks';
import { AccessLogFormats } from '../observability/access-log-formats';
import { ApiProtocol, StageMetrics } from '../observability/stage-metrics';
import { DEFAULT_STAGE_NAME } from '../stage/stage-name';
import { V2StageProps, v2StageResource } from '../v2/v2-stage';

/** What a stage needs from its API. */
export interface WebSocketApiStageProps extends V2StageProps {
  readonly options: WebSocketStageOptions;
  /** The execute-api ARN of a stage-relative resource, e.g. `prod/$connect`. */
  readonly executeApiArn: (resource: string) => string;
  /** The account's CloudWatch role, which execution logging needs first. */
  readonly cloudWatchRoleSetting?: apigw.CfnAccount;
}

/**
 * An auto-deployed WebSocket API stage with the library's defaults: JSON access logs, execution
 * logs at ERROR without message bodies, detailed metrics and throttling for every route.
 */
export class WebSocketApiStage extends Construct implements IWebSocketGatewayStage {
  public readonly stage: apigwv2.CfnStage;
  public readonly stageName: string;
  public readonly accessLogGroup?: logs.ILogGroup;
  public readonly metrics: StageMetrics;
  public readonly alarms: cloudwatch.Alarm[];
  private readonly executeApiArn: WebSocketApiStageProps['executeApiArn'];

  constructor(scope: Construct, id: string, props: WebSocketApiStageProps) {
    super(scope, id);
    const o = props.options;
    this.stageName = o.stageName ?? DEFAULT_STAGE_NAME;
    this.executeApiArn = props.executeApiArn;
    checkOneOf(this, `${props.prop}.loggingLevel`, o.loggingLevel, Object.values(apigw.MethodLoggingLevel));
    const loggingLevel = o.loggingLevel ?? apigw.MethodLoggingLevel.ERROR;
    if (loggingLevel !== apigw.MethodLoggingLevel.OFF && !props.cloudWatchRoleSetting) {
      Annotations.of(this).addWarningV2('cdk-gateway-api:executionLogsNeedAccountRole',
        `${props.prop}.loggingLevel is ${loggingLevel} and cloudWatchRole is false: the account's API Gateway CloudWatch role must be set elsewhere, or deployment fails.`);
    }
    if (o.dataTraceEnabled === true) {
      Annotations.of(this).addWarningV2('cdk-gateway-api:dataTraceOn',
        `${props.prop}.dataTraceEnabled is true: whole messages, secrets and personal data included, go to the execution log.`);
    }

    ({ stage: this.stage, accessLogGroup: this.accessLogGroup, metrics: this.metrics, alarms: this.alarms } = v2StageResource(this, {
      ...props,
      protocol: ApiProtocol.WEBSOCKET,
      stageName: this.stageName,
      defaultAccessLogFormat: AccessLogFormats.webSocketJson(),
      logging: { loggingLevel, dataTraceEnabled: o.dataTraceEnabled ?? false },
    }));
    if (props.cloudWatchRoleSetting) this.stage.node.addDependency(props.cloudWatchRoleSetting);
  }

  public get url(): string {
    return `wss://${this.stage.apiId}.execute-api.${Aws.REGION}.${Stack.of(this).urlSuffix}/${this.stageName}`;
  }

  public get callbackUrl(): string {
    return `https://${this.stage.apiId}.execute-api.${Aws.REGION}.${Stack.of(this).urlSuffix}/${this.stageName}`;
  }

  public grantConnect(grantee: iam.IGrantable): iam.Grant {
    return grantExecuteApi(grantee, 'Invoke', this.executeApiArn(`${this.stageName}/$connect`));
  }

  public grantManageConnections(grantee: iam.IGrantable): iam.Grant {
    return grantExecuteApi(grantee, 'ManageConnections', this.executeApiArn(`${this.stageName}/*/@connections/*`));
  }
}
