import { Lazy, Stack, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_sns as sns, aws_ec2 as ec2, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { GatewayHttpApiProps } from './gateway-http-api-props';
import { HttpAuthorization, HttpAuthorizer, HttpAuthorizerConfig } from './http-authorizer';
import { IHttpGatewayStage } from './http-gateway-stage';
import { HttpIntegration } from './http-integration';
import { HTTP_MAX_TIMEOUT_MS, checkHttpIntegrationConfig, payloadFormatVersionOf } from './http-integration-config';
import { HttpRouteOptions } from './http-route-options';
import { HttpApiStage } from './http-stage';
import { HttpStageOptions } from './http-stage-options';
import { renderResponseParameters } from './parameter-mapping';
import { grantExecuteApi } from '../auth/execute-api-grant';
import { acknowledgeOpenRoute, requiredReason } from '../auth/open-route';
import { propError } from '../core/errors';
import { lambdaInvocationUri } from '../core/lambda-uri';
import { checkedIpAddressType } from '../endpoint/endpoint';
import { VpcLinks } from '../integrations/vpc-links';
import { CorsModel } from '../model/api-model';
import { toCorsModel } from '../model/cors-model';
import { DEFAULT_ROUTE_KEY, V2Protocol, V2RouteAuthorizer } from '../model/v2-route-table';
import { clientServers } from '../openapi/client-document';
import { writeDocumentAtSynth } from '../openapi/document-file';
import { httpClientDocument } from '../openapi/http-document';
import { Compliance } from '../policy/compliance';
import { DomainFront } from '../stage/domain-front';
import { HTTP_DEFAULT_STAGE_NAME } from '../stage/stage-name';
import { V2ApiCore } from '../v2/v2-api-core';


/** An authorizer of the API: its resource, and what the OpenAPI document says of it. */
interface BoundAuthorizer {
  readonly authorizer: HttpAuthorizer;
  readonly resource: apigwv2.CfnAuthorizer;
  readonly document: V2RouteAuthorizer;
}
const MAX_CORS_AGE_SECONDS = 86400;

/**
 * A production-grade Amazon API Gateway HTTP API: routes with Lambda (payload format 2.0) and
 * HTTP integrations, IAM, JWT and Lambda authorizers with an API-wide default, CORS, and
 * auto-deployed stages with JSON access logs, detailed metrics and throttling per stage and route.
 *
 * ```ts
 * const api = new GatewayHttpApi(this, 'Api', {
 *   defaultAuthorization: HttpAuthorization.authorizer(HttpAuthorizer.cognito({ userPool, clients: [client] })),
 *   routes: { 'GET /items/{id}': { integration: HttpIntegration.lambda(itemsFn) } },
 * });
 * ```
 */
export class GatewayHttpApi extends Construct {
  /** The API resource. */
  public readonly httpApi: apigwv2.CfnApi;
  /** The id of the API. */
  public readonly apiId: string;
  /** The compliance standard the API is built for. */
  public readonly compliance: Compliance;
  /** The API's CloudWatch dashboard, unless `dashboard` is false. */
  public readonly dashboard?: cloudwatch.Dashboard;

  /**
   * The stack's topic the API's alarms notify, when the API names no `alarmActions` (one per
   * stack, encrypted, for every API in it): subscribe on-call to it.
   */
  public get alarmTopic(): sns.ITopic | undefined {
    return this.core.monitoring.alarmTopic;
  }

  private readonly defaultAuthorization: HttpAuthorization;
  private readonly core: V2ApiCore<HttpApiStage>;
  private readonly vpcLinks = new VpcLinks(this);
  private readonly authorizers = new Map<string, BoundAuthorizer>();
  private readonly info: { title: string; description?: string };
  private readonly domainFront: DomainFront;
  private imported?: apigwv2.IHttpApi;

  constructor(scope: Construct, id: string, props: GatewayHttpApiProps = {}) {
    super(scope, id);
    this.domainFront = new DomainFront(props.disableExecuteApiEndpoint);
    this.compliance = props.compliance ?? Compliance.AWS_SOLUTIONS;
    this.defaultAuthorization = props.defaultAuthorization ?? HttpAuthorization.iam();
    const cors = props.cors && toCorsModel(this, props.cors);
    this.httpApi = new apigwv2.CfnApi(this, 'Resource', {
      name: props.apiName ?? id,
      description: props.description,
      protocolType: 'HTTP',
      ipAddressType: checkedIpAddressType(this, props.ipAddressType),
      corsConfiguration: cors && this.corsConfiguration(cors),
      // A custom domain in front turns the execute-api endpoint off, so the domain's TLS and mTLS cannot be bypassed.
      disableExecuteApiEndpoint: Lazy.any({ produce: () => this.domainFront.disableExecuteApiEndpointProperty }),
    });
    this.apiId = this.httpApi.ref;
    this.core = new V2ApiCore(this, { ...props, apiId: this.apiId, compliance: this.compliance, protocol: V2Protocol.HTTP });
    this.dashboard = this.core.monitoring.dashboard?.dashboard;
    const stages = props.stages ?? [{}];
    if (stages.length === 0) throw propError(this, 'stages', stages, 'at least one stage');
    for (const options of stages) this.addStage(options);
    for (const [routeKey, options] of Object.entries(props.routes ?? {})) this.addRoute(routeKey, options);
    this.core.validate(props.policyValidation);
    this.info = { title: props.apiName ?? id, description: props.description };
    if (props.openApiExport ?? true) writeDocumentAtSynth(this, () => this.openApiDocument());
  }

  /**
   * The API's client-facing OpenAPI 3 document: a path per route with its path parameters and
   * security requirement, and a server per stage. `cdk synth` writes it next to the templates
   * as `<stack>.<api>.openapi.json` unless `openApiExport` is false.
   */
  public openApiDocument(): any {
    const servers = clientServers(this, this.core.stages.map(stage => stage.stageName), name => this.domainFront.domainUrl(name));
    return Stack.of(this).resolve(httpClientDocument(this.info, this.core.routes, servers));
  }

  /** The API's stages, in the order they were added. */
  public get stages(): IHttpGatewayStage[] {
    return [...this.core.stages];
  }

  /** The first stage. */
  public get defaultStage(): IHttpGatewayStage {
    return this.core.stages[0];
  }

  /** The URL of the first stage: execute-api's, or its custom domain's when one serves it and execute-api is off. */
  public get url(): string {
    return this.defaultStage.url;
  }

  /**
   * The API as aws-cdk-lib's `IHttpApi`, for its HTTP API constructs (an `HttpStage` or
   * `HttpRoute` of your own, an `ApiMapping`, an `HttpAuthorizer`). GatewayHttpApi is not one
   * itself: `IHttpApi.defaultStage` is an optional `IHttpStage`, where this API's is its own
   * stage type, and jsii lets no class narrow an interface's property.
   */
  public get asHttpApi(): apigwv2.IHttpApi {
    this.imported ??= apigwv2.HttpApi.fromHttpApiAttributes(this, 'AsHttpApi', { httpApiId: this.apiId, apiEndpoint: this.httpApi.attrApiEndpoint });
    return this.imported;
  }

  /**
   * Adds a route, e.g. `api.addRoute('GET /items/{id}', { integration: HttpIntegration.lambda(fn) })`.
   */
  public addRoute(routeKey: string, options: HttpRouteOptions): void {
    const prop = `routes['${routeKey}']`;
    const integration = this.integrationFor(options.integration, routeKey, `${prop}.integration`);
    const authorization = options.authorization ?? this.defaultAuthorization;
    const authorizationProp = options.authorization ? `${prop}.authorization` : 'defaultAuthorization';
    const authorizer = authorization._authorizer && this.authorizerFor(authorization._authorizer);
    const openReason = authorization.authorizationType === 'NONE' ? requiredReason(this, authorizationProp, authorization._reason) : undefined;
    const resource = this.core.addRoute({
      routeKey,
      prop,
      authorizationType: authorization.authorizationType,
      authorizationProp,
      authorizer: authorizer?.document,
      scopes: authorization._scopes,
      throttle: options.throttle,
    }, integration, authorizer?.resource.ref);
    if (openReason) acknowledgeOpenRoute(resource, openReason);
  }

  /** Adds a stage, e.g. `api.addStage({ stageName: 'beta' })`. Stage names are unique within the API. */
  public addStage(options: HttpStageOptions): IHttpGatewayStage {
    return this.core.addStage(options, options.stageName ?? HTTP_DEFAULT_STAGE_NAME, (id, prop) => new HttpApiStage(this, id, {
      prop,
      options,
      apiId: this.apiId,
      alarmActions: () => this.core.monitoring.alarmActions(),
      routes: () => this.core.routes,
      arnForExecuteApi: (method, path, name) => this.arnForExecuteApi(method, path, name),
      accessLogKey: this.core.encryptionKey,
      domainFront: this.domainFront,
    }), true);
  }

  /**
   * The execute-api ARN of a method, path and stage, for IAM policies.
   *
   * @param method the HTTP method, or `*`
   * @param path the path, e.g. `/items/*`, or `/*`
   * @param stage the stage name, or `*`
   */
  public arnForExecuteApi(method: string = '*', path: string = '/*', stage: string = '*'): string {
    return this.core.executeApiArn(`${stage}/${method}${path}`);
  }

  /**
   * Allows a principal to call the IAM-authorized routes (all of them by default) on every stage.
   *
   * @param grantee who may call
   * @param method the HTTP method, or `*`
   * @param path the path, e.g. `/items/*`, or `/*`
   */
  public grantInvoke(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'Invoke', this.arnForExecuteApi(method, path, '*'));
  }

  /** Methods not listed are those of the routes (an ANY route allows every method). */
  private corsConfiguration(cors: CorsModel): apigwv2.CfnApi.CorsProperty {
    if (cors.maxAgeSeconds !== undefined && cors.maxAgeSeconds > MAX_CORS_AGE_SECONDS) {
      throw propError(this, 'cors.maxAge', `${cors.maxAgeSeconds} seconds`, `at most ${MAX_CORS_AGE_SECONDS} seconds`);
    }
    return {
      allowOrigins: cors.allowOrigins,
      allowMethods: cors.allowMethods ?? Lazy.list({ produce: () => this.routeMethods() }),
      allowHeaders: cors.allowHeaders,
      exposeHeaders: cors.exposeHeaders,
      allowCredentials: cors.allowCredentials,
      maxAge: cors.maxAgeSeconds,
    };
  }

  private routeMethods(): string[] {
    const methods = this.core.routes.map(route => route.routeKey === DEFAULT_ROUTE_KEY ? 'ANY' : route.routeKey.split(' ')[0]);
    return methods.includes('ANY') ? ['*'] : [...new Set(methods)].sort();
  }

  /** One integration resource per distinct backend, shared by its routes. */
  private integrationFor(integration: HttpIntegration, routeKey: string, prop: string): apigwv2.CfnIntegration {
    const context = { scope: this, prop, routeKey, vpcLinkInto: (vpc: ec2.IVpc, backend?: ec2.IConnectable) => this.vpcLinks.into(vpc, backend) };
    return this.core.bindIntegration(integration, allowInvoke => integration._bindToRoute({ ...context, allowInvoke }), {
      check: config => checkHttpIntegrationConfig(this, prop, config),
      maxTimeoutMs: HTTP_MAX_TIMEOUT_MS,
      props: config => ({
        integrationSubtype: config.subtype,
        connectionType: config.vpcLink && 'VPC_LINK',
        connectionId: config.vpcLink?.vpcLinkId,
        tlsConfig: config.secureServerName ? { serverNameToVerify: config.secureServerName } : undefined,
        payloadFormatVersion: payloadFormatVersionOf(config),
        responseParameters: renderResponseParameters(config.responseParameters),
      }),
    }).resource;
  }

  /** One authorizer resource per name; two different authorizers may not share one. */
  private authorizerFor(authorizer: HttpAuthorizer): BoundAuthorizer {
    const name = authorizer.authorizerName;
    const existing = this.authorizers.get(name);
    if (existing) {
      if (existing.authorizer !== authorizer) throw propError(this, 'authorizerName', name, 'a name no other authorizer of the API has');
      return existing;
    }
    const config: HttpAuthorizerConfig = authorizer._bind(this);
    const fn = config.function;
    const resource = new apigwv2.CfnAuthorizer(this, `Authorizer.${name}`, {
      apiId: this.apiId,
      name,
      authorizerType: config.authorizerType,
      identitySource: config.identitySource,
      jwtConfiguration: config.jwtConfiguration,
      authorizerUri: fn && lambdaInvocationUri(fn),
      authorizerPayloadFormatVersion: fn ? '2.0' : undefined,
      enableSimpleResponses: config.simpleResponses,
      authorizerResultTtlInSeconds: config.resultsCacheTtlSeconds,
    });
    if (fn) this.core.invokePermissions.allowAuthorize(fn);
    const bound = { authorizer, resource, document: { name, type: config.authorizerType, identitySource: config.identitySource } };
    this.authorizers.set(name, bound);
    return bound;
  }
}
