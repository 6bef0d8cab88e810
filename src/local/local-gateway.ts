import { App, CfnElement, Duration, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { UserPoolAuthorizers, userPoolIssuer } from './access/user-pools';
import { LocalClock } from './gateway/clock';
import { isBinary } from './gateway/integrations';
import { header, parseRequestLine } from './gateway/request-context';
import { HttpRuntime, handleHttpRequest } from './http-pipeline';
import { LocalGatewayOptions, LocalRequestOptions, LocalTokenOptions } from './local-options';
import { RestRuntime, handleRestRequest } from './rest-pipeline';
import { chooseApi, httpRuntime, restRuntime, withPhysicalIds } from './runtimes';
import { TemplateJson } from './template/intrinsics';
import { ResourceNames } from './template/resource-names';

export * from './local-options';

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
 * A REST or HTTP API's stage run in-process, as API Gateway would run it: routing, request
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
  /** The gateway of a REST or HTTP API in a synthesized template (a stack's template, as JSON). */
  public static fromTemplate(template: { [key: string]: any }, options: LocalGatewayOptions = {}): LocalGateway {
    return new LocalGateway(template as TemplateJson, options.api, options, {});
  }

  /**
   * The gateway of a GatewayApi or GatewayHttpApi (or of any construct whose default child is a
   * REST or HTTP API): its app is synthesized to read the template.
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
  private readonly runtime: { readonly kind: 'rest'; readonly rest: RestRuntime } | { readonly kind: 'http'; readonly http: HttpRuntime };

  private constructor(synthesized: TemplateJson, apiLogicalId: string | undefined, options: LocalGatewayOptions, paths: { [path: string]: string }) {
    this.names = new ResourceNames(synthesized, paths);
    const template = withPhysicalIds(synthesized, this.names, options.physicalIds ?? {});
    this.userPools = new UserPoolAuthorizers(options.jsonWebKeys ?? [], this.clock);
    const setting = { template, names: this.names, clock: this.clock, userPools: this.userPools, options };
    const api = chooseApi(template, apiLogicalId);
    this.runtime = api.kind === 'rest' ? { kind: 'rest', rest: restRuntime(setting, api.logicalId) } : { kind: 'http', http: httpRuntime(setting, api.logicalId) };
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
    const response = this.runtime.kind === 'rest'
      ? await handleRestRequest(this.runtime.rest, request, options.iamPrincipal)
      : await handleHttpRequest(this.runtime.http, request, options.iamPrincipal);
    return new LocalResponse(response.statusCode, response.headers, response.body, response.base64 ?? false);
  }

  /** A body as the gateway reads it: text, or for a binary media type its bytes one character each (latin1). */
  private bodyText(headers: { [name: string]: string }, body: string, base64: boolean): string {
    if (!base64) return body;
    const contentType = (header(headers, 'Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    const binaryTypes = this.runtime.kind === 'rest' ? this.runtime.rest.api.binaryMediaTypes : [];
    return Buffer.from(body, 'base64').toString(isBinary(contentType, binaryTypes) ? 'latin1' : 'utf8');
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
    } else {
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
