import { Duration, Token, aws_cognito as cognito, aws_lambda as lambda } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkIntegerInRange } from '../core/checks';
import { propError } from '../core/errors';
import { lambdaInvocationUri } from '../core/lambda-uri';

/** A Cognito user pool authorizer: callers send an ID or access token of one of the pools. */
export interface CognitoAuthorizerProps {
  /** The user pools whose tokens are accepted. */
  readonly userPools: cognito.IUserPool[];

  /**
   * The authorizer's name in the API, letters, digits, `.`, `_` and `-`.
   *
   * @default 'cognito'
   */
  readonly authorizerName?: string;

  /**
   * The header holding the token, `method.request.header.NAME`.
   *
   * @default 'method.request.header.Authorization'
   */
  readonly identitySource?: string;
}

/** A Lambda TOKEN authorizer: the function judges a bearer token from one header. */
export interface TokenAuthorizerProps {
  /**
   * The authorizer's name in the API, letters, digits, `.`, `_` and `-`.
   *
   * @default - the function's construct id followed by `-token`
   */
  readonly authorizerName?: string;

  /**
   * The header holding the token, `method.request.header.NAME`.
   *
   * @default 'method.request.header.Authorization'
   */
  readonly identitySource?: string;

  /**
   * A regular expression the token must match; API Gateway answers 401 without calling the
   * function when it does not.
   *
   * @default - every token reaches the function
   */
  readonly validationRegex?: string;

  /**
   * How long API Gateway caches the function's policy for a token, 0 to 3600 seconds.
   *
   * @default Duration.minutes(5)
   */
  readonly resultsCacheTtl?: Duration;
}

/** A Lambda REQUEST authorizer: the function judges headers, query strings, stage variables and context. */
export interface RequestAuthorizerProps {
  /**
   * The authorizer's name in the API, letters, digits, `.`, `_` and `-`.
   *
   * @default - the function's construct id followed by `-request`
   */
  readonly authorizerName?: string;

  /**
   * What identifies the caller, and keys the cached policy: `method.request.header.NAME`,
   * `method.request.querystring.NAME`, `stageVariables.NAME` or `context.NAME`. API Gateway
   * answers 401 without calling the function when one is missing. Required while results are
   * cached.
   *
   * @default - none (only with `resultsCacheTtl` 0)
   */
  readonly identitySources?: string[];

  /**
   * How long API Gateway caches the function's policy for the identity sources, 0 to 3600 seconds.
   *
   * @default Duration.minutes(5)
   */
  readonly resultsCacheTtl?: Duration;
}

/** What binding an authorizer needs from its API. */
export interface AuthorizerBindContext {
  readonly scope: IConstruct;
  /** How errors name the authorization, e.g. `routes['GET /pets'].authorization`. */
  readonly prop: string;
  /** Lets API Gateway invoke the function as an authorizer of this API. */
  readonly allowAuthorize: (fn: lambda.IFunction) => void;
}

/** An authorizer as the API's definition declares it. */
export interface AuthorizerBinding {
  readonly name: string;
  /** The OpenAPI security scheme, with API Gateway's extensions. */
  readonly scheme: { [key: string]: any };
  /** The request parameters that identify the caller. */
  readonly identitySources: string[];
}

type Kind = 'cognito' | 'token' | 'request';

const AUTHORIZER_NAME = /^[a-zA-Z0-9._-]{1,128}$/;
const RESERVED_NAMES = ['sigv4', 'api_key'];
const HEADER_SOURCE = /^method\.request\.header\.[^\s.,]+$/;
const REQUEST_SOURCE = /^(method\.request\.(header|querystring|multivalueheader|multivaluequerystring)|stageVariables|context)\.[^\s,]+$/;
const DEFAULT_TTL_SECONDS = 300;
const MAX_TTL_SECONDS = 3600;

/**
 * Who judges a caller before a route runs: a Cognito user pool, or a Lambda function (TOKEN or
 * REQUEST). One authorizer serves every route that names it, through
 * `Authorization.authorizer(authorizer)`.
 *
 * ```ts
 * const users = Authorizer.cognito({ userPools: [pool] });
 * api.addRoute('GET /me', { integration, authorization: Authorization.authorizer(users, ['profile/read']) });
 * ```
 */
export class Authorizer {
  /** Accepts tokens issued by Cognito user pools; routes may require OAuth scopes. */
  public static cognito(props: CognitoAuthorizerProps): Authorizer {
    return new Authorizer('cognito', props.authorizerName ?? 'cognito', props);
  }

  /** A Lambda function judges the token in one header. */
  public static token(handler: lambda.IFunction, props: TokenAuthorizerProps = {}): Authorizer {
    return new Authorizer('token', props.authorizerName ?? `${handler.node.id}-token`, props, handler);
  }

