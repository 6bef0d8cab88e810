import {
  Resource, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_sns as sns,
  aws_dynamodb as dynamodb, aws_iam as iam, aws_lambda as lambda,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ConnectionsTable, connectionsTable } from './connections-table';
import { GatewayWebSocketApiProps } from './gateway-websocket-api-props';
import { acknowledgeConnectionAuthorization } from './route-acknowledgments';
import { WebSocketAuthorization, WebSocketAuthorizer } from './websocket-authorizer';
import { IWebSocketGatewayStage } from './websocket-gateway-stage';
import { WebSocketIntegration } from './websocket-integration';
import {
  DEFAULT_TEMPLATE_KEY, WEBSOCKET_MAX_TIMEOUT_MS, WebSocketIntegrationConfig, checkWebSocketIntegrationConfig, isProxy,
} from './websocket-integration-config';
import { WebSocketRouteOptions } from './websocket-route-options';
import { WebSocketApiStage } from './websocket-stage';
import { WebSocketStageOptions } from './websocket-stage-options';
import { cloudWatchRoleSetting } from '../account/cloudwatch-role';
import { acknowledgeOpenRoute, requiredReason } from '../auth/open-route';
import { checkPattern } from '../core/checks';
import { propError } from '../core/errors';
import { lambdaInvocationUri } from '../core/lambda-uri';
import { checkedIpAddressType } from '../endpoint/endpoint';
import { CONNECT_ROUTE_KEY, DEFAULT_ROUTE_KEY, DISCONNECT_ROUTE_KEY, V2Protocol, V2RouteSpec } from '../model/v2-route-table';
import { Compliance } from '../policy/compliance';
import { DEFAULT_STAGE_NAME } from '../stage/stage-name';
import { V2ApiCore } from '../v2/v2-api-core';

/** A route with its integration, as the API made them. */
interface BoundRoute {
  readonly route: apigwv2.CfnRoute;
  readonly integration: apigwv2.CfnIntegration;
  readonly config: WebSocketIntegrationConfig;
}

/** Message routes take no authorization: AWS authorizes the connection at `$connect`. */
const MESSAGE_ROUTE = WebSocketAuthorization.none('Messages travel on a connection authorized at $connect.');
const ROUTE_SELECTION_EXPRESSION = /^(\$request\.body\.[A-Za-z0-9_.-]+|\$default|\$\{request\.body\.[A-Za-z0-9_.-]+\}.*)$/;

/**
 * A production-grade Amazon API Gateway WebSocket API: `$connect` behind IAM or a Lambda
 * authorizer, `$disconnect`, `$default` and custom routes to Lambda, HTTP and AWS integrations,
 * two-way routes, an optional connections table API Gateway keeps by itself, and auto-deployed
 * stages with JSON access logs, execution logs, metrics and throttling per stage and route.
 *
 * ```ts
 * const chat = new GatewayWebSocketApi(this, 'Chat', {
 *   connect: { authorization: WebSocketAuthorization.authorizer(WebSocketAuthorizer.lambda(authFn)) },
 *   connectionsTable: {},
 *   routes: { sendMessage: { integration: WebSocketIntegration.lambda(sendFn) } },
 * });
 * chat.connectionsTable!.grantReadData(sendFn);
 * chat.defaultStage.grantManageConnections(sendFn);
 * ```
 *
 * It is an aws-cdk-lib `IWebSocketApi`, so aws-cdk-lib's WebSocket constructs (a `WebSocketStage`
 * of your own, an `ApiMapping`) take it.
 */
export class GatewayWebSocketApi extends Resource implements apigwv2.IWebSocketApi {
  /** The API resource. */
  public readonly webSocketApi: apigwv2.CfnApi;
  /** The id of the API. */
  public readonly apiId: string;
  /** The API's endpoint, `wss://<id>.execute-api.<region>.amazonaws.com`. */
  public readonly apiEndpoint: string;
  /** Marks the API as a WebSocket API for aws-cdk-lib. */
  public readonly isWebsocketApi = true;
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

  /** The API's id, as aws-cdk-lib's references read it. */
  public get apiRef(): apigwv2.ApiReference {
    return { apiId: this.apiId };
  }
  /** The table of open connections, when the API keeps one. */
  public readonly connectionsTable?: dynamodb.ITable;
  /** The account's API Gateway CloudWatch role setting, when the library made it. */
  public readonly cloudWatchRoleSetting?: apigw.CfnAccount;

