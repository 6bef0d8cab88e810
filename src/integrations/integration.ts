import {
  Aws, Token, aws_apigateway as apigw, aws_dynamodb as dynamodb, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam,
  aws_lambda as lambda,
  aws_events as events, aws_kinesis as kinesis, aws_s3 as s3, aws_sns as sns, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import {
  backendMethod, checkEventFields, checkServiceAction, checkUrl, listenerPort, withPathParameters,
} from './factory-checks';
import { IIntegrationContext, IntegrationConfig, IntegrationType } from './integration-config';
import { AWS_SERVICE_RESPONSES, PASS_THROUGH_RESPONSES, checkIntegrationResponses } from './integration-responses';
import {
  AwsServiceActionIntegrationOptions, AwsServiceIntegrationOptions, DynamoDbGetItemOptions, DynamoDbPutItemOptions, DynamoDbQueryOptions,
  EventBridgeIntegrationOptions, KinesisIntegrationOptions, LoadBalancerIntegrationOptions, S3ListIntegrationOptions, S3ObjectIntegrationOptions,
  UrlWithTemplatesIntegrationOptions, UrlIntegrationOptions, IntegrationOptions, IntegrationResponse, LambdaWithTemplatesIntegrationOptions,
  LambdaIntegrationOptions, MappingIntegrationOptions, MockIntegrationOptions, ProxyIntegrationOptions,
} from './options';
import { checkRequestParameters } from './request-parameters';
import { allow, allowKey, allowPublish, allowSendMessage } from './service-grants';
import {
  AMZ_JSON, BODY_AS_STRING, BODY_OR_EMPTY_OBJECT, FORM_ENCODED, PUT_RECORDS_ENTRIES, S3_GET_RESPONSES, S3_LIST_RESPONSES, SYNC_EXECUTION_RESPONSES,
  serviceActionUri, startExecutionTemplate,
} from './service-templates';
import { timeoutMillis } from './timeout';
import { propError } from '../core/errors';
import { shortHash, stableText } from '../core/hash';
import { lambdaInvocationUri, lambdaStreamingInvocationUri } from '../core/lambda-uri';

type Binder = (context: IIntegrationContext) => IntegrationConfig;

const JSON_TYPE = 'application/json';
/**
 * The backend of a route. Create one with a static factory and give it to a route:
 *
 * ```ts
 * new GatewayApi(this, 'Api', { routes: { 'GET /pets': { integration: Integration.lambda(fn) } } });
 * ```
 *
 * One integration may serve several routes; AWS service integrations then share one role. An
 * integration of your own extends this class and implements `bind`.
 */
export abstract class Integration {
  /**
   * Lambda proxy integration: the function receives the whole request and shapes the response.
   * With `responseTransferMode: STREAM`, API Gateway invokes it with response streaming.
   */
  public static lambda(handler: lambda.IFunction, options: LambdaIntegrationOptions = {}): Integration {
    return new FactoryIntegration(context => {
      context.allowInvoke(handler);
      const streamed = options.responseTransferMode === apigw.ResponseTransferMode.STREAM;
      return {
        ...proxy(options, context),
        type: IntegrationType.AWS_PROXY,
        method: 'POST',
        uri: streamed ? lambdaStreamingInvocationUri(handler) : lambdaInvocationUri(handler),
      };
    });
  }

  /** Lambda integration with request and response mapping templates (VTL). */
  public static lambdaWithTemplates(handler: lambda.IFunction, options: LambdaWithTemplatesIntegrationOptions = {}): Integration {
    return new FactoryIntegration(context => {
      context.allowInvoke(handler);
      return {
        ...mapping(options, context, PASS_THROUGH_RESPONSES),
        type: IntegrationType.AWS,
        method: 'POST',
        uri: lambdaInvocationUri(handler),
      };
    });
  }

  /** HTTP proxy integration: the request goes to `url` as it came, the response comes back as it is. */
  public static url(url: string, options: UrlIntegrationOptions = {}): Integration {
    return new FactoryIntegration(context => ({
      ...proxy(options, context),
      type: IntegrationType.HTTP_PROXY,
      uri: checkUrl(context, url),
      method: backendMethod(context, options.method),
      requestParameters: withPathParameters(url, context, options.requestParameters),
    }));
  }

  /**
   * Private HTTP proxy integration to an Application Load Balancer, through a VPC link (v2):
   * the API's own link into the load balancer's VPC, which the load balancer admits on the
   * URL's port, unless you give one.
   */
  public static applicationLoadBalancer(loadBalancer: elbv2.IApplicationLoadBalancer, options: LoadBalancerIntegrationOptions = {}): Integration {
    return Integration.privateLoadBalancer(loadBalancer, loadBalancer.vpc, options);
  }

  /**
   * Private HTTP proxy integration to a Network Load Balancer, through a VPC link (v2): the
   * API's own link into the load balancer's VPC (admitted on the URL's port when the load
   * balancer has security groups), unless you give one.
   */
  public static networkLoadBalancer(loadBalancer: elbv2.INetworkLoadBalancer, options: LoadBalancerIntegrationOptions = {}): Integration {
    return Integration.privateLoadBalancer(loadBalancer, loadBalancer.vpc, options);
  }

  /** HTTP integration with request and response mapping templates (VTL). */
  public static urlWithTemplates(url: string, options: UrlWithTemplatesIntegrationOptions = {}): Integration {
    return new FactoryIntegration(context => ({
      ...mapping(options, context, PASS_THROUGH_RESPONSES),
      type: IntegrationType.HTTP,
      uri: checkUrl(context, url),
      method: backendMethod(context, options.method),
      requestParameters: withPathParameters(url, context, options.requestParameters),
    }));
  }

  /** Sends the request body to an SQS queue as a message (SendMessage), with a role that may only do that. */
  public static sqsSendMessage(queue: sqs.IQueue, options: AwsServiceIntegrationOptions = {}): Integration {
    return Integration.serviceCall(options, {
      target: queue,
      roleId: 'SqsSendMessage',
      grant: allowSendMessage(queue),
      uri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:sqs:path/${queue.env.account}/${queue.queueName}`,
      requestParameters: FORM_ENCODED,
      template: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)',
    });
  }

  /** Publishes the request body to an SNS topic (Publish), with a role that may only do that. */
  public static snsPublish(topic: sns.ITopic, options: AwsServiceIntegrationOptions = {}): Integration {
    return Integration.serviceCall(options, {
      target: topic,
      roleId: 'SnsPublish',
      grant: allowPublish(topic),
      uri: serviceActionUri('sns', 'Publish'),
      requestParameters: FORM_ENCODED,
      template: `Action=Publish&TopicArn=$util.urlEncode('${topic.topicArn}')&Message=$util.urlEncode($input.body)`,
    });
  }

  /** Starts a Step Functions execution with the request body as input (StartExecution). */
  public static stepFunctionsStartExecution(stateMachine: sfn.IStateMachine, options: AwsServiceIntegrationOptions = {}): Integration {
    return Integration.serviceCall(options, {
      target: stateMachine,
      roleId: 'StatesStartExecution',
      grant: role => stateMachine.grantStartExecution(role),
      uri: serviceActionUri('states', 'StartExecution'),
      template: startExecutionTemplate(stateMachine),
    });
  }

  /** Runs an Express state machine synchronously and answers with its result (StartSyncExecution). */
  public static stepFunctionsStartSyncExecution(stateMachine: sfn.IStateMachine, options: AwsServiceIntegrationOptions = {}): Integration {
    return Integration.serviceCall(options, {
      target: stateMachine,
      roleId: 'StatesStartSyncExecution',
      grant: role => stateMachine.grantStartSyncExecution(role),
      uri: serviceActionUri('states', 'StartSyncExecution'),
      template: startExecutionTemplate(stateMachine),
      responses: SYNC_EXECUTION_RESPONSES,
      check: context => {
        if (stateMachine instanceof sfn.StateMachine && stateMachine.stateMachineType !== sfn.StateMachineType.EXPRESS) {
          throw propError(context.scope, `${context.prop} stateMachine`, stateMachine.node.path,
            'an EXPRESS state machine: StartSyncExecution runs only Express workflows');
        }
      },
    });
  }

  /**
   * Puts the request body on an event bus as the `detail` of one event (PutEvents), with the
   * `source` and `detail-type` given. API Gateway answers EventBridge's result, whose
   * `FailedEntryCount` says whether the event was accepted.
   */
  public static eventBridgePutEvents(bus: events.IEventBus, options: EventBridgeIntegrationOptions): Integration {
    return Integration.serviceCall(options, {
      target: bus,
      roleId: 'EventsPutEvents',
      grant: role => bus.grantPutEventsTo(role),
      uri: serviceActionUri('events', 'PutEvents'),
      requestParameters: AMZ_JSON('AWSEvents.PutEvents'),
      template: `${BODY_OR_EMPTY_OBJECT}{"Entries": [{"EventBusName": "${bus.eventBusName}", "Source": ${JSON.stringify(options.source)}, `
        + `"DetailType": ${JSON.stringify(options.detailType)}, "Detail": "${BODY_AS_STRING}"}]}`,
      check: context => checkEventFields(context, options),
    });
  }

  /**
   * Answers an S3 object (GetObject) whose key is a path parameter of the route, with its
   * `Content-Type`; a key the role cannot read or that does not exist answers 404. Payloads are
   * limited to API Gateway's 10 MB; binary objects need the API's `binaryMediaTypes`.
   */
  public static s3GetObject(bucket: s3.IBucket, options: S3ObjectIntegrationOptions = {}): Integration {
    return Integration.s3Object(bucket, 'GET', options, S3_GET_RESPONSES, role => {
      allow(role, ['s3:GetObject'], [bucket.arnForObjects(`${options.keyPrefix ?? ''}*`)]);
      allowKey(role, bucket.encryptionKey, ['kms:Decrypt']);
    });
  }

  /**
   * Stores the request body as an S3 object (PutObject) whose key is a path parameter of the
   * route. Bodies are limited to API Gateway's 10 MB; binary bodies need the API's `binaryMediaTypes`.
   */
  public static s3PutObject(bucket: s3.IBucket, options: S3ObjectIntegrationOptions = {}): Integration {
    return Integration.s3Object(bucket, 'PUT', options, AWS_SERVICE_RESPONSES, role => {
      allow(role, ['s3:PutObject'], [bucket.arnForObjects(`${options.keyPrefix ?? ''}*`)]);
      allowKey(role, bucket.encryptionKey, ['kms:Encrypt', 'kms:GenerateDataKey']);
    });
  }

  /**
   * Lists the bucket's objects (ListObjectsV2), under `keyPrefix` when given, and answers S3's
   * XML as it is, 1,000 keys a page; the role may list those keys only.
   */
  public static s3ListObjects(bucket: s3.IBucket, options: S3ListIntegrationOptions = {}): Integration {
    return new FactoryIntegration(context => {
      if (options.keyPrefix !== undefined && !Token.isUnresolved(options.keyPrefix) && options.keyPrefix.includes("'")) {
        throw propError(context.scope, `${context.prop}.keyPrefix`, options.keyPrefix, 'a key prefix without single quotes (it is sent as a quoted literal)');
      }
      const role = serviceRole(context.scope, {
        target: bucket,
        roleId: 'S3ListObjects',
        grant: r => r.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: options.keyPrefix ? { StringLike: { 's3:prefix': [`${options.keyPrefix}*`] } } : undefined,
        })),
      });
      const config = mapping(options, context, S3_LIST_RESPONSES);
      const listing: { [name: string]: string } = { 'integration.request.querystring.list-type': "'2'" };
      if (options.keyPrefix) listing['integration.request.querystring.prefix'] = `'${options.keyPrefix}'`;
      return {
        ...config,
        type: IntegrationType.AWS,
        method: 'GET',
        uri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:s3:path/${bucket.bucketName}`,
        credentials: role.roleArn,
        requestParameters: { ...listing, ...config.requestParameters },
      };
    });
  }

  /**
   * Writes the request body to a Kinesis data stream as one record (PutRecord), base64-encoded as
   * Kinesis requires, under the partition key a VTL fragment gives (the request id by default).
   */
  public static kinesisPutRecord(stream: kinesis.IStream, options: KinesisIntegrationOptions = {}): Integration {
    const partitionKey = options.partitionKey ?? '$context.requestId';
    return Integration.kinesis(stream, 'PutRecord', options, `"Data": "$util.base64Encode($input.body)", "PartitionKey": "${partitionKey}"`);
  }

  /**
   * Writes several records to a Kinesis data stream in one call (PutRecords): the request body is
   * `{"records": [{"data": "...", "partitionKey": "..."}]}`, each `data` base64-encoded as
   * Kinesis requires. Kinesis answers which records failed (`FailedRecordCount`).
   */
  public static kinesisPutRecords(stream: kinesis.IStream, options: AwsServiceIntegrationOptions = {}): Integration {
    return Integration.kinesis(stream, 'PutRecords', options, `"Records": [${PUT_RECORDS_ENTRIES}]`);
  }

  /**
   * Calls any AWS service action API Gateway can call, with a request template of yours, through
   * a role allowed that one action on the resources named and nothing else: for the services the
   * other factories do not cover.
   */
  public static awsServiceAction(options: AwsServiceActionIntegrationOptions): Integration {
    const iamAction = options.iamAction ?? `${options.service}:${options.action}`;
    return Integration.serviceCall(options, {
      // One role per API, action and set of resources, shared by the routes that call it.
      target: [iamAction, ...options.resources],
      roleId: `${options.service}${options.action}`,
      grant: role => allow(role, [iamAction], options.resources),
      uri: serviceActionUri(options.service, options.action),
      requestParameters: options.jsonTargetPrefix ? AMZ_JSON(`${options.jsonTargetPrefix}.${options.action}`) : FORM_ENCODED,
      template: options.requestTemplate,
      check: context => checkServiceAction(context, options),
    });
  }

  /** Writes an item built by a VTL fragment to a DynamoDB table (PutItem). */
  public static dynamoDbPutItem(table: dynamodb.ITable, options: DynamoDbPutItemOptions): Integration {
    return Integration.dynamoDb(table, 'PutItem', table.tableArn, options,
      `{"TableName": "${table.tableName}", "Item": ${options.item}}`);
  }

  /** Reads the item whose key a VTL fragment builds from a DynamoDB table (GetItem). */
  public static dynamoDbGetItem(table: dynamodb.ITable, options: DynamoDbGetItemOptions): Integration {
    return Integration.dynamoDb(table, 'GetItem', table.tableArn, options,
      `{"TableName": "${table.tableName}", "Key": ${options.key}}`);
  }

  /** Queries a DynamoDB table or one of its indexes (Query). */
  public static dynamoDbQuery(table: dynamodb.ITable, options: DynamoDbQueryOptions): Integration {
    const index = options.indexName ? `, "IndexName": "${options.indexName}"` : '';
    const resource = options.indexName ? `${table.tableArn}/index/${options.indexName}` : table.tableArn;
    return Integration.dynamoDb(table, 'Query', resource, options,
      `{"TableName": "${table.tableName}"${index}, "KeyConditionExpression": ${JSON.stringify(options.keyConditionExpression)}, `
      + `"ExpressionAttributeValues": ${options.expressionAttributeValues}}`);
  }

  /** Answers from API Gateway itself, with no backend: for stubs, health checks and fixed responses. */
  public static mock(options: MockIntegrationOptions = {}): Integration {
    return new FactoryIntegration(context => {
      const config = mapping(options, context, PASS_THROUGH_RESPONSES);
      return {
        ...config,
        type: IntegrationType.MOCK,
        requestTemplates: config.requestTemplates ?? { [JSON_TYPE]: '{"statusCode": 200}' },
      };
    });
  }

  private static privateLoadBalancer(
    loadBalancer: elbv2.ILoadBalancerV2 & ec2.IConnectable, lbVpc: ec2.IVpc | undefined, options: LoadBalancerIntegrationOptions,
  ): Integration {
    return new FactoryIntegration(context => {
      if (options.vpcLink && options.vpc) throw propError(context.scope, `${context.prop}.vpc`, options.vpc.node.path, 'no vpc when a vpcLink is given');
      const vpc = options.vpc ?? lbVpc;
      if (!options.vpcLink && !vpc) {
        throw propError(context.scope, `${context.prop}.vpcLink`, undefined, `a vpcLink or the vpc of ${loadBalancer.node.path} (its VPC is not known here)`);
      }
      // A greedy {proxy+} of the route is {proxy} in the URL.
      const url = options.url ?? `http://${loadBalancer.loadBalancerDnsName}${context.path.replace(/\{([^}+]+)\+\}/g, '{$1}')}`;
      const port = listenerPort(context, url);
      return {
        ...proxy(options, context),
        type: IntegrationType.HTTP_PROXY,
        uri: url,
        method: backendMethod(context, options.method),
        requestParameters: withPathParameters(url, context, options.requestParameters),
        vpcLink: options.vpcLink ?? context.vpcLinkInto(vpc!, loadBalancer, port),
        integrationTarget: loadBalancer.loadBalancerRef.loadBalancerArn,
      };
    });
  }

  private static s3Object(
    bucket: s3.IBucket, method: 'GET' | 'PUT', options: S3ObjectIntegrationOptions, responses: IntegrationResponse[], grant: (role: iam.IRole) => void,
  ): Integration {
    return new FactoryIntegration(context => {
      const keyParameter = options.keyParameter ?? context.pathParameters[context.pathParameters.length - 1];
      if (!keyParameter || !context.pathParameters.includes(keyParameter)) {
        throw propError(context.scope, `${context.prop}.keyParameter`, keyParameter,
          `a path parameter of the route, which holds the object key (${context.pathParameters.join(', ') || 'the route has none'})`);
      }
      const role = serviceRole(context.scope, { target: bucket, roleId: method === 'GET' ? 'S3GetObject' : 'S3PutObject', grant });
      const config = mapping(options, context, responses);
      return {
        ...config,
        type: IntegrationType.AWS,
        method,
        uri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:s3:path/${bucket.bucketName}/${options.keyPrefix ?? ''}{key}`,
        credentials: role.roleArn,
        // The body goes to S3 as it came: no template.
        passthroughBehavior: options.passthroughBehavior ?? apigw.PassthroughBehavior.WHEN_NO_TEMPLATES,
        requestParameters: { 'integration.request.path.key': `method.request.path.${keyParameter}`, ...config.requestParameters },
      };
    });
  }

  private static serviceCall(options: AwsServiceIntegrationOptions, call: AwsServiceCall): Integration {
    return new FactoryIntegration(context => {
      call.check?.(context);
      const role = serviceRole(context.scope, call);
      const config = mapping(options, context, call.responses ?? AWS_SERVICE_RESPONSES);
      return {
        ...config,
        type: IntegrationType.AWS,
        method: 'POST',
        uri: call.uri,
        credentials: role.roleArn,
        passthroughBehavior: options.passthroughBehavior ?? apigw.PassthroughBehavior.NEVER,
        requestParameters: { ...call.requestParameters, ...config.requestParameters },
        requestTemplates: { [JSON_TYPE]: call.template, ...options.requestTemplates },
      };
    });
  }

  /** A Kinesis action on the stream, with a role allowed that action and the stream key's data keys. */
  private static kinesis(stream: kinesis.IStream, action: 'PutRecord' | 'PutRecords', options: AwsServiceIntegrationOptions, fields: string): Integration {
    return Integration.serviceCall(options, {
      target: stream,
      roleId: `Kinesis${action}`,
      grant: role => {
        allow(role, [`kinesis:${action}`], [stream.streamArn]);
        allowKey(role, stream.encryptionKey, ['kms:GenerateDataKey']);
      },
      uri: serviceActionUri('kinesis', action),
      requestParameters: AMZ_JSON(`Kinesis_20131202.${action}`),
      template: `{"StreamName": "${stream.streamName}", ${fields}}`,
    });
  }

  private static dynamoDb(
    table: dynamodb.ITable, action: string, resource: string, options: AwsServiceIntegrationOptions, template: string,
  ): Integration {
    return Integration.serviceCall(options, {
      target: table,
      roleId: `DynamoDb${action}`,
      grant: role => {
        allow(role, [`dynamodb:${action}`], [resource]);
        allowKey(role, table.encryptionKey, action === 'PutItem' ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt']);
      },
      uri: serviceActionUri('dynamodb', action),
      template,
    });
  }

  /**
   * Binds the integration to one route of an API, once per route that uses it: returns what
   * the route's `x-amazon-apigateway-integration` says, and may make the resources it needs
   * (in `context.scope`) and allow API Gateway to invoke functions (`context.allowInvoke`).
   */
  public abstract bind(context: IIntegrationContext): IntegrationConfig;
}

/** An integration made by one of `Integration`'s factories. */
class FactoryIntegration extends Integration {
  constructor(private readonly binder: Binder) {
    super();
  }

  public bind(context: IIntegrationContext): IntegrationConfig {
    return this.binder(context);
  }
}

/** What an AWS service integration needs besides the user's options. */
interface AwsServiceCall {
  /** What the action touches: a construct, or the ARNs of a call of the user's. */
  readonly target: IConstruct | string[];
  readonly roleId: string;
  readonly grant: (role: iam.IRole) => void;
  readonly uri: string;
  readonly template: string;
  readonly requestParameters?: { [name: string]: string };
  /** Default integration responses, when the user gives none. */
  readonly responses?: IntegrationResponse[];
  /** Validation that needs the route's context. */
  readonly check?: (context: IIntegrationContext) => void;
}

/** One role per API, service action and target, shared by every route that uses it. */
function serviceRole(scope: Construct, call: Pick<AwsServiceCall, 'target' | 'roleId' | 'grant'>): iam.IRole {
  const target = Array.isArray(call.target) ? stableText(scope, call.target.join(' ')) : call.target.node.path;
  const id = `${call.roleId}Role${shortHash(target)}`;
  const existing = scope.node.tryFindChild(id) as iam.Role | undefined;
  if (existing) return existing;
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    description: `Lets API Gateway call ${call.roleId} on ${Array.isArray(call.target) ? 'its resources' : call.target.node.path}`,
  });
  call.grant(role);
  return role;
}

function common(options: IntegrationOptions, context: IIntegrationContext, streamed = false) {
  return {
    timeoutInMillis: timeoutMillis(options, context, streamed),
    requestParameters: checkRequestParameters(context, options.requestParameters),
    contentHandling: options.contentHandling,
  };
}

/** A proxy's settings: the common ones, and whether the response is streamed, which allows longer timeouts. */
function proxy(options: ProxyIntegrationOptions, context: IIntegrationContext) {
  return {
    ...common(options, context, options.responseTransferMode === apigw.ResponseTransferMode.STREAM),
    responseTransferMode: options.responseTransferMode,
  };
}

function mapping(options: MappingIntegrationOptions, context: IIntegrationContext, defaultResponses: typeof PASS_THROUGH_RESPONSES) {
  return {
    ...common(options, context),
    requestTemplates: options.requestTemplates,
    passthroughBehavior: options.passthroughBehavior ?? apigw.PassthroughBehavior.WHEN_NO_TEMPLATES,
    responses: checkIntegrationResponses(context, options.integrationResponses ?? defaultResponses),
  };
}