  /** A Lambda function judges the request's headers, query strings, stage variables and context. */
  public static request(handler: lambda.IFunction, props: RequestAuthorizerProps = {}): Authorizer {
    return new Authorizer('request', props.authorizerName ?? `${handler.node.id}-request`, props, handler);
  }

  /** API Gateway's authorization type for routes behind this authorizer: `COGNITO_USER_POOLS` or `CUSTOM`. */
  public readonly authorizationType: string;
  /** The authorizer's name in the API. */
  public readonly authorizerName: string;

  private constructor(
    private readonly kind: Kind,
    name: string,
    private readonly props: Partial<CognitoAuthorizerProps> & TokenAuthorizerProps & RequestAuthorizerProps,
    private readonly handler?: lambda.IFunction,
  ) {
    this.authorizationType = kind === 'cognito' ? 'COGNITO_USER_POOLS' : 'CUSTOM';
    this.authorizerName = name;
  }

  /** Validates the authorizer and renders its security scheme. @internal */
  public _bind(context: AuthorizerBindContext): AuthorizerBinding {
    const { scope, prop } = context;
    const name = this.authorizerName;
    if (!Token.isUnresolved(name) && (!AUTHORIZER_NAME.test(name) || RESERVED_NAMES.includes(name))) {
      throw propError(scope, `${prop}.authorizerName`, name, `letters, digits, ".", "_" and "-", 1 to 128 characters, other than ${RESERVED_NAMES.join(' and ')}`);
    }
    if (this.kind === 'cognito') return this.bindCognito(scope, prop);
    const ttl = this.props.resultsCacheTtl?.toSeconds({ integral: false }) ?? DEFAULT_TTL_SECONDS;
    checkIntegerInRange(scope, `${prop}.resultsCacheTtl`, ttl, 0, MAX_TTL_SECONDS, 'seconds');
    context.allowAuthorize(this.handler!);
    const common = { authorizerUri: lambdaInvocationUri(this.handler!), authorizerResultTtlInSeconds: ttl };
    if (this.kind === 'token') {
      const source = this.props.identitySource ?? 'method.request.header.Authorization';
      checkSource(scope, `${prop}.identitySource`, source, HEADER_SOURCE, 'method.request.header.NAME');
      const regex = this.props.validationRegex;
      if (regex !== undefined && !Token.isUnresolved(regex) && !compiles(regex)) {
        throw propError(scope, `${prop}.validationRegex`, regex, 'a regular expression that compiles');
      }
      return {
        name,
        identitySources: [source],
        // A TOKEN authorizer reads the header the scheme names; identitySource is for REQUEST ones.
        scheme: customScheme(headerName(source), { type: 'token', ...common, identityValidationExpression: regex }),
      };
    }
    const sources = this.props.identitySources ?? [];
    sources.forEach((source, i) => checkSource(scope, `${prop}.identitySources[${i}]`, source, REQUEST_SOURCE,
      'method.request.header.NAME, method.request.querystring.NAME, stageVariables.NAME or context.NAME'));
    if (sources.length === 0 && ttl > 0) {
      throw propError(scope, `${prop}.identitySources`, sources, 'at least one identity source while results are cached (resultsCacheTtl above 0)');
    }
    return {
      name,
      identitySources: sources,
      scheme: customScheme('Unused', {
        type: 'request', ...common, identitySource: sources.length > 0 ? sources.join(', ') : undefined,
      }),
    };
  }

  private bindCognito(scope: IConstruct, prop: string): AuthorizerBinding {
    const pools = this.props.userPools ?? [];
    if (pools.length === 0) throw propError(scope, `${prop}.userPools`, pools, 'at least one user pool');
    const source = this.props.identitySource ?? 'method.request.header.Authorization';
    checkSource(scope, `${prop}.identitySource`, source, HEADER_SOURCE, 'method.request.header.NAME');
    return {
      name: this.authorizerName,
      identitySources: [source],
      scheme: {
        'type': 'apiKey',
        'name': headerName(source),
        'in': 'header',
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: pools.map(pool => pool.userPoolArn),
        },
      },
    };
  }
}

function customScheme(header: string, authorizer: { [key: string]: any }): { [key: string]: any } {
  return {
    'type': 'apiKey',
    'name': header,
    'in': 'header',
    'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': Object.fromEntries(Object.entries(authorizer).filter(([, v]) => v !== undefined)),
  };
}

function checkSource(scope: IConstruct, prop: string, source: string, pattern: RegExp, allowed: string): void {
  if (!Token.isUnresolved(source) && !pattern.test(source)) throw propError(scope, prop, source, allowed);
}

function headerName(source: string): string {
  return source.replace('method.request.header.', '');
}

function compiles(regex: string): boolean {
  try {
    new RegExp(regex);
    return true;
  } catch {
    return false;
  }
}