  private readonly core: V2ApiCore<WebSocketApiStage>;
  private readonly table?: ConnectionsTable;
  private connectAuthorized = false;
  /** Why `$connect` is open, when it is: the routes after it are open for the same reason. */
  private openReason?: string;

  constructor(scope: Construct, id: string, props: GatewayWebSocketApiProps = {}) {
    super(scope, id);
    this.compliance = props.compliance ?? Compliance.AWS_SOLUTIONS;
    const routeSelectionExpression = props.routeSelectionExpression ?? '$request.body.action';
    checkPattern(this, 'routeSelectionExpression', routeSelectionExpression, ROUTE_SELECTION_EXPRESSION,
      '$request.body.<property>, ${request.body.<property>} combinations, or $default');
    this.webSocketApi = new apigwv2.CfnApi(this, 'Resource', {
      name: props.apiName ?? id,
      description: props.description,
      protocolType: 'WEBSOCKET',
      routeSelectionExpression,
      ipAddressType: checkedIpAddressType(this, props.ipAddressType),
    });
    this.apiId = this.webSocketApi.ref;
    this.apiEndpoint = this.webSocketApi.attrApiEndpoint;
    // A WebSocket route's ARN is stage and route key: `*/*`.
    this.core = new V2ApiCore(this, { ...props, apiId: this.apiId, compliance: this.compliance, invokeArnPattern: '*/*', protocol: V2Protocol.WEBSOCKET });
    if (props.cloudWatchRole ?? true) this.cloudWatchRoleSetting = cloudWatchRoleSetting(this);
    if (props.connectionsTable) {
      this.table = connectionsTable(this, 'connectionsTable', props.connectionsTable, this.core.encryptionKey);
      this.connectionsTable = this.table.table;
    }
    this.dashboard = this.core.monitoring.dashboard?.dashboard;
    const stages = props.stages ?? [{}];
    if (stages.length === 0) throw propError(this, 'stages', stages, 'at least one stage');
    for (const options of stages) this.addStage(options);

    this.addConnectRoute(props);
    const disconnect = props.disconnect?.integration ?? this.table?.disconnect;
    if (disconnect) this.addLifecycleRoute(DISCONNECT_ROUTE_KEY, 'disconnect', disconnect);
    for (const [routeKey, options] of Object.entries(props.routes ?? {})) this.addRoute(routeKey, options);
    this.core.validate(props.policyValidation);
  }

