import { aws_apigateway as apigw, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IntegrationResponse } from './options';

/** The integration types of a REST API, as its OpenAPI extension spells them. */
export enum IntegrationType {
  /** Lambda proxy: the function gets the whole request and shapes the response. */
  AWS_PROXY = 'aws_proxy',
  /** An AWS service action or a Lambda function, with mapping templates. */
  AWS = 'aws',
  /** An HTTP backend, called with the request as it came. */
  HTTP_PROXY = 'http_proxy',
  /** An HTTP backend, with mapping templates. */
  HTTP = 'http',
  /** API Gateway answers by itself. */
  MOCK = 'mock',
}

/**
 * What an integration contributes to one route: the `x-amazon-apigateway-integration` of its
 * operation in the API's OpenAPI definition. Values may hold tokens.
 */
export interface IntegrationConfig {
  /** The integration type. */
  readonly type: IntegrationType;

  /**
   * The backend: a URL, or an `arn:aws:apigateway:REGION:SERVICE:action/...` URI.
   *
   * @default - none (MOCK integrations)
   */
  readonly uri?: string;

  /**
   * The method API Gateway calls the backend with.
   *
   * @default - none (MOCK integrations)
   */
  readonly method?: string;

  /**
   * The ARN of the role API Gateway assumes to call the backend.
   *
   * @default - none
   */
  readonly credentials?: string;

  /**
   * How long API Gateway waits for the backend, 50 to 29,000 ms.
   *
   * @default 29000
   */
  readonly timeoutInMillis?: number;

  /**
   * Integration request parameters: `integration.request.<location>.<name>` to a
   * `method.request...` source or a quoted literal.
   *
   * @default - none
   */
  readonly requestParameters?: { [name: string]: string };

  /**
   * Request mapping templates by content type.
   *
   * @default - none
   */
  readonly requestTemplates?: { [contentType: string]: string };

  /**
   * What happens to a request whose content type has no template.
   *
   * @default - API Gateway's (WHEN_NO_MATCH)
   */
  readonly passthroughBehavior?: apigw.PassthroughBehavior;

  /**
   * How payloads are converted between text and binary.
   *
   * @default - passed through unconverted
   */
  readonly contentHandling?: apigw.ContentHandling;

  /**
   * The integration responses (not for proxy integrations: the backend answers the caller).
   *
   * @default - none
   */
  readonly responses?: IntegrationResponse[];
}

/** What an integration is told when it is bound to one route of a GatewayApi. */
export interface IIntegrationContext {
  /** The GatewayApi: owner of the roles and permissions an integration makes, and the scope its errors name. */
  readonly scope: Construct;
  /** The prop errors name, e.g. `routes['GET /pets'].integration`. */
  readonly prop: string;
  /** The route's method, `ANY` for any. */
  readonly method: string;
  /** The route's path, e.g. `/pets/{petId}`. */
  readonly path: string;
  /** The names of the route's path parameters, e.g. `petId`. */
  readonly pathParameters: string[];
  /** The API's endpoint type. */
  readonly endpointType: apigw.EndpointType;

  /** Lets API Gateway invoke a function: one permission per function for the whole API. */
  allowInvoke(fn: lambda.IFunction): void;
}
