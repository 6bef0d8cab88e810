import { Duration } from 'aws-cdk-lib';
import { ILocalHandler } from './gateway/lambda-functions';

/** Which API and stage a LocalGateway runs, and what its callers hold. */
export interface LocalGatewayOptions {
  /**
   * The stage requests go to.
   *
   * @default - the API's only stage, or `prod` (`$default` for an HTTP API)
   */
  readonly stage?: string;

  /**
   * The logical id of the API to run (a REST, HTTP or WebSocket API), when the template has several.
   *
   * @default - the template's only API
   */
  readonly api?: string;

  /**
   * Values of API keys, by name. A key of the template (named by its construct path or logical
   * id) that API Gateway generates, or reads from Secrets Manager, has the value given here; its
   * usage plans meter it. Any other name is a key made outside the template, admitted by every
   * route that requires a key and metered by no plan. A key the template writes in clear needs
   * no entry.
   *
   * @default - the keys whose values the template writes
   */
  readonly apiKeys?: { [apiKey: string]: string };

  /**
   * Access keys whose Signature Version 4 signatures IAM-authorized routes accept: a request
   * signed with one (its `Authorization` and `X-Amz-Date` headers, for the path it is sent to)
   * is made by the key's principal.
   *
   * @default - none: requests name their `iamPrincipal`
   */
  readonly iamCredentials?: LocalIamCredential[];

  /**
   * The seed of the random source that sends requests to a stage's canary (its percentage of
   * them), so a test's split is the same on every run.
   *
   * @default - Math.random
   */
  readonly canarySeed?: number;

  /**
   * The cloud assembly's directory (`cdk.out`), where a definition GatewayApi imports from S3
   * (one too large for the template) is read from its asset.
   *
   * @default - the directory `fromApi` synthesizes to; none for `fromTemplate`
   */
  readonly assemblyDirectory?: string;

  /**
   * An endpoint that serves AWS's APIs (an emulator, e.g. `http://localhost:4566`), where AWS
   * service integrations send the requests their mapping templates make, signed with
   * `awsCredentials`. Give `physicalIds` so the templates name the resources deployed there.
   *
   * @default - AWS service integrations go to `awsServices`
   */
  readonly awsEndpoint?: string;

  /**
   * The credentials that sign requests to `awsEndpoint` (the integration's role is not assumed).
   *
   * @default - access key `test`, secret `test` (an emulator's)
   */
  readonly awsCredentials?: LocalAwsCredentials;

  /**
   * A stand-in for the AWS services the API's integrations call: it gets each service request
   * the mapping templates made, and answers as the service would. A test records what was sent.
   *
   * @default - AWS service integrations go to `awsEndpoint`; without either, such a route fails the test, saying so
   */
  readonly awsServices?: ILocalAwsService;

  /**
   * Physical ids of the template's resources (by logical id or construct path) where they are
   * deployed, e.g. in an emulator: `Ref` gives them, and `Fn::GetAtt` the attributes that follow
   * from them (a queue's URL, name and ARN; a table's, a topic's, a bucket's, a state machine's
   * ARN ...). Lambda functions always run in the test's process.
   *
   * @default - stand-ins named after the logical ids
   */
  readonly physicalIds?: { [resource: string]: string };

  /**
   * Public keys (JSON Web Keys, RSA) that sign the tokens requests bring to Cognito user pool
   * authorizers, besides the gateway's own (which signs `userPoolToken`'s tokens).
   *
   * @default - the gateway's own key only
   */
  readonly jsonWebKeys?: any[];

  /**
   * Handlers of the Lambda functions the routes invoke, by the function's construct path (e.g.
   * `MyStack/PetsFunction`) or logical id. A function without one runs its inline Node.js code
   * from the template, with its environment variables.
   *
   * @default - every function runs its inline code
   */
  readonly handlers?: { [functionPathOrLogicalId: string]: ILocalHandler };

  /**
   * Where HTTP integrations are sent instead of their URLs' origins, e.g.
   * `{ 'https://legacy.example.com': 'http://127.0.0.1:8080' }` for a test's own server; and where
   * an HTTP API's private integration (through a VPC link) is sent, by its target's construct
   * path or logical id (a Cloud Map service, a load balancer's listener).
   *
   * @default - the URLs as the definition writes them; private integrations fail the test, saying so
   */
  readonly httpOrigins?: { [origin: string]: string };
}

