import {
  aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_kms as kms, aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { V2StageRoute, throttledRouteSettings } from './v2-route-settings';
import { createStageAlarms } from '../observability/stage-alarms';
import { ApiProtocol, StageMetrics } from '../observability/stage-metrics';
import { V2_MAX_ACCESS_LOG_FORMAT_BYTES, accessLogDestination, checkAccessLogFormat } from '../stage/access-log-destination';
import { CommonStageOptions } from '../stage/common-stage-options';
import { checkStageVariables } from '../stage/stage-variables';
import { DEFAULT_BURST_LIMIT, DEFAULT_RATE_LIMIT, checkThrottleLimits } from '../throttle/throttle';

/** What an HTTP or WebSocket stage needs from its API. */
export interface V2StageProps {
  /** How errors name the stage, e.g. `stages[1]`. */
  readonly prop: string;
  readonly apiId: string;
  /** What the stage's alarms notify unless the stage says otherwise. */
  readonly alarmActions: () => cloudwatch.IAlarmAction[];
  /** The API's routes, complete once synthesis starts. */
  readonly routes: () => readonly V2StageRoute[];
  /** The key of the access log group the stage creates. */
  readonly accessLogKey?: () => kms.IKey;
}

/** What an HTTP or WebSocket stage construct passes to build its resource. */
export interface V2StageResourceProps extends V2StageProps {
  readonly stageName: string;
  readonly options: CommonStageOptions;
  readonly protocol: ApiProtocol;
  readonly defaultAccessLogFormat: apigw.AccessLogFormat;
  /** WebSocket stages' execution logging. */
  readonly logging?: { readonly loggingLevel: string; readonly dataTraceEnabled: boolean };
}

/** The resources of an HTTP or WebSocket stage. */
export interface V2StageResources {
  readonly stage: apigwv2.CfnStage;
  readonly accessLogGroup?: logs.ILogGroup;
  readonly metrics: StageMetrics;
  readonly alarms: cloudwatch.Alarm[];
}

/**
 * The auto-deployed stage resource of an HTTP or WebSocket API, with its access log group (a
 * year, retained), default and per-route settings, metrics and alarms, after checking the options.
 */
export function v2StageResource(scope: Construct, props: V2StageResourceProps): V2StageResources {
  const o = props.options;
  checkThrottleLimits(scope, `${props.prop}.throttlingRateLimit`, o.throttlingRateLimit, `${props.prop}.throttlingBurstLimit`, o.throttlingBurstLimit);
  checkStageVariables(scope, `${props.prop}.variables`, o.variables);
  const { logGroup: accessLogGroup } = accessLogDestination(scope, props.prop, o, props.accessLogKey);
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
      format: checkAccessLogFormat(scope, `${props.prop}.accessLogFormat`, (o.accessLogFormat ?? props.defaultAccessLogFormat).toString(),
        V2_MAX_ACCESS_LOG_FORMAT_BYTES),
    },
    defaultRouteSettings: defaults,
  });
  stage.routeSettings = throttledRouteSettings(scope, stage, props.routes, defaults);
  const metrics = new StageMetrics({ protocol: props.protocol, api: props.apiId, stageName: props.stageName });
  const alarms = createStageAlarms(scope, {
    prop: `${props.prop}.alarms`, stageName: props.stageName, metrics, options: o.alarms, apiActions: props.alarmActions, cached: false,
  });
  return { stage, accessLogGroup, metrics, alarms };
}
