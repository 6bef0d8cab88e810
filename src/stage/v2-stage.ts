import { RemovalPolicy, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DEFAULT_BURST_LIMIT, DEFAULT_RATE_LIMIT } from './stage';
import { V2StageRoute, throttledRouteSettings } from './v2-route-settings';
import { V2StageCommonOptions } from './v2-stage-options';
import { propError } from '../errors';
import { checkPattern } from '../model/checks';
import { checkThrottle } from '../usage/throttle';

/** What an HTTP or WebSocket stage construct passes to build its resource. */
export interface V2StageResourceProps {
  readonly prop: string;
  readonly stageName: string;
  readonly options: V2StageCommonOptions;
  readonly apiId: string;
  readonly routes: () => readonly V2StageRoute[];
  readonly accessLogKey?: () => kms.IKey;
  readonly defaultAccessLogFormat: apigw.AccessLogFormat;
  /** WebSocket stages' execution logging. */
  readonly logging?: { readonly loggingLevel: string; readonly dataTraceEnabled: boolean };
}

/**
 * The auto-deployed stage resource of an HTTP or WebSocket API, with its access log group (a
 * year, retained) and default and per-route settings, after checking the options.
 */
export function v2StageResource(scope: Construct, props: V2StageResourceProps): { stage: apigwv2.CfnStage; accessLogGroup?: logs.ILogGroup } {
  const o = props.options;
  checkThrottle(scope, props.prop, { rateLimit: o.throttlingRateLimit, burstLimit: o.throttlingBurstLimit });
  for (const name of Object.keys(o.variables ?? {})) {
    checkPattern(scope, `${props.prop}.variables`, name, /^[a-zA-Z0-9_]+$/, 'variable names of letters, digits and underscores');
  }
  if (o.accessLogging === false && o.accessLogGroup) {
    throw propError(scope, `${props.prop}.accessLogGroup`, o.accessLogGroup.node.path, 'no log group when accessLogging is false');
  }
  const accessLogGroup = o.accessLogging === false ? undefined : o.accessLogGroup ?? new logs.LogGroup(scope, 'AccessLogs', {
    retention: o.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
    encryptionKey: props.accessLogKey?.(),
  });
  const defaults = {
    throttlingRateLimit: o.throttlingRateLimit ?? DEFAULT_RATE_LIMIT,
    throttlingBurstLimit: o.throttlingBurstLimit ?? DEFAULT_BURST_LIMIT,
    detailedMetricsEnabled: o.detailedMetrics ?? true,
    ...props.logging,
  };
  const stage = new apigwv2.CfnStage(scope, 'Resource', {
    apiId: props.apiId,
    stageName: props.stageName,
    description: o.description,
    autoDeploy: true,
    stageVariables: o.variables,
    accessLogSettings: accessLogGroup && {
      destinationArn: accessLogGroup.logGroupArn,
      format: (o.accessLogFormat ?? props.defaultAccessLogFormat).toString(),
    },
    defaultRouteSettings: defaults,
  });
  stage.routeSettings = throttledRouteSettings(scope, stage, props.routes, defaults);
  return { stage, accessLogGroup };
}
