import { aws_apigateway as apigw, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IntegrationResponse } from './options';
import { RouteKey } from '../core/route-key';

/** The integration types API Gateway knows, as its OpenAPI extension spells them. */
export type IntegrationType = 'aws_proxy' | 'aws' | 'http_proxy' | 'http' | 'mock';

/**
 * What an integration contributes to one route: the plain description the renderer turns
 * into `x-amazon-apigateway-integration`. Values may hold tokens.
 */
export interface IntegrationConfig {
  readonly type: IntegrationType;
  readonly uri?: string;
  readonly httpMethod?: string;
  readonly credentials?: string;
  readonly timeoutInMillis: number;
  readonly requestParameters?: { [name: string]: string };
  readonly requestTemplates?: { [contentType: string]: string };
  readonly passthroughBehavior?: apigw.PassthroughBehavior;
  readonly contentHandling?: apigw.ContentHandling;
  /** Undefined for proxy integrations: the backend answers the caller directly. */
  readonly responses?: IntegrationResponse[];
}

/** What the API tells an integration when binding it to a route. */
export interface IntegrationBindContext {
  /** The GatewayApi construct: owner of generated roles and permissions, and of error messages. */
  readonly scope: Construct;
  /** The prop path used in error messages, e.g. `routes['GET /pets'].integration`. */
  readonly prop: string;
  readonly route: RouteKey;
  readonly endpointType: apigw.EndpointType;
  /** Lets API Gateway invoke the function, once per function for the whole API. */
  readonly allowInvoke: (fn: lambda.IFunction) => void;
}
