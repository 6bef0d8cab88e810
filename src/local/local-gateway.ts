import { App, CfnElement, Duration, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Gatekeeper } from './access/gatekeeper';
import { SigningCredential } from './access/iam-signatures';
import { LambdaAuthorizers } from './access/lambda-authorizers';
import { Metering } from './access/usage-plans';
import { UserPoolAuthorizers } from './access/user-pools';
import { AwsServices } from './gateway/aws-integrations';
import { LocalClock } from './gateway/clock';
import { isBinary } from './gateway/integrations';
import { ILocalHandler, LocalFunctions } from './gateway/lambda-functions';
import { header, parseRequestLine } from './gateway/request-context';
import { ResponseCache } from './gateway/response-cache';
import { Router } from './gateway/router';
import { RestRuntime, handleRestRequest } from './rest-pipeline';
import { roleGrants } from './template/iam-grants';
import { LOCAL_ACCOUNT, TemplateJson } from './template/intrinsics';
import { ResourceNames } from './template/resource-names';
import { readRestApi } from './template/rest-api-reader';
import { readApiKeys } from './template/usage-plan-reader';

/** Which API and stage a LocalGateway runs, and what its callers hold. */
export interface LocalGatewayOptions {
  /**
   * The stage requests go to.
   *
   * @default - the API's only stage, or `prod`
   */
  readonly stage?: string;

  /**
   * The logical id of the REST API to run, when the template has several.
   *
   * @default - the template's only REST API
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
  readonly awsCredentials?: LocalIamCredential;

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
   * `{ 'https://legacy.example.com': 'http://127.0.0.1:8080' }` for a test's own server.
   *
   * @default - the URLs as the definition writes them
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

/** What the local gateway answered. */
export class LocalResponse {
  constructor(
    /** The status code. */
    public readonly statusCode: number,
    /** The response headers. */
    public readonly headers: { [name: string]: string },
    /** The body, as text; the base64 encoding of the bytes where `isBase64Encoded`. */
    public readonly body: string,
    /** Whether the body is binary, sent as bytes to an HTTP client: `body` holds their base64 encoding. */
    public readonly isBase64Encoded: boolean = false,
  ) {}

  /** The body parsed as JSON. */
  public json(): any {
    return JSON.parse(this.body);
  }
}

/**
 * A REST API's stage run in-process, as API Gateway would run it: routing, authorization by IAM
 * principal and API key, request validation, MOCK and HTTP integrations with their mapping
 * templates (VTL both ways), Lambda functions behind templates or as proxies (payload 1.0, the
 * function's inline code or a handler of the test's), stage variables,
 * `$context.responseOverride` and gateway responses. It reads
 * what GatewayApi synthesized, so a test exercises the API's own definition in milliseconds,
 * without a deployment.
 *
 * ```ts
 * const gateway = LocalGateway.fromApi(api, { stage: 'prod' });
 * void gateway.request('GET /health').then(response => response.statusCode);
 * ```
 */
export class LocalGateway {
  /** The gateway of a REST API in a synthesized template (a stack's template, as JSON). */
  public static fromTemplate(template: { [key: string]: any }, options: LocalGatewayOptions = {}): LocalGateway {
    return new LocalGateway(template as TemplateJson, options.api, options, {});
  }

  /**
   * The gateway of a GatewayApi (or of any construct whose default child is a REST API): its app
   * is synthesized to read the template.
   */
  public static fromApi(gatewayApi: IConstruct, options: LocalGatewayOptions = {}): LocalGateway {
    const stack = Stack.of(gatewayApi);
    const stage = Stage.of(stack) ?? App.of(stack);
    if (!stage) throw new Error(`LocalGateway: ${gatewayApi.node.path} is in no app to synthesize`);
    const assembly = (stage as Stage).synth();
    const template = assembly.getStackArtifact(stack.artifactId).template;
    const restApi = gatewayApi.node.defaultChild;
    const logicalId = options.api ?? (restApi instanceof CfnElement ? stack.getLogicalId(restApi) : undefined);
    // Construct paths name functions for the handlers option, with or without the template's path metadata.
    const paths = Object.fromEntries(stack.node.findAll().filter((c): c is CfnElement => c instanceof CfnElement)
      .map(element => [element.node.path, stack.getLogicalId(element)]));
    return new LocalGateway(template, logicalId, { assemblyDirectory: assembly.directory, ...options }, paths);
  }

  private readonly clock = new LocalClock();
  private readonly names: ResourceNames;
  private readonly userPools: UserPoolAuthorizers;
  private readonly runtime: RestRuntime;

  private constructor(synthesized: TemplateJson, apiLogicalId: string | undefined, options: LocalGatewayOptions, paths: { [path: string]: string }) {
    this.names = new ResourceNames(synthesized, paths);
    const template = withPhysicalIds(synthesized, this.names, options.physicalIds ?? {});
    const api = readRestApi(template, apiLogicalId, options.assemblyDirectory);
    const names = [...api.stages.keys()];
    const name = options.stage ?? (names.length === 1 ? names[0] : 'prod');
    const stage = api.stages.get(name);
    if (!stage) throw new Error(`LocalGateway: ${api.logicalId} has no stage ${name}; its stages: ${names.join(', ') || 'none'}`);
    const functions = new LocalFunctions(template, options.handlers ?? {}, this.names);
    this.userPools = new UserPoolAuthorizers(options.jsonWebKeys ?? [], this.clock);
    const keyValues: { [logicalId: string]: string } = {};
    const outsideKeys: string[] = [];
    for (const [key, value] of Object.entries(options.apiKeys ?? {})) {
      const logicalId = this.names.logicalIdOf(key);
      if (logicalId === undefined) outsideKeys.push(value);
      else keyValues[logicalId] = value;
    }
    this.runtime = {
      api,
      stage,
      router: new Router(api.definition.paths ?? {}),
      backends: { functions, origins: options.httpOrigins ?? {}, aws: awsServices(options) },
      gatekeeper: new Gatekeeper(api.definition, new LambdaAuthorizers(functions, this.clock), this.userPools,
        signingCredentials(options), this.clock),
      metering: new Metering(stage, readApiKeys(template, api.logicalId, stage, keyValues), outsideKeys, this.clock),
      cache: new ResponseCache(stage, this.clock),
      grants: roleGrants(template),
      logicalIdOf: resource => this.names.logicalIdOf(resource),
    };
  }

