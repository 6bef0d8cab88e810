import { Annotations, RemovalPolicy, aws_apigateway as apigw, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { defaultAccessLogFormat } from './access-log-format';
import { StageOptions } from './stage-options';
import { propError } from '../errors';
import { checkIntegerInRange, checkNumberInRange, checkPattern } from '../model/checks';

export const DEFAULT_STAGE_NAME = 'prod';
export const DEFAULT_RATE_LIMIT = 1000;
export const DEFAULT_BURST_LIMIT = 2000;
/** The smallest cache API Gateway offers, in GB, and how long it keeps a response. */
const PRESET_CACHE_SIZE = '0.5';
const PRESET_CACHE_TTL_SECONDS = 300;

const STAGE_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
const VARIABLE_NAME = /^[a-zA-Z0-9_]+$/;
const VARIABLE_VALUE = /^[a-zA-Z0-9\-._~:/?#&=,]*$/;

/** What the stage builder needs from the API. */
export interface StageInputs {
  readonly restApiId: string;
  readonly deploymentId: string;
  readonly options: StageOptions;
  /** Cache every method's responses, encrypted (compliance presets). */
  readonly encryptedCache?: boolean;
  /** The client certificate the stage presents to HTTP backends. */
  readonly clientCertificateId?: string;
  /** The KMS key that encrypts the access log group the stage creates (compliance presets). */
  readonly accessLogKey?: kms.IKey;
}

/** The stage and the log group it writes access logs to. */
export interface BuiltStage {
  readonly stage: apigw.CfnStage;
  readonly accessLogGroup?: logs.ILogGroup;
}

/**
 * Creates the stage with the library's observability defaults: JSON access logs, execution
 * logs at ERROR, detailed metrics, X-Ray and throttling on every method.
 */
export function buildStage(scope: Construct, inputs: StageInputs): BuiltStage {
  const o = inputs.options;
  const stageName = o.stageName ?? DEFAULT_STAGE_NAME;
  checkPattern(scope, 'stage.stageName', stageName, STAGE_NAME, 'letters, digits, hyphens and underscores, 1 to 128 characters');
  for (const [name, value] of Object.entries(o.variables ?? {})) {
    checkPattern(scope, 'stage.variables key', name, VARIABLE_NAME, 'letters, digits and underscores');
    checkPattern(scope, `stage.variables['${name}']`, value, VARIABLE_VALUE, 'letters, digits and -._~:/?#&=,');
  }
  checkNumberInRange(scope, 'stage.throttlingRateLimit', o.throttlingRateLimit, 0, Number.MAX_SAFE_INTEGER);
  checkIntegerInRange(scope, 'stage.throttlingBurstLimit', o.throttlingBurstLimit, 0, Number.MAX_SAFE_INTEGER);
  if (o.accessLogGroup && o.accessLogging === false) {
    throw propError(scope, 'stage.accessLogGroup', o.accessLogGroup.node.path, 'no log group when accessLogging is false');
  }

  const accessLogGroup = o.accessLogging === false ? undefined : o.accessLogGroup ?? new logs.LogGroup(scope, 'AccessLogs', {
    retention: o.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
    encryptionKey: inputs.accessLogKey,
  });
  const loggingLevel = o.loggingLevel ?? apigw.MethodLoggingLevel.ERROR;
  const stage = new apigw.CfnStage(scope, 'Stage', {
    restApiId: inputs.restApiId,
    deploymentId: inputs.deploymentId,
    stageName,
    description: o.description,
    variables: o.variables,
    tracingEnabled: o.tracingEnabled ?? true,
    clientCertificateId: inputs.clientCertificateId,
    cacheClusterEnabled: inputs.encryptedCache || undefined,
    cacheClusterSize: inputs.encryptedCache ? PRESET_CACHE_SIZE : undefined,
    accessLogSetting: accessLogGroup && {
      destinationArn: accessLogGroup.logGroupArn,
      format: (o.accessLogFormat ?? defaultAccessLogFormat()).toString(),
    },
    methodSettings: [{
      httpMethod: '*',
      resourcePath: '/*',
      loggingLevel,
      dataTraceEnabled: o.dataTraceEnabled ?? false,
      metricsEnabled: o.metricsEnabled ?? true,
      throttlingRateLimit: o.throttlingRateLimit ?? DEFAULT_RATE_LIMIT,
      throttlingBurstLimit: o.throttlingBurstLimit ?? DEFAULT_BURST_LIMIT,
      ...(inputs.encryptedCache ? { cachingEnabled: true, cacheDataEncrypted: true, cacheTtlInSeconds: PRESET_CACHE_TTL_SECONDS } : {}),
    }],
  });
  warnAboutSwitchedOffDefaults(scope, o, loggingLevel);
  return { stage, accessLogGroup };
}

/** A default switched off is allowed, and named with the rules that will flag it. */
function warnAboutSwitchedOffDefaults(scope: Construct, o: StageOptions, loggingLevel: apigw.MethodLoggingLevel): void {
  const warn = (id: string, message: string) => Annotations.of(scope).addWarningV2(`cdk-gateway-api:${id}`, message);
  if (o.accessLogging === false) {
    warn('accessLoggingOff', 'stage.accessLogging is false: AwsSolutions-APIG1 and CKV_AWS_76 will flag the stage (no access logs).');
  }
  if (loggingLevel === apigw.MethodLoggingLevel.OFF) {
    warn('executionLoggingOff', 'stage.loggingLevel is OFF: AwsSolutions-APIG6 and CT.APIGATEWAY.PR.1 will flag the stage (no execution logs).');
  }
  if (o.tracingEnabled === false) {
    warn('tracingOff', 'stage.tracingEnabled is false: CT.APIGATEWAY.PR.2 and CKV_AWS_73 will flag the stage (no X-Ray tracing).');
  }
  if (o.dataTraceEnabled === true) {
    warn('dataTraceOn', 'stage.dataTraceEnabled is true: full requests and responses, secrets and personal data included, go to the execution log.');
  }
}
