import { aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_lambda as lambda } from 'aws-cdk-lib';
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
   * The VPC link (v2) a private integration reaches its load balancer through.
   *
   * @default - none (a public backend)
   */
  readonly vpcLink?: apigwv2.IVpcLink;

  /**
   * The ARN of the Application or Network Load Balancer a private integration sends requests
   * to, through `vpcLink`; `uri` then sets the Host header and, over HTTPS, the server name.
   *
   * @default - none (a public backend)
   */
  readonly integrationTarget?: string;

  /**
   * The ARN of the role API Gateway assumes to call the backend.
   *
   * @default - none
   */
  readonly credentials?: string;

  /**
   * How long API Gateway waits for the backend: 50 to 29,000 ms, more where the account's
   * quota is raised, up to 900,000 ms for a streamed response.
   *
   * @default 29000
   */
  readonly timeoutInMillis?: number;

  /**
   * Whether the response is streamed to the caller as it comes (proxy integrations only).
   *
   * @default apigw.ResponseTransferMode.BUFFERED
   */
  readonly responseTransferMode?: apigw.ResponseTransferMode;

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

  /**
   * The API's own VPC link (v2) into a VPC, one per VPC, shared by its private integrations;
   * its security group may reach only the VPC's addresses. A `backend` given (a load balancer)
   * is opened to that security group on `port`, or on its default port.
   */
  vpcLinkInto(vpc: ec2.IVpc, backend?: ec2.IConnectable, port?: ec2.Port): apigwv2.IVpcLink;
}
