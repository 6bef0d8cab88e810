import { Aws, Duration, aws_iam as iam, aws_lambda as lambda, aws_sqs as sqs } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { DEFAULT_TEMPLATE_KEY, IWebSocketIntegrationContext, WEBSOCKET_MAX_TIMEOUT_MS, WebSocketIntegrationConfig, WebSocketIntegrationType } from './websocket-integration-config';
import { checkPattern } from '../core/checks';
import { lambdaInvocationUri } from '../core/lambda-uri';
import { allowSendMessage } from '../integrations/service-grants';
import { BoundIntegration } from '../v2/bound-integration';
import { checkedTimeout, urlProxyFields } from '../v2/integration-checks';

type Binder = (context: IWebSocketIntegrationContext) => BoundIntegration<WebSocketIntegrationConfig>;

/** Options of a Lambda proxy integration of a WebSocket API. */
export interface WebSocketLambdaIntegrationOptions {
  /**
   * How long API Gateway waits for the function (50 ms to 29 s).
   *
   * @default Duration.seconds(29)
   */
  readonly timeout?: Duration;
}

/** Options of an HTTP proxy integration of a WebSocket API. */
export interface WebSocketUrlIntegrationOptions {
  /**
   * The method API Gateway uses towards the backend.
   *
   * @default 'POST'
   */
  readonly method?: string;

  /**
   * How long API Gateway waits for the backend (50 ms to 29 s).
   *
   * @default Duration.seconds(29)
   */
  readonly timeout?: Duration;
}

/** Options of an SQS SendMessage integration of a WebSocket API. */
export interface WebSocketSqsIntegrationOptions {
  /**
   * The message group of a FIFO queue (which needs content-based deduplication): a literal, or
   * `$context.connectionId` to keep each connection's messages in order.
   *
   * @default - none (a standard queue)
   */
  readonly messageGroupId?: string;
}

/**
 * The backend of a WebSocket API route. Create one with a static factory and give it to a route:
 *
 * ```ts
 * new GatewayWebSocketApi(this, 'Chat', { routes: { sendMessage: { integration: WebSocketIntegration.lambda(fn) } } });
 * ```
 *
 * Routes to the same backend share one integration resource. An integration of your own
 * extends this class and implements `bind`; the routes it gives the same config share one resource.
 */
export abstract class WebSocketIntegration {
  /** A Lambda function receives each message (or connect and disconnect event) and may answer. */
  public static lambda(fn: lambda.IFunction, options: WebSocketLambdaIntegrationOptions = {}): WebSocketIntegration {
    return new FactoryWebSocketIntegration(({ scope, prop, allowInvoke }) => {
      const timeout = timeoutOf(scope, prop, options.timeout);
      allowInvoke(fn);
      return {
        key: `lambda ${fn.node.path} ${timeout}`,
        config: { type: WebSocketIntegrationType.AWS_PROXY, uri: lambdaInvocationUri(fn), timeoutInMillis: timeout },
      };
    });
  }

  /** Each message is passed to an HTTP(S) URL as the request body. */
  public static url(url: string, options: WebSocketUrlIntegrationOptions = {}): WebSocketIntegration {
    return new FactoryWebSocketIntegration(({ scope, prop }) => {
      const { key, ...fields } = urlProxyFields(scope, prop, url, options.method ?? 'POST', options.timeout, WEBSOCKET_MAX_TIMEOUT_MS);
      return { key, config: { type: WebSocketIntegrationType.HTTP_PROXY, ...fields } };
    });
  }

  /**
   * Each message becomes an SQS message (an AWS integration calling SendMessage with a role of
   * its own); the connection id travels as the `connectionId` message attribute, so a consumer
   * can answer through the `@connections` API.
   */
  public static sqsSendMessage(queue: sqs.IQueue, options: WebSocketSqsIntegrationOptions = {}): WebSocketIntegration {
    return new FactoryWebSocketIntegration(({ scope, prop }) => {
      checkPattern(scope, `${prop}.messageGroupId`, options.messageGroupId, /^(\$context\.[A-Za-z.]+|[\w.:-]{1,128})$/,
        '$context.<variable>, or 1 to 128 letters, digits, "_", ".", ":" and "-"');
      const group = options.messageGroupId ? `&MessageGroupId=$util.urlEncode("${options.messageGroupId}")` : '';
      return WebSocketIntegration.awsServiceCall(`sqs ${queue.node.path} ${options.messageGroupId ?? ''}`, {
        uri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:sqs:path/${queue.env.account}/${queue.queueName}`,
        requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
        template: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)'
          + '&MessageAttribute.1.Name=connectionId&MessageAttribute.1.Value.DataType=String'
          + `&MessageAttribute.1.Value.StringValue=$util.urlEncode($context.connectionId)${group}`,
      }, allowSendMessage(queue));
    });
  }

  /**
   * An AWS service action API Gateway calls with a role of its own, allowed by `grant`: the
   * connections table's integrations. @internal
   */
  public static _awsService(key: string, call: AwsServiceCall, grant: (role: iam.IGrantable) => void): WebSocketIntegration {
    return new FactoryWebSocketIntegration(() => WebSocketIntegration.awsServiceCall(key, call, grant));
  }

  private static awsServiceCall(
    key: string, call: AwsServiceCall, grant: (role: iam.IGrantable) => void,
  ): BoundIntegration<WebSocketIntegrationConfig> {
    return {
      key,
      config: {
        type: WebSocketIntegrationType.AWS,
        uri: call.uri,
        method: 'POST',
        timeoutInMillis: WEBSOCKET_MAX_TIMEOUT_MS,
        requestParameters: call.requestParameters,
        requestTemplates: { [DEFAULT_TEMPLATE_KEY]: call.template },
      },
      grant,
    };
  }

  /**
   * Binds the integration to one route of an API, once per route that uses it: returns the
   * integration resource's settings, and may make what it needs (in `context.scope`) and allow
   * API Gateway to invoke functions (`context.allowInvoke`).
   */
  public abstract bind(context: IWebSocketIntegrationContext): WebSocketIntegrationConfig;

  /** Binds the integration with what only the library's own integrations carry. @internal */
  public _bindToRoute(context: IWebSocketIntegrationContext): BoundIntegration<WebSocketIntegrationConfig> {
    return { config: this.bind(context) };
  }
}

/** An AWS service action called with the request template keyed `$default`. @internal */
export interface AwsServiceCall {
  /** The action's `arn:aws:apigateway:...` URI. */
  readonly uri: string;
  readonly template: string;
  readonly requestParameters?: { [name: string]: string };
}

/** An integration made by one of `WebSocketIntegration`'s factories. */
class FactoryWebSocketIntegration extends WebSocketIntegration {
  constructor(private readonly binder: Binder) {
    super();
  }

  public bind(context: IWebSocketIntegrationContext): WebSocketIntegrationConfig {
    return this.binder(context).config;
  }

  public _bindToRoute(context: IWebSocketIntegrationContext): BoundIntegration<WebSocketIntegrationConfig> {
    return this.binder(context);
  }
}

function timeoutOf(scope: IConstruct, prop: string, timeout: Duration | undefined): number {
  return checkedTimeout(scope, prop, timeout, WEBSOCKET_MAX_TIMEOUT_MS);
}
