import { Duration, Stack, Token, aws_cognito as cognito, aws_lambda as lambda } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkIntegerInRange, checkPattern } from '../core/checks';
import { propError } from '../core/errors';

const DEFAULT_IDENTITY_SOURCE = '$request.header.Authorization';

/** API Gateway's quota of audiences (client ids) per JWT authorizer. */
const MAX_JWT_AUDIENCES = 50;
/** `$request.header.X`, `$request.querystring.X`, `$context.X` or `$stageVariables.X`. */
const IDENTITY_SOURCE = /^\$(request\.(header|querystring)\.[A-Za-z0-9._-]+|context\.[A-Za-z0-9._-]+|stageVariables\.[A-Za-z0-9._-]+)$/;
const IDENTITY_SOURCE_ALLOWED = '$request.header.<name>, $request.querystring.<name>, $context.<variable> or $stageVariables.<name>';
const AUTHORIZER_NAME = /^[a-zA-Z0-9._-]{1,128}$/;
const DEFAULT_RESULTS_CACHE_TTL_SECONDS = 300;
const MAX_RESULTS_CACHE_TTL_SECONDS = 3600;

/** A JWT authorizer: API Gateway validates the token against the issuer's keys itself. */
export interface JwtAuthorizerProps {
  /** The token issuer, e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc` or an OIDC provider's URL. */
  readonly issuer: string;

  /** Accepted audiences: a token's `aud` (or, for Cognito access tokens, `client_id`) must be one of them. */
  readonly audience: string[];

  /**
   * Where the token is read.
   *
   * @default '$request.header.Authorization'
   */
  readonly identitySource?: string;

  /**
   * The authorizer's name, unique within the API.
   *
   * @default 'jwt'
   */
  readonly authorizerName?: string;
}

/** A Cognito user pool as a JWT issuer. */
export interface HttpCognitoAuthorizerProps {
  /** The user pool whose tokens are accepted. */
  readonly userPool: cognito.IUserPool;

  /** The app clients whose tokens are accepted. */
  readonly clients: cognito.IUserPoolClient[];

  /**
   * The authorizer's name, unique within the API.
   *
   * @default 'cognito'
   */
  readonly authorizerName?: string;
}

/** A Lambda authorizer of an HTTP API (payload format 2.0). */
export interface HttpLambdaAuthorizerProps {
  /**
   * What identifies a caller, e.g. `$request.header.Authorization`. Results are cached per
   * combination; a request lacking one is refused with 401 without calling the function.
   *
   * @default ['$request.header.Authorization']
   */
  readonly identitySources?: string[];

  /**
   * How long API Gateway caches the function's answer (0 to 3600 seconds; 0 turns caching off).
   *
   * @default Duration.minutes(5)
   */
  readonly resultsCacheTtl?: Duration;

  /**
   * Whether the function answers `{ isAuthorized, context }` rather than an IAM policy.
   *
   * @default true
   */
  readonly simpleResponses?: boolean;

  /**
   * The authorizer's name, unique within the API.
   *
   * @default - the function's construct id followed by `-authorizer`
   */
  readonly authorizerName?: string;
}

/** An authorizer of an HTTP API as its resource needs it. @internal */
export interface HttpAuthorizerConfig {
  readonly authorizerType: 'JWT' | 'REQUEST';
  readonly identitySource: string[];
  readonly jwtConfiguration?: { issuer: string; audience: string[] };
  readonly function?: lambda.IFunction;
  readonly resultsCacheTtlSeconds?: number;
  readonly simpleResponses?: boolean;
}

/** Judges callers of HTTP API routes: JWT (any OIDC issuer, Cognito included) or a Lambda function. */
export class HttpAuthorizer {
  /** Tokens from an OpenID Connect issuer, validated by API Gateway. */
  public static jwt(props: JwtAuthorizerProps): HttpAuthorizer {
    return new HttpAuthorizer('JWT', props.authorizerName ?? 'jwt', scope => {
      const prop = 'HttpAuthorizer.jwt(…)';
      checkPattern(scope, `${prop}.issuer`, props.issuer, /^https:\/\/[^\s/]+(\/\S*)?$/, 'an https URL, e.g. https://auth.example.com/');
      if (!Token.isUnresolved(props.audience) && props.audience.length === 0) {
        throw propError(scope, `${prop}.audience`, props.audience, 'at least one audience (a client id)');
      }
      if (!Token.isUnresolved(props.audience) && props.audience.length > MAX_JWT_AUDIENCES) {
        throw propError(scope, `${prop}.audience`, `${props.audience.length} audiences`, `at most ${MAX_JWT_AUDIENCES} (API Gateway's quota per JWT authorizer)`);
      }
      const source = props.identitySource ?? DEFAULT_IDENTITY_SOURCE;
      checkPattern(scope, `${prop}.identitySource`, source, IDENTITY_SOURCE, IDENTITY_SOURCE_ALLOWED);
      return { authorizerType: 'JWT', identitySource: [source], jwtConfiguration: { issuer: props.issuer, audience: props.audience } };
    });
  }

