import { Duration, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2 } from 'aws-cdk-lib';

/**
 * Options every integration accepts.
 */
export interface IntegrationOptions {
  /**
   * How long API Gateway waits for the backend before answering 504.
   *
   * From 50 ms to 29 seconds. A longer timeout needs the account's "Maximum integration
   * timeout in milliseconds" quota raised and `timeoutQuotaRaised: true`; a streamed response
   * (`responseTransferMode: STREAM`) may last up to 15 minutes without it.
   *
   * @default - Duration.millis(29000); Duration.minutes(15) for a streamed response
   */
  readonly timeout?: Duration;

  /**
   * Confirms that the account's API Gateway quota "Maximum integration timeout in
   * milliseconds" has been raised above 29,000 ms, which allows a `timeout` above 29 seconds
   * on REGIONAL and PRIVATE APIs (not EDGE).
   *
   * @default false
   */
  readonly timeoutQuotaRaised?: boolean;

  /**
   * Request parameters passed to the backend, from `integration.request.{path|querystring|header}.NAME`
   * to a source: `method.request.{path|querystring|header}.NAME`, a static value in single
   * quotes (`"'v1'"`), `context.VAR` or `stageVariables.VAR`. Method request parameters named
   * here are declared on the route (optional, unless the route requires them).
   *
   * @default - none (HTTP integrations map path parameters named in the URL automatically)
   */
  readonly requestParameters?: { [integrationParameter: string]: string };

  /**
   * How a binary or text request payload is converted before it reaches the backend.
   *
   * @default - passed through unconverted
   */
  readonly contentHandling?: apigw.ContentHandling;
}

/**
 * Options of integrations that transform requests and responses with mapping templates (VTL).
 */
export interface MappingIntegrationOptions extends IntegrationOptions {
  /**
   * Request mapping templates (VTL) by content type, e.g. `{ 'application/json': '{"id": "$input.params(\'id\')"}' }`.
   *
   * @default - the integration's own template where it has one (AWS service integrations); otherwise none
   */
  readonly requestTemplates?: { [contentType: string]: string };

  /**
   * What API Gateway does with a request whose content type has no mapping template.
   *
   * @default PassthroughBehavior.WHEN_NO_TEMPLATES (NEVER for AWS service integrations, whose templates build the service call)
   */
  readonly passthroughBehavior?: apigw.PassthroughBehavior;

  /**
   * How backend responses map to method responses. The route's method responses are derived
   * from these (status codes and the `method.response.header.*` they set).
   *
   * @default - one default response: 200 for everything (AWS service integrations also map 4XX to 400 and 5XX to 500)
   */
  readonly integrationResponses?: IntegrationResponse[];
}

/**
 * How one kind of backend response becomes a method response.
 */
export interface IntegrationResponse {
  /**
   * The method response status code, e.g. `'200'`.
   */
  readonly statusCode: string;

  /**
   * A regular expression that selects this response: matched against the Lambda error
   * message for Lambda integrations and against the backend status code for others.
   *
   * @default - the default response (selected when no other pattern matches)
   */
  readonly selectionPattern?: string;

  /**
   * Response mapping templates (VTL) by content type.
   *
   * @default - the backend body is passed through
   */
  readonly responseTemplates?: { [contentType: string]: string };

  /**
   * Response headers, from `method.response.header.NAME` to a source
   * (`integration.response.header.NAME`, `integration.response.body.JSONPATH` or a quoted static value).
   *
   * @default - none
   */
  readonly responseParameters?: { [methodResponseParameter: string]: string };

  /**
   * How a binary or text response payload is converted.
   *
   * @default - passed through unconverted
   */
  readonly contentHandling?: apigw.ContentHandling;
}

/**
 * Options of proxy integrations, whose backend shapes the response.
 */
export interface ProxyIntegrationOptions extends IntegrationOptions {
  /**
   * Whether API Gateway streams the backend's response to the caller as it comes (`STREAM`)
   * or waits for all of it (`BUFFERED`). A streamed response may last up to 15 minutes and
   * exceed 10 MB; streams idle for 5 minutes (30 seconds on EDGE APIs) are closed. The route
   * is never cached and its response is not compressed. A Lambda function streams through
   * `InvokeWithResponseStream` and must write API Gateway's streaming format.
   *
   * @default apigw.ResponseTransferMode.BUFFERED
   */
  readonly responseTransferMode?: apigw.ResponseTransferMode;
}

/**
 * Options of `Integration.lambda`: a Lambda proxy integration.
 */
export interface LambdaIntegrationOptions extends ProxyIntegrationOptions {}

/**
 * Options of `Integration.lambdaWithTemplates`: a Lambda integration with mapping templates (AWS calls it a custom integration).
 */
export interface LambdaWithTemplatesIntegrationOptions extends MappingIntegrationOptions {}

/**
 * Options of `Integration.url`: an HTTP proxy integration.
 */
export interface UrlIntegrationOptions extends ProxyIntegrationOptions {
  /**
   * The method used to call the backend.
   *
   * @default - the route's method (ANY forwards the caller's method)
   */
  readonly method?: string;
}

/**
 * Options of `Integration.applicationLoadBalancer` and `Integration.networkLoadBalancer`: a
 * private HTTP proxy integration through a VPC link (v2).
 */
