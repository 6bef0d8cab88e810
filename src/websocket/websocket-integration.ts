import { Aws, Duration, aws_iam as iam, aws_lambda as lambda, aws_sqs as sqs } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkPattern } from '../core/checks';
import { lambdaInvocationUri } from '../core/lambda-uri';
import { allowSendMessage } from '../integrations/service-grants';
import { checkedTimeout, urlProxyFields } from '../v2/integration-checks';

/** WebSocket integrations may take 29 s at most (HTTP APIs allow 30). */
const MAX_TIMEOUT_MS = 29000;
/** The key of the request template API Gateway always selects. */
export const DEFAULT_TEMPLATE_KEY = '$default';

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

/** An integration as its resource needs it. @internal */
export interface WebSocketIntegrationConfig {
  /** Equal for integrations that may share one resource. */
  readonly key: string;
  readonly integrationType: string;
  readonly integrationUri: string;
  readonly integrationMethod?: string;
  readonly timeoutInMillis: number;
  /** The function API Gateway must be allowed to invoke. */
  readonly function?: lambda.IFunction;
  /** For AWS integrations: the request, written as the service expects it. */
  readonly requestTemplates?: { [key: string]: string };
  readonly requestParameters?: { [name: string]: string };
  /** For AWS integrations: allows the role API Gateway assumes to call the action. */
  readonly grant?: (role: iam.IGrantable) => void;
}

/** The backend of a WebSocket API route. */
export class WebSocketIntegration {
  /** A Lambda function receives each message (or connect and disconnect event) and may answer. */
  public static lambda(fn: lambda.IFunction, options: WebSocketLambdaIntegrationOptions = {}): WebSocketIntegration {
    return new WebSocketIntegration((scope, prop) => {
      const timeout = timeoutOf(scope, prop, options.timeout);
      return {
        key: `lambda ${fn.node.path} ${timeout}`,
        integrationType: 'AWS_PROXY',
        integrationUri: lambdaInvocationUri(fn),
        timeoutInMillis: timeout,
        function: fn,
      };
    });
  }

  /** Each message is passed to an HTTP(S) URL as the request body. */
  public static url(url: string, options: WebSocketUrlIntegrationOptions = {}): WebSocketIntegration {
    return new WebSocketIntegration((scope, prop) => urlProxyFields(scope, prop, url, options.method ?? 'POST', options.timeout, MAX_TIMEOUT_MS));
  }

  /**
   * Each message becomes an SQS message (an AWS integration calling SendMessage with a role of
   * its own); the connection id travels as the `connectionId` message attribute, so a consumer
   * can answer through the `@connections` API.
   */
  public static sqsSendMessage(queue: sqs.IQueue, options: WebSocketSqsIntegrationOptions = {}): WebSocketIntegration {
    return new WebSocketIntegration((scope, prop) => {
      checkPattern(scope, `${prop}.messageGroupId`, options.messageGroupId, /^(\$context\.[A-Za-z.]+|[\w.:-]{1,128})$/,
        '$context.<variable>, or 1 to 128 letters, digits, "_", ".", ":" and "-"');
      const group = options.messageGroupId ? `&MessageGroupId=$util.urlEncode("${options.messageGroupId}")` : '';
      return {
        key: `sqs ${queue.node.path} ${options.messageGroupId ?? ''}`,
        integrationType: 'AWS',
        integrationUri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:sqs:path/${queue.env.account}/${queue.queueName}`,
        integrationMethod: 'POST',
        timeoutInMillis: MAX_TIMEOUT_MS,
        requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
        requestTemplates: {
          [DEFAULT_TEMPLATE_KEY]: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)'
            + '&MessageAttribute.1.Name=connectionId&MessageAttribute.1.Value.DataType=String'
            + `&MessageAttribute.1.Value.StringValue=$util.urlEncode($context.connectionId)${group}`,
        },
        grant: allowSendMessage(queue),
      };
    });
  }

  /** An AWS integration the library builds (the connections table's). @internal */
  public static _aws(config: Omit<WebSocketIntegrationConfig, 'integrationType' | 'timeoutInMillis'>): WebSocketIntegration {
    return new WebSocketIntegration(() => ({ ...config, integrationType: 'AWS', timeoutInMillis: MAX_TIMEOUT_MS }));
  }

  private constructor(private readonly bind: (scope: IConstruct, prop: string) => WebSocketIntegrationConfig) {}

  /** Validates the integration for a route and returns what its resource needs. @internal */
  public _bind(scope: IConstruct, prop: string): WebSocketIntegrationConfig {
    return this.bind(scope, prop);
  }
}

function timeoutOf(scope: IConstruct, prop: string, timeout: Duration | undefined): number {
  return checkedTimeout(scope, prop, timeout, MAX_TIMEOUT_MS);
}
