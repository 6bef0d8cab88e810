import { aws_apigatewayv2 as apigwv2, aws_ec2 as ec2, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { checkParameterMapping } from './parameter-mapping';
import { checkOneOf } from '../core/checks';
import { propError } from '../core/errors';
import { checkTimeoutInMillis, checkedMethod } from '../v2/integration-checks';

/** HTTP API integrations may take 30 s at most. */
export const HTTP_MAX_TIMEOUT_MS = 30000;
const PAYLOAD_FORMAT_VERSIONS = ['1.0', '2.0'];

/** The integration types of an HTTP API. */
export enum HttpIntegrationType {
  /** A Lambda function, or an AWS service action named by `subtype`. */
  AWS_PROXY = 'AWS_PROXY',
  /** An HTTP backend: a public URL, or a private one reached through a VPC link. */
  HTTP_PROXY = 'HTTP_PROXY',
}

/** What an integration gives its HTTP API for one route: the integration resource's settings. Values may hold tokens. */
export interface HttpIntegrationConfig {
  /** The integration type. */
  readonly type: HttpIntegrationType;

  /**
   * The backend: a function ARN, a URL, or a load balancer listener's or Cloud Map service's ARN.
   *
   * @default - none (an AWS service integration, which names its action in `subtype`)
   */
  readonly uri?: string;

  /**
   * The AWS service action of an AWS_PROXY integration, e.g. `SQS-SendMessage`.
   *
   * @default - none (a Lambda function)
   */
  readonly subtype?: string;

  /**
   * The method API Gateway calls an HTTP backend with; `ANY` passes the caller's on.
   *
   * @default - none (API Gateway's: the caller's method)
   */
  readonly method?: string;

  /**
   * The event format a function receives: `1.0` or `2.0`. HTTP backends and AWS service actions take `1.0`.
   *
   * @default - '2.0' for a function, '1.0' otherwise
   */
  readonly payloadFormatVersion?: string;

  /**
   * How long API Gateway waits for the backend, 50 to 30,000 ms.
   *
   * @default 30000
   */
  readonly timeoutInMillis?: number;

  /**
   * Parameter mapping: an AWS service action's parameters, or changes to the request an HTTP backend receives.
   *
   * @default - none
   */
  readonly requestParameters?: { [name: string]: string };

  /**
   * Changes to the backend's response, by status code (200 to 599), then by destination
   * (`append|overwrite|remove:header.NAME`, `overwrite:statuscode`).
   *
   * @default - none
   */
  readonly responseParameters?: { [statusCode: string]: { [destination: string]: string } };

  /**
   * The ARN of the role API Gateway assumes to call an AWS service action.
   *
   * @default - none
   */
  readonly credentials?: string;

  /**
   * The VPC link a private HTTP backend is reached through.
   *
   * @default - none (a public backend)
   */
  readonly vpcLink?: apigwv2.IVpcLink;

  /**
   * The name a private backend's TLS certificate must carry; API Gateway then calls it over TLS.
   *
   * @default - a private backend is called over plain HTTP
   */
  readonly secureServerName?: string;
}

/** What an integration is told when it is bound to one route of a GatewayHttpApi. */
export interface IHttpIntegrationContext {
  /** The GatewayHttpApi: owner of what an integration makes, and the scope its errors name. */
  readonly scope: Construct;
  /** The prop errors name, e.g. `routes['GET /items'].integration`. */
  readonly prop: string;
  /** The route's key, e.g. `GET /items/{id}` or `$default`. */
  readonly routeKey: string;

  /** Lets API Gateway invoke a function: one permission per function for the whole API. */
  allowInvoke(fn: lambda.IFunction): void;

  /**
   * The API's own VPC link into a VPC (one per VPC, shared by its private integrations), its
   * security group allowed to reach only the VPC's addresses. A `backend` given is opened to
   * that security group on its default port.
   */
  vpcLinkInto(vpc: ec2.IVpc, backend?: ec2.IConnectable): apigwv2.IVpcLink;
}

/** Checks what an integration gave for a route against what API Gateway accepts; errors name the field `bind()` returned. */
export function checkHttpIntegrationConfig(scope: Construct, prop: string, config: HttpIntegrationConfig): void {
  checkOneOf(scope, `${prop}.bind().type`, config.type, Object.values(HttpIntegrationType));
  checkTimeoutInMillis(scope, `${prop}.bind().timeoutInMillis`, config.timeoutInMillis, HTTP_MAX_TIMEOUT_MS);
  checkOneOf(scope, `${prop}.bind().payloadFormatVersion`, config.payloadFormatVersion, PAYLOAD_FORMAT_VERSIONS);
  if (config.method !== undefined) checkedMethod(scope, `${prop}.bind()`, config.method);
  if (!isLambdaProxy(config) && config.payloadFormatVersion === '2.0') {
    throw propError(scope, `${prop}.bind().payloadFormatVersion`, '2.0', '1.0: only Lambda functions take payload format 2.0');
  }
  if (config.subtype !== undefined && config.type !== HttpIntegrationType.AWS_PROXY) {
    throw propError(scope, `${prop}.bind().subtype`, config.subtype, 'a subtype only on an AWS_PROXY integration');
  }
  if (config.uri === undefined && config.subtype === undefined) {
    throw propError(scope, `${prop}.bind().uri`, undefined, 'a uri, or the subtype of an AWS service action');
  }
  if (config.subtype === undefined) {
    // Without a subtype, the parameters change the request; with one, they are the action's own.
    checkParameterMapping(scope, `${prop}.bind()`, config);
  } else if (config.responseParameters) {
    throw propError(scope, `${prop}.bind().responseParameters`, Object.keys(config.responseParameters), 'no response parameters on an AWS service action');
  }
  if (config.secureServerName !== undefined && !config.vpcLink) {
    throw propError(scope, `${prop}.bind().secureServerName`, config.secureServerName, 'a secureServerName only on a private integration (with a vpcLink)');
  }
}

/** The payload format an integration resource gets when its config names none. */
export function payloadFormatVersionOf(config: HttpIntegrationConfig): string {
  return config.payloadFormatVersion ?? (isLambdaProxy(config) ? '2.0' : '1.0');
}

/** A Lambda function's integration (an AWS_PROXY integration that names no service action). */
function isLambdaProxy(config: HttpIntegrationConfig): boolean {
  return config.type === HttpIntegrationType.AWS_PROXY && config.subtype === undefined;
}