export interface LoadBalancerIntegrationOptions extends UrlIntegrationOptions {
  /**
   * The URL requests are sent as: its scheme and port pick the listener (80 for http, 443 for
   * https unless a port is given), its host is the Host header and, over HTTPS, the name the
   * listener's certificate must carry, and `{name}` placeholders are filled from the route's
   * path parameters of that name.
   *
   * @default - `http://` the load balancer's DNS name, then the route's path
   */
  readonly url?: string;

  /**
   * The VPC link to go through.
   *
   * @default - the API's own link into the load balancer's VPC, opened to the load balancer on the URL's port
   */
  readonly vpcLink?: apigwv2.IVpcLink;

  /**
   * The load balancer's VPC, for a load balancer imported without one.
   *
   * @default - the load balancer's
   */
  readonly vpc?: ec2.IVpc;
}

/**
 * Options of `Integration.urlWithTemplates`: an HTTP integration with mapping templates.
 */
export interface UrlWithTemplatesIntegrationOptions extends MappingIntegrationOptions {
  /**
   * The method used to call the backend.
   *
   * @default - the route's method (ANY forwards the caller's method)
   */
  readonly method?: string;
}

/**
 * Options of the AWS service integrations (SQS, SNS, Step Functions, DynamoDB).
 */
export interface AwsServiceIntegrationOptions extends MappingIntegrationOptions {}

/**
 * Options of an EventBridge PutEvents integration.
 */
export interface EventBridgeIntegrationOptions extends AwsServiceIntegrationOptions {
  /** The events' `source`, e.g. `com.example.orders` (sources starting with `aws.` are AWS's own). */
  readonly source: string;

  /** The events' `detail-type`, e.g. `OrderPlaced`. */
  readonly detailType: string;
}

/**
 * Options of an S3 object integration (GetObject, PutObject).
 */
export interface S3ObjectIntegrationOptions extends AwsServiceIntegrationOptions {
  /**
   * The route's path parameter that holds the object key; a greedy `{key+}` keeps the key's slashes.
   *
   * @default - the route's last path parameter
   */
  readonly keyParameter?: string;

  /**
   * The part of the bucket the route reaches, e.g. `reports/`: keys are read or written under
   * it, and the role may touch nothing else.
   *
   * @default - the whole bucket
   */
  readonly keyPrefix?: string;
}

/**
 * Options of an S3 ListObjectsV2 integration.
 */
export interface S3ListIntegrationOptions extends AwsServiceIntegrationOptions {
  /**
   * The prefix of the keys listed: the role may list only these.
   *
   * @default - the whole bucket
   */
  readonly keyPrefix?: string;
}

/**
 * Options of a Kinesis PutRecord integration.
 */
export interface KinesisIntegrationOptions extends AwsServiceIntegrationOptions {
  /**
   * The record's partition key, as a VTL fragment, e.g. `$input.params('deviceId')`.
   *
   * @default '$context.requestId' (records spread over the shards)
   */
  readonly partitionKey?: string;
}

/**
 * Options of an integration that calls any AWS service action.
 */
export interface AwsServiceActionIntegrationOptions extends AwsServiceIntegrationOptions {
  /** The service's endpoint prefix, e.g. `kinesis`, `events` or `sqs`. */
  readonly service: string;

  /** The action, e.g. `PutRecords`. */
  readonly action: string;

  /** The ARNs of what the action touches: the role API Gateway assumes may do the action on these and nothing else. */
  readonly resources: string[];

  /**
   * The IAM action the role is allowed.
   *
   * @default - `<service>:<action>`
   */
  readonly iamAction?: string;

  /** The request mapping template that builds the action's request from the route's request. */
  readonly requestTemplate: string;

  /**
   * For services of the AWS JSON protocol (Kinesis, DynamoDB, EventBridge, ...): the prefix of
   * their `X-Amz-Target` header, e.g. `Kinesis_20131202`. The call then names the operation in
   * that header and sends a JSON 1.1 body.
   *
   * @default - none: a query-protocol call with a form-encoded body (SQS, SNS, ...)
   */
  readonly jsonTargetPrefix?: string;
}

/**
 * Options of a DynamoDB PutItem integration.
 */
export interface DynamoDbPutItemOptions extends AwsServiceIntegrationOptions {
  /**
   * The `Item` attribute map as a VTL fragment that renders DynamoDB JSON, e.g.
   * `{"id": {"S": "$context.requestId"}, "name": {"S": "$input.path('$.name')"}}`.
   */
  readonly item: string;
}

/**
 * Options of a DynamoDB GetItem integration.
 */
export interface DynamoDbGetItemOptions extends AwsServiceIntegrationOptions {
  /**
   * The `Key` attribute map as a VTL fragment that renders DynamoDB JSON, e.g.
   * `{"id": {"S": "$input.params('id')"}}`.
   */
  readonly key: string;
}

/**
 * Options of a DynamoDB Query integration.
 */
export interface DynamoDbQueryOptions extends AwsServiceIntegrationOptions {
  /**
   * The key condition, e.g. `owner = :owner`.
   */
  readonly keyConditionExpression: string;

  /**
   * `ExpressionAttributeValues` as a VTL fragment that renders DynamoDB JSON, e.g.
   * `{":owner": {"S": "$input.params('owner')"}}`.
   */
  readonly expressionAttributeValues: string;

  /**
   * A global or local secondary index to query.
   *
   * @default - the table itself
   */
  readonly indexName?: string;
}

/**
 * Options of a mock integration.
 */
export interface MockIntegrationOptions extends MappingIntegrationOptions {}