  /**
   * Sends a request, e.g. `request('GET /pets/7?verbose=true', { headers: { Accept: 'application/json' } })`,
   * and answers what API Gateway would.
   *
   * @param requestLine the method and the path within the stage, with its query string
   */
  public async request(requestLine: string, options: LocalRequestOptions = {}): Promise<LocalResponse> {
    const { method, path, query } = parseRequestLine(requestLine);
    const headers = options.headers ?? {};
    const request = { method, path, query, headers, body: this.bodyText(headers, options.body ?? '', options.isBase64Encoded ?? false) };
    const response = await handleRestRequest(this.runtime, request, options.iamPrincipal);
    return new LocalResponse(response.statusCode, response.headers, response.body, response.base64 ?? false);
  }

  /** A body as the gateway reads it: text, or for a binary media type its bytes one character each (latin1). */
  private bodyText(headers: { [name: string]: string }, body: string, base64: boolean): string {
    if (!base64) return body;
    const contentType = (header(headers, 'Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    return Buffer.from(body, 'base64').toString(isBinary(contentType, this.runtime.api.binaryMediaTypes) ? 'latin1' : 'utf8');
  }

  /**
   * A token of a Cognito user pool the API's authorizers trust, signed by the gateway's own key:
   * an ID token, or an access token granting `scopes`. Send it in the authorizer's header
   * (`Authorization`).
   */
  public userPoolToken(options: LocalTokenOptions = {}): string {
    const pools = [...new Set(Object.values<any>(this.runtime.api.definition.components?.securitySchemes ?? {})
      .flatMap(scheme => scheme['x-amazon-apigateway-authorizer']?.providerARNs ?? []) as string[])];
    let arn: string | undefined;
    if (options.userPool !== undefined) {
      const logicalId = this.names.logicalIdOf(options.userPool);
      arn = pools.find(pool => logicalId !== undefined && pool.endsWith(`/${logicalId}`)) ?? pools.find(pool => pool === options.userPool);
      if (!arn) throw new Error(`LocalGateway: userPool ${options.userPool} is none of the pools the API's authorizers name: ${pools.join(', ') || 'none'}`);
    } else {
      if (pools.length !== 1) throw new Error(`LocalGateway: name the userPool of the token: the API's authorizers name ${pools.join(', ') || 'no user pool'}`);
      arn = pools[0];
    }
    const lifetimeSeconds = (options.expiresIn ?? Duration.hours(1)).toSeconds();
    return this.userPools.issue(arn, { scopes: options.scopes ?? [], claims: options.claims ?? {}, lifetimeSeconds });
  }

  /**
   * Moves the gateway's clock forward, as if that much time had passed: cached authorizer
   * results and tokens expire, throttling buckets refill, quotas renew.
   */
  public advanceClock(duration: Duration): void {
    this.clock.advance(duration.toMilliseconds());
  }
}

function signingCredentials(options: LocalGatewayOptions): { [accessKeyId: string]: SigningCredential } {
  return Object.fromEntries((options.iamCredentials ?? []).map(c => [c.accessKeyId, {
    secretAccessKey: c.secretAccessKey,
    principal: c.principal ?? `arn:aws:iam::${LOCAL_ACCOUNT}:user/${c.accessKeyId}`,
  }]));
}

/** The template with the physical ids the test gives (by logical id or construct path); Lambda functions keep running locally. */
function withPhysicalIds(template: TemplateJson, names: ResourceNames, physicalIds: { [name: string]: string }): TemplateJson {
  const ids: { [logicalId: string]: string } = {};
  for (const [name, physicalId] of Object.entries(physicalIds)) {
    const logicalId = names.logicalIdOf(name);
    if (logicalId === undefined) throw new Error(`LocalGateway: physicalIds names ${name}, which is no resource of the template (by logical id or construct path)`);
    if (template.Resources?.[logicalId]?.Type !== 'AWS::Lambda::Function') ids[logicalId] = physicalId;
  }
  return Object.keys(ids).length === 0 ? template : { ...template, PhysicalIds: ids };
}

function awsServices(options: LocalGatewayOptions): AwsServices {
  const standIn = options.awsServices;
  return {
    endpoint: options.awsEndpoint,
    credentials: options.awsCredentials ?? { accessKeyId: 'test', secretAccessKey: 'test' },
    standIn: standIn && (async request => {
      const answer = await standIn.call({ ...request, query: { ...request.query }, headers: { ...request.headers } });
      const body = answer?.body;
      return {
        statusCode: Number(answer?.statusCode ?? 200),
        headers: { ...answer?.headers },
        body: body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body),
      };
    }),
  };
}