  /** A metric of the API (all its stages), e.g. `api.metric('ConnectCount')`. */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName, dimensionsMap: { ApiId: this.apiId }, ...props }).attachTo(this);
  }

  /** The API's stages, in the order they were added. */
  public get stages(): IWebSocketGatewayStage[] {
    return [...this.core.stages];
  }

  /** The first stage. */
  public get defaultStage(): IWebSocketGatewayStage {
    return this.core.stages[0];
  }

  /** The URL clients connect to on the first stage. */
  public get url(): string {
    return this.defaultStage.url;
  }

  /** The `@connections` management URL of the first stage. */
  public get callbackUrl(): string {
    return this.defaultStage.callbackUrl;
  }

  /**
   * Adds a message route: `$default`, or a custom key the route selection expression yields,
   * e.g. `api.addRoute('sendMessage', { integration: WebSocketIntegration.lambda(fn) })`.
   */
  public addRoute(routeKey: string, options: WebSocketRouteOptions): void {
    const prop = `routes['${routeKey}']`;
    const { route, integration, config } = this.route({ routeKey, prop, throttle: options.throttle }, options.integration, MESSAGE_ROUTE);
    if (!options.returnResponse) return;
    // A two-way route: the integration's answer goes to the client (a non-proxy one's through a $default integration response).
    route.routeResponseSelectionExpression = DEFAULT_ROUTE_KEY;
    new apigwv2.CfnRouteResponse(this, `RouteResponse[${routeKey.replace(/\//g, '|')}]`, { apiId: this.apiId, routeId: route.ref, routeResponseKey: DEFAULT_ROUTE_KEY });
    if (!isProxy(config)) this.integrationResponse(integration);
  }

  /** Adds a stage, e.g. `api.addStage({ stageName: 'beta' })`. Stage names are unique within the API. */
  public addStage(options: WebSocketStageOptions): IWebSocketGatewayStage {
    return this.core.addStage(options, options.stageName ?? DEFAULT_STAGE_NAME, (id, prop) => new WebSocketApiStage(this, id, {
      prop,
      options,
      apiId: this.apiId,
      alarmActions: () => this.core.monitoring.alarmActions(),
      routes: () => this.core.routes,
      executeApiArn: resource => this.core.executeApiArn(resource),
      accessLogKey: this.core.encryptionKey,
      cloudWatchRoleSetting: this.cloudWatchRoleSetting,
    }));
  }

  /** Allows a principal to connect on every stage, when `$connect` is IAM-authorized. */
  public grantConnect(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['execute-api:Invoke'], resourceArns: [this.core.executeApiArn(`*/${CONNECT_ROUTE_KEY}`)] });
  }

  /** Allows a principal to post to, read and close connections on every stage through the `@connections` API. */
  public grantManageConnections(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['execute-api:ManageConnections'], resourceArns: [this.core.executeApiArn('*/*/@connections/*')] });
  }

  private addConnectRoute(props: GatewayWebSocketApiProps): void {
    const options = props.connect ?? {};
    const integration = options.integration ?? this.table?.connect;
    if (!integration) throw propError(this, 'connect.integration', 'undefined', 'an integration, or a connectionsTable whose PutItem runs at $connect');
    const authorization = options.authorization ?? WebSocketAuthorization.iam();
    this.connectAuthorized = authorization.authorizationType !== 'NONE';
    if (!this.connectAuthorized) this.openReason = requiredReason(this, 'connect.authorization', authorization._reason);
    const spec = { routeKey: CONNECT_ROUTE_KEY, prop: 'connect', throttle: options.throttle, lifecycle: true };
    const { route } = this.route(spec, integration, authorization);
    if (this.openReason) acknowledgeOpenRoute(route, this.openReason);
  }

  private addLifecycleRoute(routeKey: string, prop: string, integration: WebSocketIntegration): void {
    this.route({ routeKey, prop, lifecycle: true }, integration, MESSAGE_ROUTE);
  }

  private route(spec: Omit<V2RouteSpec, 'authorizationType'>, integration: WebSocketIntegration, authorization: WebSocketAuthorization): BoundRoute {
    const authorizer = authorization._authorizer && this.authorizerFor(authorization._authorizer);
    const bound = this.integrationFor(integration, spec.routeKey, `${spec.prop}.integration`);
    const route = this.core.addRoute({ ...spec, authorizationType: authorization.authorizationType }, bound.integration, authorizer?.ref);
    // $connect is always the first route, so whether it is authorized (or why it is open) is known here.
    if (spec.routeKey !== CONNECT_ROUTE_KEY && this.connectAuthorized) acknowledgeConnectionAuthorization(route);
    if (spec.routeKey !== CONNECT_ROUTE_KEY && this.openReason) acknowledgeOpenRoute(route, this.openReason);
    return { route, ...bound };
  }

  /** One integration resource per distinct backend, shared by its routes. */
  private integrationFor(integration: WebSocketIntegration, routeKey: string, prop: string): Omit<BoundRoute, 'route'> {
    const bind = (allowInvoke: (fn: lambda.IFunction) => void) => integration._bindToRoute({ scope: this, prop, routeKey, allowInvoke });
    const { resource, config } = this.core.bindIntegration(integration, bind, {
      check: checked => checkWebSocketIntegrationConfig(this, prop, checked),
      maxTimeoutMs: WEBSOCKET_MAX_TIMEOUT_MS,
      props: checked => ({
        requestTemplates: checked.requestTemplates,
        // By default the template is the one keyed `$default`, whatever the message.
        templateSelectionExpression: checked.templateSelectionExpression ?? (checked.requestTemplates ? `\\${DEFAULT_TEMPLATE_KEY}` : undefined),
      }),
    });
    return { integration: resource, config };
  }

  /** The answer of a non-proxy integration of a two-way route, passed on as it is. */
  private integrationResponse(integration: apigwv2.CfnIntegration): void {
    const id = `${integration.node.id}Response`;
    if (this.node.tryFindChild(id)) return;
    new apigwv2.CfnIntegrationResponse(this, id, { apiId: this.apiId, integrationId: integration.ref, integrationResponseKey: DEFAULT_ROUTE_KEY });
  }

  private authorizerFor(authorizer: WebSocketAuthorizer): apigwv2.CfnAuthorizer {
    const config = authorizer._bind(this);
    this.core.invokePermissions.allowAuthorize(config.function);
    return new apigwv2.CfnAuthorizer(this, `Authorizer.${authorizer.authorizerName}`, {
      apiId: this.apiId,
      name: authorizer.authorizerName,
      authorizerType: 'REQUEST',
      authorizerUri: lambdaInvocationUri(config.function),
      identitySource: config.identitySource,
    });
  }
}