  /** Tokens of a Cognito user pool's app clients: a JWT authorizer with the pool as issuer. */
  public static cognito(props: HttpCognitoAuthorizerProps): HttpAuthorizer {
    const name = props.authorizerName ?? 'cognito';
    return new HttpAuthorizer('JWT', name, scope => {
      if (props.clients.length === 0) throw propError(scope, 'HttpAuthorizer.cognito(…).clients', [], 'at least one app client');
      if (props.clients.length > MAX_JWT_AUDIENCES) {
        throw propError(scope, 'HttpAuthorizer.cognito(…).clients', `${props.clients.length} clients`, `at most ${MAX_JWT_AUDIENCES} (API Gateway's quota of audiences per JWT authorizer)`);
      }
      const region = Stack.of(props.userPool).region;
      return {
        authorizerType: 'JWT',
        identitySource: [DEFAULT_IDENTITY_SOURCE],
        jwtConfiguration: {
          issuer: `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
          audience: props.clients.map(c => c.userPoolClientId),
        },
      };
    });
  }

  /** A Lambda function judges each request (REQUEST authorizer, payload format 2.0). */
  public static lambda(fn: lambda.IFunction, props: HttpLambdaAuthorizerProps = {}): HttpAuthorizer {
    const name = props.authorizerName ?? `${fn.node.id}-authorizer`;
    return new HttpAuthorizer('CUSTOM', name, scope => {
      const prop = 'HttpAuthorizer.lambda(…)';
      const sources = props.identitySources ?? [DEFAULT_IDENTITY_SOURCE];
      sources.forEach((s, i) => checkPattern(scope, `${prop}.identitySources[${i}]`, s, IDENTITY_SOURCE, IDENTITY_SOURCE_ALLOWED));
      const ttl = props.resultsCacheTtl?.toSeconds() ?? DEFAULT_RESULTS_CACHE_TTL_SECONDS;
      checkIntegerInRange(scope, `${prop}.resultsCacheTtl`, ttl, 0, MAX_RESULTS_CACHE_TTL_SECONDS, 'seconds');
      if (sources.length === 0 && ttl > 0) {
        throw propError(scope, `${prop}.identitySources`, [], 'at least one identity source while results are cached (the cache key)');
      }
      return {
        authorizerType: 'REQUEST',
        identitySource: sources,
        function: fn,
        resultsCacheTtlSeconds: ttl,
        simpleResponses: props.simpleResponses ?? true,
      };
    });
  }

  /** The authorizer's name, unique within an API. */
  public readonly authorizerName: string;
  /** The route authorization type it gives: `JWT` or `CUSTOM`. */
  public readonly authorizationType: string;

  private constructor(authorizationType: string, name: string, private readonly bind: (scope: IConstruct) => HttpAuthorizerConfig) {
    this.authorizationType = authorizationType;
    this.authorizerName = name;
  }

  /** Validates the authorizer for an API and returns what its resource needs. @internal */
  public _bind(scope: IConstruct): HttpAuthorizerConfig {
    checkPattern(scope, 'authorizerName', this.authorizerName, AUTHORIZER_NAME, 'letters, digits, ".", "_" and "-", 1 to 128 characters');
    return this.bind(scope);
  }
}

/**
 * Who may call an HTTP API route. Routes are IAM-authorized unless they say otherwise;
 * opening one takes `HttpAuthorization.none(reason)`, whose reason acknowledges, for that
 * route alone, the policy rules' finding that it is open.
 */
export class HttpAuthorization {
  /** Callers sign requests with AWS Signature Version 4; allow them with `api.grantInvoke(principal)`. */
  public static iam(): HttpAuthorization {
    return new HttpAuthorization('AWS_IAM');
  }

  /**
   * Anyone may call the route.
   *
   * @param reason why the route is public; it acknowledges, for this route only, the finding that it is open
   */
  public static none(reason: string): HttpAuthorization {
    return new HttpAuthorization('NONE', undefined, undefined, reason);
  }

  /**
   * A JWT or Lambda authorizer judges the caller.
   *
   * @param authorizer the authorizer, shared by every route that names it
   * @param scopes OAuth scopes the token must carry, any one of them (JWT authorizers only)
   */
  public static authorizer(authorizer: HttpAuthorizer, scopes?: string[]): HttpAuthorization {
    return new HttpAuthorization(authorizer.authorizationType, authorizer, scopes);
  }

  /** The route's authorization type: `AWS_IAM`, `JWT`, `CUSTOM` or `NONE`. */
  public readonly authorizationType: string;
  /** The authorizer, for `JWT` and `CUSTOM`. @internal */
  public readonly _authorizer?: HttpAuthorizer;
  /** The OAuth scopes, for JWT authorizers. @internal */
  public readonly _scopes?: string[];
  /** Why an open route is open. @internal */
  public readonly _reason?: string;

  private constructor(authorizationType: string, authorizer?: HttpAuthorizer, scopes?: string[], reason?: string) {
    this.authorizationType = authorizationType;
    this._authorizer = authorizer;
    this._scopes = scopes;
    this._reason = reason;
  }
}
