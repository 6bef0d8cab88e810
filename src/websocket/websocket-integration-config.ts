import { aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { checkOneOf } from '../core/checks';
import { propError } from '../core/errors';
import { checkTimeoutInMillis, checkedMethod } from '../v2/integration-checks';

/** WebSocket integrations may take 29 s at most (HTTP APIs allow 30). */
export const WEBSOCKET_MAX_TIMEOUT_MS = 29000;
/** The key of the request template API Gateway always selects. */
export const DEFAULT_TEMPLATE_KEY = '$default';

/** The integration types of a WebSocket API. */
export enum WebSocketIntegrationType {
  /** Lambda proxy: the function gets each message with its context. */
  AWS_PROXY = 'AWS_PROXY',
  /** An AWS service action or a Lambda function, with request templates. */
  AWS = 'AWS',
  /** An HTTP backend, called with the message as its body. */
  HTTP_PROXY = 'HTTP_PROXY',
  /** An HTTP backend, with request templates. */
  HTTP = 'HTTP',
  /** API Gateway answers by itself. */
  MOCK = 'MOCK',
}

/** What an integration gives its WebSocket API for one route: the integration resource's settings. Values may hold tokens. */
export interface WebSocketIntegrationConfig {
  /** The integration type. */
  readonly type: WebSocketIntegrationType;

  /**
   * The backend: a URL, or an `arn:aws:apigateway:REGION:SERVICE:...` URI.
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
   * How long API Gateway waits for the backend, 50 to 29,000 ms.
   *
   * @default 29000
   */
  readonly timeoutInMillis?: number;

  /**
   * Integration request parameters: `integration.request.<location>.<name>` to a request
   * value or a quoted literal.
   *
   * @default - none
   */
  readonly requestParameters?: { [name: string]: string };

  /**
   * Request templates by the key `templateSelectionExpression` yields (not for proxy integrations).
   *
   * @default - none
   */
  readonly requestTemplates?: { [key: string]: string };

  /**
   * What selects the request template.
   *
   * @default - `\$default` when there are request templates: the template keyed `$default`, whatever the message
   */
  readonly templateSelectionExpression?: string;

  /**
   * The ARN of the role API Gateway assumes to call the backend.
   *
   * @default - none
   */
  readonly credentials?: string;
}

/** What an integration is told when it is bound to one route of a GatewayWebSocketApi. */
export interface IWebSocketIntegrationContext {
  /** The GatewayWebSocketApi: owner of what an integration makes, and the scope its errors name. */
  readonly scope: Construct;
  /** The prop errors name, e.g. `routes['sendMessage'].integration`. */
  readonly prop: string;
  /** The route's key, e.g. `$connect` or `sendMessage`. */
  readonly routeKey: string;

  /** Lets API Gateway invoke a function: one permission per function for the whole API. */
  allowInvoke(fn: lambda.IFunction): void;
}

/** Checks what an integration gave for a route against what API Gateway accepts; errors name the field `bind()` returned. */
export function checkWebSocketIntegrationConfig(scope: Construct, prop: string, config: WebSocketIntegrationConfig): void {
  checkOneOf(scope, `${prop}.bind().type`, config.type, Object.values(WebSocketIntegrationType));
  checkTimeoutInMillis(scope, `${prop}.bind().timeoutInMillis`, config.timeoutInMillis, WEBSOCKET_MAX_TIMEOUT_MS);
  if (config.method !== undefined) checkedMethod(scope, `${prop}.bind()`, config.method);
  if (config.type !== WebSocketIntegrationType.MOCK && config.uri === undefined) {
    throw propError(scope, `${prop}.bind().uri`, undefined, `a uri: ${config.type} integrations call a backend`);
  }
  if (config.requestTemplates && isProxy(config)) {
    throw propError(scope, `${prop}.bind().requestTemplates`, Object.keys(config.requestTemplates), `no request templates on ${config.type} integrations`);
  }
}

/** Whether the integration's answer comes back as the backend gave it (or needs an integration response). */
export function isProxy(config: WebSocketIntegrationConfig): boolean {
  return config.type === WebSocketIntegrationType.AWS_PROXY || config.type === WebSocketIntegrationType.HTTP_PROXY;
}
