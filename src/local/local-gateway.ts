import { App, CfnElement, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ILocalHandler, LocalFunctions } from './gateway/lambda-functions';
import { parseRequestLine } from './gateway/request-context';
import { handleRestRequest } from './gateway/rest-pipeline';
import { Router } from './gateway/router';
import { TemplateJson } from './template/intrinsics';
import { LocalRestApi, LocalStage, readRestApi } from './template/rest-api-reader';

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
   * The API keys the callers' world holds: a route that requires a key admits a request whose
   * `x-api-key` header is one of them.
   *
   * @default - none
   */
  readonly apiKeys?: string[];

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
   * The IAM principal the request is signed as (an ARN, or any name): IAM-authorized routes
   * admit it; without it, they answer 403 as API Gateway does to an unsigned request.
   *
   * @default - the request is not signed
   */
  readonly iamPrincipal?: string;
}

/** What the local gateway answered. */
export class LocalResponse {
  constructor(
    /** The status code. */
    public readonly statusCode: number,
    /** The response headers. */
    public readonly headers: { [name: string]: string },
    /** The body, as text. */
    public readonly body: string,
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
    return new LocalGateway(template as TemplateJson, readRestApi(template as TemplateJson, options.api), options, {});
  }

  /**
   * The gateway of a GatewayApi (or of any construct whose default child is a REST API): its app
   * is synthesized to read the template.
   */
  public static fromApi(gatewayApi: IConstruct, options: LocalGatewayOptions = {}): LocalGateway {
    const stack = Stack.of(gatewayApi);
    const stage = Stage.of(stack) ?? App.of(stack);
    if (!stage) throw new Error(`LocalGateway: ${gatewayApi.node.path} is in no app to synthesize`);
    const template = (stage as Stage).synth().getStackArtifact(stack.artifactId).template;
    const restApi = gatewayApi.node.defaultChild;
    const logicalId = options.api ?? (restApi instanceof CfnElement ? stack.getLogicalId(restApi) : undefined);
    // Construct paths name functions for the handlers option, with or without the template's path metadata.
    const paths = Object.fromEntries(stack.node.findAll().filter((c): c is CfnElement => c instanceof CfnElement)
      .map(element => [element.node.path, stack.getLogicalId(element)]));
    return new LocalGateway(template, readRestApi(template, logicalId), options, paths);
  }

  private readonly router: Router;
  private readonly stage: LocalStage;
  private readonly functions: LocalFunctions;

  private constructor(
    template: TemplateJson, private readonly api: LocalRestApi, private readonly options: LocalGatewayOptions, paths: { [path: string]: string },
  ) {
    this.router = new Router(api.definition.paths ?? {});
    this.functions = new LocalFunctions(template, options.handlers ?? {}, paths);
    const names = [...api.stages.keys()];
    const name = options.stage ?? (names.length === 1 ? names[0] : 'prod');
    const stage = api.stages.get(name);
    if (!stage) throw new Error(`LocalGateway: ${api.logicalId} has no stage ${name}; its stages: ${names.join(', ') || 'none'}`);
    this.stage = stage;
  }

  /**
   * Sends a request, e.g. `request('GET /pets/7?verbose=true', { headers: { Accept: 'application/json' } })`,
   * and answers what API Gateway would.
   *
   * @param requestLine the method and the path within the stage, with its query string
   */
  public async request(requestLine: string, options: LocalRequestOptions = {}): Promise<LocalResponse> {
    const { method, path, query } = parseRequestLine(requestLine);
    const request = { method, path, query, headers: options.headers ?? {}, body: options.body ?? '' };
    const caller = { apiKeys: this.options.apiKeys ?? [], iamPrincipal: options.iamPrincipal };
    const backends = { functions: this.functions, origins: this.options.httpOrigins ?? {} };
    const response = await handleRestRequest(this.api, this.router, this.stage, request, caller, backends);
    return new LocalResponse(response.statusCode, response.headers, response.body);
  }
}
