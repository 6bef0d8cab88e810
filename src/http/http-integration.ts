import { Duration, Token, aws_lambda as lambda } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { propError } from '../errors';
import { checkIntegerInRange, checkPattern } from '../model/checks';

const MIN_TIMEOUT_MS = 50;
const MAX_TIMEOUT_MS = 30000;
const HTTP_METHODS = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Options of a Lambda proxy integration of an HTTP API. */
export interface HttpLambdaIntegrationOptions {
  /**
   * How long API Gateway waits for the function (50 ms to 30 s).
   *
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;

  /**
   * The event format the function receives: `2.0` (the HTTP API format) or `1.0` (the REST
   * proxy format, for functions shared with a REST API).
   *
   * @default '2.0'
   */
  readonly payloadFormatVersion?: string;
}

/** Options of an HTTP proxy integration of an HTTP API. */
export interface HttpUrlIntegrationOptions {
  /**
   * The method API Gateway uses towards the backend; `ANY` passes the caller's on.
   *
   * @default 'ANY'
   */
  readonly method?: string;

  /**
   * How long API Gateway waits for the backend (50 ms to 30 s).
   *
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;
}

/** An integration as its resource needs it. @internal */
export interface HttpIntegrationConfig {
  /** Equal for integrations that may share one resource. */
  readonly key: string;
  readonly integrationType: string;
  readonly integrationUri: string;
  readonly integrationMethod?: string;
  readonly payloadFormatVersion: string;
  readonly timeoutInMillis: number;
  /** The function API Gateway must be allowed to invoke. */
  readonly function?: lambda.IFunction;
}

/** The backend of an HTTP API route. */
export class HttpIntegration {
  /** A Lambda function receives the request as an event (payload format 2.0) and returns the response. */
  public static lambda(fn: lambda.IFunction, options: HttpLambdaIntegrationOptions = {}): HttpIntegration {
    return new HttpIntegration((scope, prop) => {
      const version = options.payloadFormatVersion ?? '2.0';
      if (!['1.0', '2.0'].includes(version)) throw propError(scope, `${prop}.payloadFormatVersion`, version, '1.0 or 2.0');
      const timeout = checkedTimeout(scope, prop, options.timeout);
      return {
        key: `lambda ${fn.node.path} ${version} ${timeout}`,
        integrationType: 'AWS_PROXY',
        integrationUri: fn.functionArn,
        payloadFormatVersion: version,
        timeoutInMillis: timeout,
        function: fn,
      };
    });
  }

  /** The request is passed to a public HTTP(S) URL, e.g. `https://backend.example.com/{proxy}`. */
  public static url(url: string, options: HttpUrlIntegrationOptions = {}): HttpIntegration {
    return new HttpIntegration((scope, prop) => {
      checkPattern(scope, `${prop}.url`, url, /^https?:\/\/\S+$/, 'an http or https URL');
      const method = options.method ?? 'ANY';
      if (!Token.isUnresolved(method) && !HTTP_METHODS.includes(method)) throw propError(scope, `${prop}.method`, method, HTTP_METHODS.join(', '));
      const timeout = checkedTimeout(scope, prop, options.timeout);
      return {
        key: `url ${url} ${method} ${timeout}`,
        integrationType: 'HTTP_PROXY',
        integrationUri: url,
        integrationMethod: method,
        payloadFormatVersion: '1.0',
        timeoutInMillis: timeout,
      };
    });
  }

  private constructor(private readonly bind: (scope: IConstruct, prop: string) => HttpIntegrationConfig) {}

  /** Validates the integration for a route and returns what its resource needs. @internal */
  public _bind(scope: IConstruct, prop: string): HttpIntegrationConfig {
    return this.bind(scope, prop);
  }
}

function checkedTimeout(scope: IConstruct, prop: string, timeout: Duration | undefined): number {
  const ms = timeout?.toMilliseconds() ?? MAX_TIMEOUT_MS;
  checkIntegerInRange(scope, `${prop}.timeout`, ms, MIN_TIMEOUT_MS, MAX_TIMEOUT_MS, 'ms');
  return ms;
}
