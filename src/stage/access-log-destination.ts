import { RemovalPolicy, Token, aws_kinesisfirehose as firehose, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { propError } from '../core/errors';

/** API Gateway writes access logs only to delivery streams named so. */
const FIREHOSE_PREFIX = 'amazon-apigateway-';
/** The largest access log format HTTP and WebSocket stages take (API Gateway's quota). */
export const V2_MAX_ACCESS_LOG_FORMAT_BYTES = 3 * 1024;
/** CloudWatch Logs' retention periods, in days. */
const RETENTION_DAYS = new Set(Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number'));

/** Where a stage's access logs go, as the stage options say. */
export interface AccessLogDestinationOptions {
  readonly accessLogging?: boolean;
  readonly accessLogGroup?: logs.ILogGroup;
  readonly accessLogRetention?: logs.RetentionDays;
  /** REST stages only. */
  readonly accessLogDeliveryStream?: firehose.IDeliveryStream;
}

/** The access log destination of a stage: none, a Firehose stream, the given log group, or a log group of its own. */
export interface AccessLogDestination {
  readonly destinationArn?: string;
  readonly logGroup?: logs.ILogGroup;
}

/**
 * Resolves where the stage's access logs go, creating its own log group (a year, retained,
 * encrypted under compliance presets) when the options name no other destination.
 */
export function accessLogDestination(scope: Construct, prop: string, o: AccessLogDestinationOptions, key?: () => kms.IKey): AccessLogDestination {
  const stream = o.accessLogDeliveryStream;
  if (o.accessLogging === false) {
    if (o.accessLogGroup) throw propError(scope, `${prop}.accessLogGroup`, o.accessLogGroup.node.path, 'no log group when accessLogging is false');
    if (stream) throw propError(scope, `${prop}.accessLogDeliveryStream`, stream.node.path, 'no delivery stream when accessLogging is false');
    return {};
  }
  if (stream) {
    if (o.accessLogGroup) {
      throw propError(scope, `${prop}.accessLogDeliveryStream`, stream.node.path, 'either a delivery stream or accessLogGroup, not both (API Gateway writes to one destination)');
    }
    // A stream of this app knows its name only in its resource: the construct's attribute is a Ref.
    const name = (stream.node.defaultChild as firehose.CfnDeliveryStream | undefined)?.deliveryStreamName ?? stream.deliveryStreamName;
    if (name !== undefined && !Token.isUnresolved(name) && !name.startsWith(FIREHOSE_PREFIX)) {
      throw propError(scope, `${prop}.accessLogDeliveryStream`, name, `a delivery stream whose name starts with "${FIREHOSE_PREFIX}" (API Gateway refuses others)`);
    }
    return { destinationArn: stream.deliveryStreamArn };
  }
  const retention = o.accessLogRetention;
  if (retention !== undefined && !Token.isUnresolved(retention) && !RETENTION_DAYS.has(retention)) {
    throw propError(scope, `${prop}.accessLogRetention`, retention, `one of CloudWatch Logs' retention periods in days: ${[...RETENTION_DAYS].join(', ')} (RetentionDays)`);
  }
  const logGroup = o.accessLogGroup ?? new logs.LogGroup(scope, 'AccessLogs', {
    retention: o.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
    encryptionKey: key?.(),
  });
  return { destinationArn: logGroup.logGroupArn, logGroup };
}

/**
 * An access log format API Gateway accepts: it names the request (`$context.requestId` or
 * `$context.extendedRequestId`, which API Gateway requires), and, for HTTP and WebSocket
 * stages, fits in `maxBytes`.
 */
export function checkAccessLogFormat(scope: Construct, prop: string, format: string, maxBytes?: number): string {
  if (Token.isUnresolved(format)) return format;
  if (!/\$context\.(requestId|extendedRequestId)\b/.test(format)) {
    throw propError(scope, prop, format, 'a format with $context.requestId or $context.extendedRequestId (API Gateway refuses others); AccessLogFormats has them');
  }
  const bytes = Buffer.byteLength(format);
  if (maxBytes !== undefined && bytes > maxBytes) {
    throw propError(scope, prop, `a format of ${bytes} bytes`, `at most ${maxBytes} bytes (API Gateway's quota for HTTP and WebSocket stages)`);
  }
  return format;
}
