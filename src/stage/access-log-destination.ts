import { RemovalPolicy, Token, aws_kinesisfirehose as firehose, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { propError } from '../errors';

/** API Gateway writes access logs only to delivery streams named so. */
const FIREHOSE_PREFIX = 'amazon-apigateway-';

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
  const logGroup = o.accessLogGroup ?? new logs.LogGroup(scope, 'AccessLogs', {
    retention: o.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
    encryptionKey: key?.(),
  });
  return { destinationArn: logGroup.logGroupArn, logGroup };
}
