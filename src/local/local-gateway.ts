import { App, CfnElement, Duration, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { UserPoolAuthorizers, userPoolIssuer } from './access/user-pools';
import { LocalClock } from './gateway/clock';
import { isTextual } from './gateway/http-api-events';
import { isBinary } from './gateway/integrations';
import { header, parseRequestLine } from './gateway/request-context';
import { HttpRuntime, handleHttpRequest } from './http-pipeline';
import { LocalConnection } from './local-connection';
import { LocalConnectOptions, LocalGatewayOptions, LocalRequestOptions, LocalTokenOptions } from './local-options';
import { RestRuntime, handleRestRequest } from './rest-pipeline';
import { chooseApi, httpRuntime, restRuntime, webSocketRuntime, withPhysicalIds } from './runtimes';
import { TemplateJson } from './template/intrinsics';
import { ResourceNames } from './template/resource-names';
import { WebSocketRuntime, connect } from './websocket-session';

export * from './local-options';
export * from './local-connection';

/** What the local gateway answered. */
export class LocalResponse {
  /** @internal */
  public static _of(statusCode: number, headers: { [name: string]: string }, body: string, isBase64Encoded: boolean): LocalResponse {
    return new LocalResponse(statusCode, headers, body, isBase64Encoded);
  }

  private constructor(
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
 * A REST, HTTP or WebSocket API's stage run in-process, as API Gateway would run it: routing, request
 * validation, authorization (IAM signatures, Cognito and JWT tokens, Lambda authorizers), API
 * keys, usage plans and throttles, the stage's cache, MOCK, HTTP, AWS service and Lambda
 * integrations with their mapping templates (VTL both ways), CORS, stage variables and gateway
 * responses. It reads what GatewayApi synthesized, so a test exercises the API's own
 * definition in milliseconds, without a deployment.
 *
 * ```ts
 * const gateway = LocalGateway.fromApi(api, { stage: 'prod' });
 * void gateway.request('GET /health').then(response => response.statusCode);
 * ```
 */
export class LocalGateway {
  /** The gateway of a REST, HTTP or WebSocket API in a synthesized template (a stack's template, as JSON). */
  public static fromTemplate(template: { [key: string]: any }, options: LocalGatewayOptions = {}): LocalGateway {
    return new LocalGateway(template as TemplateJson, options.api, options, {});
  }

  /**
   * The gateway of a GatewayApi, GatewayHttpApi or GatewayWebSocketApi (or of any construct whose
   * default child is such an API): its app is synthesized to read the template.
   */
  public static fromApi(gatewayApi: IConstruct, options: LocalGatewayOptions = {}): LocalGateway {
    const stack = Stack.of(gatewayApi);
    const stage = Stage.of(stack) ?? App.of(stack);
    if (!stage) throw new Error(`LocalGateway: ${gatewayApi.node.path} is in no app to synthesize`);
    const assembly = (stage as Stage).synth();
    const template = assembly.getStackArtifact(stack.artifactId).template;
    const restApi = gatewayApi.node.defaultChild;
    const logicalId = options.api ?? (restApi instanceof CfnElement ? String(stack.resolve(restApi.logicalId)) : undefined);
    // Construct paths name functions for the handlers option, with or without the template's path metadata.
    const paths = Object.fromEntries(stack.node.findAll().filter((c): c is CfnElement => c instanceof CfnElement)
      .map(element => [element.node.path, String(stack.resolve(element.logicalId))]));
    return new LocalGateway(template, logicalId, { assemblyDirectory: assembly.directory, ...options }, paths);
  }

  private readonly clock = new LocalClock();
  private readonly names: ResourceNames;
  private readonly userPools: UserPoolAuthorizers;
  private readonly runtime:
  | { readonly kind: 'rest'; readonly rest: RestRuntime }
  | { readonly kind: 'http'; readonly http: HttpRuntime }
  | { readonly kind: 'websocket'; readonly websocket: WebSocketRuntime };

  private constructor(synthesized: TemplateJson, apiLogicalId: string | undefined, options: LocalGatewayOptions, paths: { [path: string]: string }) {
    this.names = new ResourceNames(synthesized, paths);
    const template = withPhysicalIds(synthesized, this.names, options.physicalIds ?? {});
    this.userPools = new UserPoolAuthorizers(options.jsonWebKeys ?? [], this.clock);
    const setting = { template, names: this.names, clock: this.clock, userPools: this.userPools, options };
    const api = chooseApi(template, apiLogicalId);
    this.runtime = api.kind === 'rest' ? { kind: 'rest', rest: restRuntime(setting, api.logicalId) }
      : api.kind === 'http' ? { kind: 'http', http: httpRuntime(setting, api.logicalId) }
        : { kind: 'websocket', websocket: webSocketRuntime(setting, api.logicalId) };
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
    if (this.runtime.kind === 'websocket') throw new Error('LocalGateway: a WebSocket API takes connections: use connect()');
    const response = this.runtime.kind === 'rest'
      ? await handleRestRequest(this.runtime.rest, request, options.iamPrincipal, options.canary)
      : await handleHttpRequest(this.runtime.http, request, options.iamPrincipal);
    return LocalResponse._of(response.statusCode, response.headers, response.body, response.base64 ?? false);
  }

  /** A body as the gateway reads it: text, or for a binary media type its bytes one character each (latin1). */
  private bodyText(headers: { [name: string]: string }, body: string, base64: boolean): string {
    if (!base64) return body;
    const contentType = (header(headers, 'Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    // A REST API reads a body as bytes for its binary media types; an HTTP API for every type that is not text.
    const binary = this.runtime.kind === 'rest' ? isBinary(contentType, this.runtime.rest.api.binaryMediaTypes) : !isTextual(contentType);
    return Buffer.from(body, 'base64').toString(binary ? 'latin1' : 'utf8');
  }

  /**
   * Opens a connection to a WebSocket API, e.g. `connect({ query: { token: 'allow' } })`: its
   * `$connect` route's authorizer and integration run, and the connection's `statusCode` says
   * whether it opened.
   */
  public async connect(options: LocalConnectOptions = {}): Promise<LocalConnection> {
    if (this.runtime.kind !== 'websocket') throw new Error('LocalGateway: connect() opens WebSocket connections; this API takes requests: use request()');
    const request = { method: 'GET', path: '/', query: options.query ?? {}, headers: options.headers ?? {}, body: '' };
    const handshake = await connect(this.runtime.websocket, request, options.iamPrincipal);
    return LocalConnection._of(handshake.statusCode, this.runtime.websocket, handshake.connection);
  }

  /**
   * What the `@connections` API does with a post: the data goes to the client of the connection.
   * A handler of the test's calls it where its function would call `PostToConnection`; a
   * connection that is closed or unknown is gone (an error, as AWS's GoneException).
   */
  public postToConnection(connectionId: string, data: string): void {
    if (this.runtime.kind !== 'websocket') throw new Error('LocalGateway: postToConnection posts to WebSocket connections; this API is not a WebSocket API');
    const connection = this.runtime.websocket.connections.get(connectionId);
    if (!connection || !connection.open) throw new Error(`GoneException: connection ${connectionId} is gone`);
    connection.received.push(data);
  }

  /**
   * A token of a Cognito user pool the API's authorizers trust, signed by the gateway's own key:
   * an ID token, or an access token granting `scopes`. Send it in the authorizer's header
   * (`Authorization`).
   */
  public userPoolToken(options: LocalTokenOptions = {}): string {
    const pools = this.userPoolIssuers();
    let pool: { issuer: string; client?: string } | undefined;
    if (options.userPool !== undefined) {
      const logicalId = this.names.logicalIdOf(options.userPool) ?? options.userPool;
      pool = pools.find(p => p.issuer.endsWith(`/${logicalId}`));
      if (!pool) throw new Error(`LocalGateway: userPool ${options.userPool} is none of the pools the API's authorizers name: ${pools.map(p => p.issuer).join(', ') || 'none'}`);
    } else {
      if (pools.length !== 1) throw new Error(`LocalGateway: name the userPool of the token: the API's authorizers name ${pools.map(p => p.issuer).join(', ') || 'no user pool'}`);
      pool = pools[0];
    }
    const lifetimeSeconds = (options.expiresIn ?? Duration.hours(1)).toSeconds();
    return this.userPools.issue(pool.issuer, { scopes: options.scopes ?? [], claims: options.claims ?? {}, lifetimeSeconds }, pool.client);
  }

  /** The user pools the API's authorizers trust (their token issuers), with the app client a JWT authorizer expects. */
  private userPoolIssuers(): { issuer: string; client?: string }[] {
    const pools = new Map<string, string | undefined>();
    if (this.runtime.kind === 'rest') {
      for (const scheme of Object.values<any>(this.runtime.rest.api.definition.components?.securitySchemes ?? {})) {
        for (const arn of scheme['x-amazon-apigateway-authorizer']?.providerARNs ?? []) pools.set(userPoolIssuer(String(arn)), undefined);
      }
    } else if (this.runtime.kind === 'http') {
      for (const route of this.runtime.http.api.routes) {
        const jwt = route.authorizationType === 'JWT' ? route.authorizer?.JwtConfiguration : undefined;
        if (jwt?.Issuer && String(jwt.Issuer).startsWith('https://cognito-idp.')) pools.set(String(jwt.Issuer), jwt.Audience?.[0]);
      }
    }
    return [...pools.entries()].map(([issuer, client]) => ({ issuer, client }));
  }

  /**
   * Moves the gateway's clock forward, as if that much time had passed: cached authorizer
   * results and tokens expire, throttling buckets refill, quotas renew.
   */
  public advanceClock(duration: Duration): void {
    this.clock.advance(duration.toMilliseconds());
  }
}
