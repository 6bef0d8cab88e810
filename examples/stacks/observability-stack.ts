// Capability: observability and OpenAPI in. An API built from an OpenAPI document (operations
// bound to backends by operationId), alarms per stage notifying an SNS topic, thresholds tuned
// per stage, the dashboard, and access logs with fields of the API's own (production) or
// delivered through Amazon Data Firehose to S3 (test), encrypted with a key of the app's
// (every other API of the tour encrypts with a key of its own). Every API of the
// tour also writes its client-facing OpenAPI document to cdk.out (`<stack>.<api>.openapi.json`).
import * as path from 'path';
import {
  Duration, Stack, StackProps, Validations,
  aws_cloudwatch_actions as actions, aws_kinesisfirehose as firehose, aws_kms as kms, aws_s3 as s3, aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inlineFunction } from './inline-function';
import { AccessLogFormats, ApiEncryption, GatewayApi, Integration, OpenApiDocument } from '../../src';

export class ObservabilityStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const ordersFn = inlineFunction(this, 'OrdersFunction', [
      'exports.handler = async (event) => ({',
      '  statusCode: event.httpMethod === "POST" ? 201 : 200,',
      "  headers: { 'Content-Type': 'application/json' },",
      '  body: JSON.stringify({ operation: event.requestContext.operationName ?? event.resource }),',
      '});',
    ]);
    const orders = Integration.lambda(ordersFn);

    // Where on-call hears about it: an encrypted topic that only accepts TLS.
    const onCall = new sns.Topic(this, 'OnCall', {
      displayName: 'Orders API on-call',
      masterKey: new kms.Key(this, 'OnCallKey', { enableKeyRotation: true, description: 'Encrypts the orders on-call topic' }),
      enforceSSL: true,
    });

    // The test stage's access logs go to S3 through Firehose; API Gateway needs the amazon-apigateway- prefix.
    const accessLogArchive = new s3.Bucket(this, 'AccessLogArchive', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
    });
    const accessLogStream = new firehose.DeliveryStream(this, 'AccessLogStream', {
      deliveryStreamName: 'amazon-apigateway-orders-test',
      destination: new firehose.S3Bucket(accessLogArchive, { dataOutputPrefix: 'orders-test/' }),
      encryption: firehose.StreamEncryption.awsOwnedKey(),
    });
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W7001',
      reason: 'aws-cdk-lib\'s DeliveryStream adds its Firehose CIDR mapping to every stack that has one, used or not.',
    });

    // The team's own key for what its APIs keep; GatewayApi lets CloudWatch Logs use it.
    const logsKey = new kms.Key(this, 'OrdersLogsKey', { enableKeyRotation: true, description: 'Encrypts the orders team\'s logs' });

    new GatewayApi(this, 'OrdersApi', {
      encryption: ApiEncryption.key(logsKey),
      openApi: OpenApiDocument.fromFile(path.join(__dirname, '..', 'openapi', 'orders.yaml')),
      operations: {
        listOrders: { integration: orders, cache: { ttl: Duration.seconds(30), keyParameters: ['method.request.querystring.status'] } },
        placeOrder: { integration: orders, throttle: { rateLimit: 50, burstLimit: 100 } },
        getOrder: { integration: orders, cache: { keyParameters: ['method.request.path.orderId'] } },
      },
      alarmActions: [new actions.SnsAction(onCall)],
      stages: [
        {
          // Production: a cache, every alarm, a tighter 5XX threshold, access logs naming the caller's account.
          cache: {},
          accessLogFormat: AccessLogFormats.restJson({ account: '$context.identity.accountId' }),
          alarms: {
            serverErrorRate: { threshold: 0.5 },
            latencyP99: { threshold: 1500, evaluationPeriods: 10, datapointsToAlarm: 5 },
            cacheHitRate: { threshold: 30, period: Duration.minutes(5) },
          },
        },
        {
          // A test stage: only the 5XX alarm, nobody paged for it, access logs archived through Firehose.
          stageName: 'test',
          accessLogDeliveryStream: accessLogStream,
          alarms: { actions: [], clientErrorRate: { enabled: false }, latencyP99: { enabled: false }, integrationLatencyP99: { enabled: false } },
        },
      ],
    });
  }
}
