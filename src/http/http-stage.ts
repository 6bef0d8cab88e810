import { Aws, RemovalPolicy, Stack, aws_apigatewayv2 as apigwv2, aws_iam as iam, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { defaultHttpAccessLogFormat } from './http-access-log-format';
import { IHttpGatewayStage } from './http-gateway-stage';
import { HttpStageOptions } from './http-stage-options';
import { grantExecuteApi } from '../auth/execute-api-grant';
import { propError } from '../errors';
import { checkPattern } from '../model/checks';
import { DEFAULT_BURST_LIMIT, DEFAULT_RATE_LIMIT, STAGE_NAME } from '../stage/stage';
import { V2StageRoute, throttledRouteSettings } from '../stage/v2-route-settings';
import { checkThrottle } from '../usage/throttle';

export const DEFAULT_HTTP_STAGE_NAME = '$default';
const HTTP_STAGE_NAME = new RegExp(`^(\\$default|${STAGE_NAME.source.slice(1, -1)})$`);

/** What a stage needs from its API. */
export interface HttpApiStageProps {
  readonly prop: string;
  readonly options: HttpStageOptions;
  readonly apiId: string;
  readonly routes: () => readonly V2StageRoute[];
  readonly arnForExecuteApi: (method: string, path: string, stage: string) => string;
  readonly accessLogKey?: () => kms.IKey;
  /** Called when a custom domain serves the stage. */
  readonly onDomainMapped: () => void;
}

/**
 * An auto-deployed HTTP API stage with the library's defaults: JSON access logs, detailed
 * metrics and throttling for every route, with per-route limits where routes set them.
 */
export class HttpApiStage extends Construct implements IHttpGatewayStage {
  public readonly stage: apigwv2.CfnStage;
  public readonly stageName: string;
  public readonly accessLogGroup?: logs.ILogGroup;
  private readonly arnForExecuteApi: HttpApiStageProps['arnForExecuteApi'];
  private readonly onDomainMapped: () => void;

  constructor(scope: Construct, id: string, props: HttpApiStageProps) {
    super(scope, id);
    const o = props.options;
    this.stageName = o.stageName ?? DEFAULT_HTTP_STAGE_NAME;
    this.arnForExecuteApi = props.arnForExecuteApi;
    this.onDomainMapped = props.onDomainMapped;
    checkThrottle(this, props.prop, { rateLimit: o.throttlingRateLimit, burstLimit: o.throttlingBurstLimit });
    for (const name of Object.keys(o.variables ?? {})) {
      checkPattern(this, `${props.prop}.variables`, name, /^[a-zA-Z0-9_]+$/, 'variable names of letters, digits and underscores');
    }
    if (o.accessLogging === false && o.accessLogGroup) {
      throw propError(this, `${props.prop}.accessLogGroup`, o.accessLogGroup.node.path, 'no log group when accessLogging is false');
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
    };
    this.stage = new apigwv2.CfnStage(this, 'Resource', {
      apiId: props.apiId,
      stageName: this.stageName,
      description: o.description,
      autoDeploy: true,
      stageVariables: o.variables,
      accessLogSettings: this.accessLogGroup && {
        destinationArn: this.accessLogGroup.logGroupArn,
        format: (o.accessLogFormat ?? defaultHttpAccessLogFormat()).toString(),
      },
      defaultRouteSettings: defaults,
    });
    this.stage.routeSettings = throttledRouteSettings(this, this.stage, props.routes, defaults);
  }

  /** Records that a custom domain serves the stage. @internal */
  public _mapToDomain(): void {
    this.onDomainMapped();
  }

  public get url(): string {
    const path = this.stageName === DEFAULT_HTTP_STAGE_NAME ? '' : `${this.stageName}/`;
    return `https://${this.stage.apiId}.execute-api.${Aws.REGION}.${Stack.of(this).urlSuffix}/${path}`;
  }

  public grantInvoke(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'Invoke', this.arnForExecuteApi(method, path, this.stageName));
  }
}

/** Validates a stage name of an HTTP API. */
export function checkHttpStageName(scope: IConstruct, prop: string, name: string): void {
  checkPattern(scope, prop, name, HTTP_STAGE_NAME, '$default, or letters, digits, hyphens and underscores, 1 to 128 characters');
}
