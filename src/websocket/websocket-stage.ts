import {
  Annotations, Aws, RemovalPolicy, Stack, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_iam as iam, aws_kms as kms, aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { defaultWebSocketAccessLogFormat } from './websocket-access-log-format';
import { IWebSocketGatewayStage } from './websocket-gateway-stage';
import { WebSocketStageOptions } from './websocket-stage-options';
import { grantExecuteApi } from '../auth/execute-api-grant';
import { propError } from '../errors';
import { checkPattern } from '../model/checks';
import { DEFAULT_BURST_LIMIT, DEFAULT_RATE_LIMIT, DEFAULT_STAGE_NAME, STAGE_NAME } from '../stage/stage';
import { V2StageRoute, throttledRouteSettings } from '../stage/v2-route-settings';
import { checkThrottle } from '../usage/throttle';

/** What a stage needs from its API. */
export interface WebSocketApiStageProps {
  readonly prop: string;
  readonly options: WebSocketStageOptions;
  readonly apiId: string;
  readonly routes: () => readonly V2StageRoute[];
  /** The execute-api ARN of a stage-relative resource, e.g. `prod/$connect`. */
  readonly executeApiArn: (resource: string) => string;
  readonly accessLogKey?: () => kms.IKey;
  /** The account's CloudWatch role, which execution logging needs first. */
  readonly cloudWatchAccount?: apigw.CfnAccount;
}

/**
 * An auto-deployed WebSocket API stage with the library's defaults: JSON access logs, execution
 * logs at ERROR without message bodies, detailed metrics and throttling for every route.
 */
export class WebSocketApiStage extends Construct implements IWebSocketGatewayStage {
  public readonly stage: apigwv2.CfnStage;
  public readonly stageName: string;
  public readonly accessLogGroup?: logs.ILogGroup;
  private readonly executeApiArn: WebSocketApiStageProps['executeApiArn'];

  constructor(scope: Construct, id: string, props: WebSocketApiStageProps) {
    super(scope, id);
    const o = props.options;
    this.stageName = o.stageName ?? DEFAULT_STAGE_NAME;
    this.executeApiArn = props.executeApiArn;
    checkPattern(this, `${props.prop}.stageName`, this.stageName, STAGE_NAME, 'letters, digits, hyphens and underscores, 1 to 128 characters');
    checkThrottle(this, props.prop, { rateLimit: o.throttlingRateLimit, burstLimit: o.throttlingBurstLimit });
    for (const name of Object.keys(o.variables ?? {})) {
      checkPattern(this, `${props.prop}.variables`, name, /^[a-zA-Z0-9_]+$/, 'variable names of letters, digits and underscores');
    }
    if (o.accessLogging === false && o.accessLogGroup) {
      throw propError(this, `${props.prop}.accessLogGroup`, o.accessLogGroup.node.path, 'no log group when accessLogging is false');
    }
    const loggingLevel = o.loggingLevel ?? apigw.MethodLoggingLevel.ERROR;
    if (loggingLevel !== apigw.MethodLoggingLevel.OFF && !props.cloudWatchAccount) {
      Annotations.of(this).addWarningV2('cdk-gateway-api:executionLogsNeedAccountRole',
        `${props.prop}.loggingLevel is ${loggingLevel} and cloudWatchRole is false: the account's API Gateway CloudWatch role must be set elsewhere, or deployment fails.`);
    }

    this.accessLogGroup = o.accessLogging === false ? undefined : o.accessLogGroup ?? new logs.LogGroup(this, 'AccessLogs', {
      retention: o.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
      encryptionKey: props.accessLogKey?.(),
    });
    const defaults = {
      throttlingRateLimit: o.throttlingRateLimit ?? DEFAULT_RATE_LIMIT,
      throttlingBurstLimit: o.throttlingBurstLimit ?? DEFAULT_BURST_LIMIT,
      detailedMetricsEnabled: o.detailedMetrics ?? true,
      loggingLevel,
      dataTraceEnabled: o.dataTraceEnabled ?? false,
    };
    this.stage = new apigwv2.CfnStage(this, 'Resource', {
      apiId: props.apiId,
      stageName: this.stageName,
      description: o.description,
      autoDeploy: true,
      stageVariables: o.variables,
      accessLogSettings: this.accessLogGroup && {
        destinationArn: this.accessLogGroup.logGroupArn,
        format: (o.accessLogFormat ?? defaultWebSocketAccessLogFormat()).toString(),
      },
      defaultRouteSettings: defaults,
    });
    this.stage.routeSettings = throttledRouteSettings(this, this.stage, props.routes, defaults);
    if (props.cloudWatchAccount) this.stage.node.addDependency(props.cloudWatchAccount);
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