/** A request's headers, body and caller. */
export interface LocalRequestOptions {
  /**
   * Request headers.
   *
   * @default - none
   */
  readonly headers?: { [name: string]: string };

  /**
   * The request body.
   *
   * @default - none
   */
  readonly body?: string;

  /**
   * The side of the stage's canary the request goes to: `true` the canary (with its stage
   * variable overrides), `false` the base.
   *
   * @default - the canary's percentage of requests, drawn at random
   */
  readonly canary?: boolean;

  /**
   * Whether `body` is the base64 encoding of the bytes sent (a binary body, e.g. an image).
   *
   * @default false
   */
  readonly isBase64Encoded?: boolean;

  /**
   * The IAM principal the request is signed as (an ARN, or any name): IAM-authorized routes
   * admit it, without a signature to check. Without it, they check the request's Signature
   * Version 4 against `iamCredentials`, and answer 403 as API Gateway does to an unsigned one.
   *
   * @default - the request is signed in its headers, or not at all
   */
  readonly iamPrincipal?: string;
}

/** A request an AWS integration makes of a service, after its mapping template. */
export interface LocalAwsRequest {
  /** The service of the integration's URI, e.g. `sqs`, `dynamodb`, `s3`. */
  readonly service: string;
  /**
   * The action, for an `action/NAME` URI (e.g. `PutItem`).
   *
   * @default - a `path/...` URI: the path says what is asked
   */
  readonly action?: string;
  /** The region of the URI. */
  readonly region: string;
  /** The HTTP method. */
  readonly method: string;
  /** The path (`/` for an action). */
  readonly path: string;
  /** The query string. */
  readonly query: { [name: string]: string };
  /** The headers, with `X-Amz-Target` and the content type a JSON-protocol action is sent with. */
  readonly headers: { [name: string]: string };
  /** The body the mapping template made. */
  readonly body: string;
}

/** A test's stand-in for AWS services: what AWS integrations call instead of AWS. */
export interface ILocalAwsService {
  /**
   * Answers one service request: `{ statusCode, headers, body }` (the status defaults to 200; a
   * body that is not a string is sent as JSON), or a promise of it.
   */
  call(request: LocalAwsRequest): any;
}

/** An access key that signs the local gateway's requests to an emulator's AWS APIs. */
export interface LocalAwsCredentials {
  /** The access key id. */
  readonly accessKeyId: string;

  /** The secret access key. */
  readonly secretAccessKey: string;
}

/** An access key the local gateway accepts signatures of, and whose they are. */
export interface LocalIamCredential {
  /** The access key id, e.g. `AKIAIOSFODNN7EXAMPLE`. */
  readonly accessKeyId: string;

  /** The secret access key that signs. */
  readonly secretAccessKey: string;

  /**
   * The principal the key belongs to, which `$context.identity.userArn` gives.
   *
   * @default - a user of the local account named after the key id
   */
  readonly principal?: string;
}

/** A Cognito user pool token the local gateway issues to a test. */
export interface LocalTokenOptions {
  /**
   * The user pool, by construct path or logical id.
   *
   * @default - the one user pool the API's authorizers name
   */
  readonly userPool?: string;

  /**
   * OAuth scopes: with scopes the token is an access token granting them, without it is an ID token.
   *
   * @default - an ID token
   */
  readonly scopes?: string[];

  /**
   * Claims of the token's, beside (or instead of) the standard ones (`sub`, `iss`, `token_use`, `exp` ...).
   *
   * @default - the standard claims, for user `local-user`
   */
  readonly claims?: { [claim: string]: any };

  /**
   * How long the token is valid from the gateway's clock.
   *
   * @default Duration.hours(1)
   */
  readonly expiresIn?: Duration;
}

/** A WebSocket client's handshake: its query string, headers and caller. */
export interface LocalConnectOptions {
  /**
   * The handshake's query string parameters (browsers put tokens there).
   *
   * @default - none
   */
  readonly query?: { [name: string]: string };

  /**
   * The handshake's headers.
   *
   * @default - none
   */
  readonly headers?: { [name: string]: string };

  /**
   * The IAM principal the handshake is signed as, for an IAM-authorized `$connect`.
   *
   * @default - not signed
   */
  readonly iamPrincipal?: string;
}
