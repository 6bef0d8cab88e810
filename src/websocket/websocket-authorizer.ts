import { aws_lambda as lambda } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkPattern } from '../core/checks';
import { propError } from '../core/errors';

/** `route.request.header.X`, `route.request.querystring.X`, `context.X` or `stageVariables.X`. */
const IDENTITY_SOURCE = /^(route\.request\.(header|querystring)\.[A-Za-z0-9._-]+|context\.[A-Za-z0-9._-]+|stageVariables\.[A-Za-z0-9._-]+)$/;
const IDENTITY_SOURCE_ALLOWED = 'route.request.header.<name>, route.request.querystring.<name>, context.<variable> or stageVariables.<name>';
const AUTHORIZER_NAME = /^[a-zA-Z0-9._-]{1,128}$/;

/** A Lambda authorizer of a WebSocket API, judging the `$connect` request. */
export interface WebSocketLambdaAuthorizerProps {
  /**
   * What identifies a caller. Browsers cannot set headers on a WebSocket handshake, so web
   * clients usually send a token in the query string (`route.request.querystring.token`).
   * A handshake lacking one is refused with 401 without calling the function.
   *
   * @default ['route.request.header.Authorization']
   */
  readonly identitySources?: string[];

  /**
   * The authorizer's name, unique within the API.
   *
   * @default - the function's construct id followed by `-authorizer`
   */
  readonly authorizerName?: string;
}

/** An authorizer as its resource needs it. @internal */
export interface WebSocketAuthorizerConfig {
  readonly function: lambda.IFunction;
  readonly identitySource: string[];
}

/**
 * A Lambda authorizer for a WebSocket API's `$connect` route: the function answers with an IAM
 * policy for the connection (API Gateway does not cache WebSocket authorizer results).
 */
export class WebSocketAuthorizer {
  /** The function judges the `$connect` request from its identity sources. */
  public static lambda(fn: lambda.IFunction, props: WebSocketLambdaAuthorizerProps = {}): WebSocketAuthorizer {
    return new WebSocketAuthorizer(props.authorizerName ?? `${fn.node.id}-authorizer`, scope => {
      const identitySource = props.identitySources ?? ['route.request.header.Authorization'];
      const prop = 'WebSocketAuthorizer.lambda(…).identitySources';
      if (identitySource.length === 0) throw propError(scope, prop, identitySource, 'at least one identity source');
      identitySource.forEach((source, i) => checkPattern(scope, `${prop}[${i}]`, source, IDENTITY_SOURCE, IDENTITY_SOURCE_ALLOWED));
      return { function: fn, identitySource };
    });
  }

  /** The authorizer's name, unique within an API. */
  public readonly authorizerName: string;

  private constructor(name: string, private readonly bind: (scope: IConstruct) => WebSocketAuthorizerConfig) {
    this.authorizerName = name;
  }

  /** Validates the authorizer for an API and returns what its resource needs. @internal */
  public _bind(scope: IConstruct): WebSocketAuthorizerConfig {
    checkPattern(scope, 'authorizerName', this.authorizerName, AUTHORIZER_NAME, 'letters, digits, ".", "_" and "-", 1 to 128 characters');
    return this.bind(scope);
  }
}

/**
 * Who may open a connection to a WebSocket API. AWS authorizes a connection once, at
 * `$connect`; the messages that follow travel on the authorized connection.
 */
export class WebSocketAuthorization {
  /** Callers sign the handshake with AWS Signature Version 4; allow them with `api.grantConnect(principal)`. */
  public static iam(): WebSocketAuthorization {
    return new WebSocketAuthorization('AWS_IAM');
  }

  /**
   * Anyone may connect.
   *
   * @param reason why connections are open to anyone; it acknowledges, for `$connect` only, the finding that the route is open
   */
  public static none(reason: string): WebSocketAuthorization {
    return new WebSocketAuthorization('NONE', undefined, reason);
  }

  /** A Lambda authorizer judges the handshake. */
  public static authorizer(authorizer: WebSocketAuthorizer): WebSocketAuthorization {
    return new WebSocketAuthorization('CUSTOM', authorizer);
  }

  /** The `$connect` route's authorization type: `AWS_IAM`, `CUSTOM` or `NONE`. */
  public readonly authorizationType: string;
  /** The authorizer, for `CUSTOM`. @internal */
  public readonly _authorizer?: WebSocketAuthorizer;
  /** Why connections are open. @internal */
  public readonly _reason?: string;

  private constructor(authorizationType: string, authorizer?: WebSocketAuthorizer, reason?: string) {
    this.authorizationType = authorizationType;
    this._authorizer = authorizer;
    this._reason = reason;
  }
}
