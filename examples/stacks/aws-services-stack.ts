// Capability: direct AWS service integrations (SQS, DynamoDB, SNS, Step Functions, EventBridge, S3, Kinesis, and any
// other action through awsServiceAction) and a mock,
// each with a role that may only make its one call, and an integration of your own.
import {
  Duration, Stack, StackProps, aws_dynamodb as dynamodb, aws_events as events, aws_kinesis as kinesis, aws_s3 as s3, aws_sns as sns,
  aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MaintenanceIntegration } from './maintenance-integration';
import { jsonString } from './vtl';
import { GatewayApi, Integration } from '../../src';

export class AwsServicesStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const queue = new sqs.Queue(this, 'OrdersQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    const table = new dynamodb.Table(this, 'OrdersTable', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    table.addGlobalSecondaryIndex({
      indexName: 'byCustomer',
      partitionKey: { name: 'customer', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'createdAt', type: dynamodb.AttributeType.STRING },
    });

    const topic = new sns.Topic(this, 'OrderEvents', { enforceSSL: true });

    const bus = new events.EventBus(this, 'OrdersBus');

    const documents = new s3.Bucket(this, 'Documents', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
    });

    const clicks = new kinesis.Stream(this, 'Clicks', { streamMode: kinesis.StreamMode.ON_DEMAND, encryption: kinesis.StreamEncryption.MANAGED });

    const fulfilment = new sfn.StateMachine(this, 'Fulfilment', {
      definitionBody: sfn.DefinitionBody.fromChainable(
        new sfn.Wait(this, 'WaitForWarehouse', { time: sfn.WaitTime.duration(Duration.seconds(30)) })
          .next(new sfn.Succeed(this, 'Shipped'))),
      tracingEnabled: true,
    });

    const quote = new sfn.StateMachine(this, 'Quote', {
      stateMachineType: sfn.StateMachineType.EXPRESS,
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(this, 'PriceOrder', {
        parameters: { 'order.$': '$', 'total': 42 },
      })),
      tracingEnabled: true,
    });

    new GatewayApi(this, 'OrdersApi', {
      description: 'Orders: API Gateway calls AWS services directly, no function in between',
      // Documents may be PDFs or images: passed as bytes, not as text (JSON bodies stay text).
      binaryMediaTypes: ['application/pdf', 'image/*'],
      routes: {
        // SQS SendMessage: the body becomes the message.
        'POST /orders/queue': { integration: Integration.sqsSendMessage(queue) },
        // DynamoDB PutItem / GetItem / Query on a GSI.
        'POST /orders': {
          integration: Integration.dynamoDbPutItem(table, {
            item: '{"id": {"S": "$context.requestId"}, '
              + `"customer": {"S": "${jsonString("$input.path('$.customer')")}"}, `
              + '"createdAt": {"S": "$context.requestTimeEpoch"}}',
          }),
        },
        'GET /orders/{orderId}': {
          integration: Integration.dynamoDbGetItem(table, {
            key: `{"id": {"S": "${jsonString("$input.params('orderId')")}"}}`,
          }),
        },
        'GET /customers/{customerId}/orders': {
          integration: Integration.dynamoDbQuery(table, {
            indexName: 'byCustomer',
            keyConditionExpression: 'customer = :customer',
            expressionAttributeValues: `{":customer": {"S": "${jsonString("$input.params('customerId')")}"}}`,
          }),
        },
        // SNS Publish: the body becomes the message.
        'POST /events': { integration: Integration.snsPublish(topic) },
        // SQS GetQueueAttributes, which no factory covers: any action, through a role allowed that action on that queue only.
        'GET /orders/queue/depth': {
          integration: Integration.awsServiceAction({
            service: 'sqs',
            action: 'GetQueueAttributes',
            resources: [queue.queueArn],
            requestTemplate: `Action=GetQueueAttributes&QueueUrl=$util.urlEncode('${queue.queueUrl}')&AttributeName.1=ApproximateNumberOfMessages`,
          }),
        },
        // S3: the route's {key} names the object; each role may read, write or list that bucket's objects only.
        'PUT /documents/{key}': { integration: Integration.s3PutObject(documents) },
        'GET /documents/{key}': { integration: Integration.s3GetObject(documents) },
        // S3 ListObjectsV2: the bucket's keys, as S3's XML.
        'GET /documents': { integration: Integration.s3ListObjects(documents) },
        // Kinesis PutRecord: the body becomes one record, keyed by the device.
        'POST /clicks/{deviceId}': {
          integration: Integration.kinesisPutRecord(clicks, { partitionKey: "$util.escapeJavaScript($input.params('deviceId'))" }),
        },
        // Kinesis PutRecords: a batch of records in one call.
        'POST /clicks': { integration: Integration.kinesisPutRecords(clicks) },
        // EventBridge PutEvents: the body becomes the event's detail.
        'POST /orders/events': {
          integration: Integration.eventBridgePutEvents(bus, { source: 'com.example.orders', detailType: 'OrderPlaced' }),
        },
        // Step Functions: start a standard workflow, or run an express one and answer its output.
        'POST /fulfilments': { integration: Integration.stepFunctionsStartExecution(fulfilment) },
        'POST /quotes': {
          integration: Integration.stepFunctionsStartSyncExecution(quote, {
            integrationResponses: [
              // StartSyncExecution answers 200 even when the execution failed: look at its status.
              {
                statusCode: '200',
                responseTemplates: {
                  'application/json': [
                    "#if($input.path('$.status') == 'SUCCEEDED')",
                    "$input.path('$.output')",
                    '#else',
                    '#set($context.responseOverride.status = 500)',
                    '{"message": "The quote could not be computed", "requestId": "$context.requestId"}',
                    '#end',
                  ].join('\n'),
                },
              },
              { statusCode: '400', selectionPattern: '4\\d{2}' },
              { statusCode: '500', selectionPattern: '5\\d{2}' },
            ],
          }),
        },
        // Mock: API Gateway answers by itself.
        'GET /health': {
          integration: Integration.mock({
            integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"status": "ok"}' } }],
          }),
        },
        // An integration of your own (maintenance-integration.ts): this route is out of service.
        'GET /returns': { integration: new MaintenanceIntegration(3600) },
      },
    });
  }
}
