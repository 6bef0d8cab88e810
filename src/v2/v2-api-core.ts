import { Stack, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_kms as kms, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BoundIntegration, V2BackendConfig, V2IntegrationProtocol, configText } from './bound-integration';
import { V2StageRoute } from './v2-route-settings';
import { shortHash } from '../core/hash';
import { ApiEncryption, encryptionKeyOf } from '../encryption/api-encryption';
import { integrationRole } from '../integrations/integration-role';
import { InvokePermissions } from '../integrations/invoke-permissions';
import { V2Protocol, V2RouteModel, V2RouteSpec, V2RouteTable } from '../model/v2-route-table';
import { ApiMonitoring } from '../observability/api-monitoring';
import { ApiMonitoringProps } from '../observability/monitoring-props';
import { StageMetrics } from '../observability/stage-metrics';
import { Compliance, complianceDefaults, complianceRuleSets } from '../policy/compliance';
import { recordAcknowledgments } from '../policy/record-acknowledgments';
import { validateItself } from '../policy/self-validation';
import { CommonStageOptions } from '../stage/common-stage-options';
import { checkNewStageName } from '../stage/stage-name';

/** What an HTTP or WebSocket integration asks of its API, whatever its kind. */
export interface V2IntegrationConfig {
  /** Identifies the backend: routes whose integrations have the same key share one resource. */
  readonly key: string;
  readonly integrationType: string;
  readonly integrationUri?: string;
  readonly integrationMethod?: string;
  readonly timeoutInMillis: number;
  readonly requestParameters?: { [name: string]: string };
  /** The role API Gateway assumes, when the integration brings its own. */
  readonly credentials?: string;
  /** Grants the role the API makes for an AWS service integration its one action (when it brings none). */
  readonly grant?: (role: iam.IGrantable) => void;
}

/** A route of an HTTP or WebSocket API with its resource: what its stages and the API's OpenAPI document read. */
export interface V2Route extends V2RouteModel, V2StageRoute {}

/** What the core needs of a stage: its name and what monitoring watches. */
export interface V2CoreStage {
  readonly stageName: string;
  readonly metrics: StageMetrics;
  readonly alarms: cloudwatch.Alarm[];
}

export interface V2ApiCoreProps extends ApiMonitoringProps {
  readonly apiId: string;
  readonly compliance: Compliance;
  /** Which route keys the API takes. */
  readonly protocol: V2Protocol;
  readonly encryption?: ApiEncryption;
  /** The part of the execute-api ARN invoke permissions allow, e.g. `*\/*\/*` (stage, method, path). */
  readonly invokeArnPattern?: string;
}

/**
 * What HTTP and WebSocket APIs share, by composition: routes (validated by the API's route
 * table, then rendered), one integration per backend (with its role or invoke permission), stages (each name
 * once, watched by the API's alarms and dashboard), the key that encrypts their logs, and the
 * API's check of itself once every route and stage is in. The facades add what their protocol
 * has of its own.
 */
export class V2ApiCore<S extends V2CoreStage> {
  public readonly invokePermissions: InvokePermissions;
  /** The key of the API's logs and tables, made when first needed. */
  public readonly encryptionKey?: () => kms.IKey;
  public readonly routes: V2Route[] = [];
  private readonly table: V2RouteTable;
  public readonly stages: S[] = [];
  private readonly integrations = new Map<string, apigwv2.CfnIntegration>();
  private readonly ownKeys = new Map<object, { readonly ordinal: number; readonly configs: string[] }>();
  private watched?: ApiMonitoring;

  constructor(private readonly api: Construct, private readonly props: V2ApiCoreProps) {
    this.table = new V2RouteTable(api, props.protocol);
    this.invokePermissions = new InvokePermissions(api, props.apiId, props.invokeArnPattern);
    this.encryptionKey = encryptionKeyOf(api, props.encryption, complianceDefaults(props.compliance).customerKeyRequiredBy);
  }

  /**
   * How the API is watched: its alarms' actions and its dashboard, made when the facade first
   * asks, so the dashboard sits after the resources the facade makes first.
   */
  public get monitoring(): ApiMonitoring {
    this.watched ??= new ApiMonitoring(this.api, this.props);
    return this.watched;
  }

  /**
   * Binds an integration to a route: `bind` gets how to allow invoking a function, its config is
   * checked, and the route gets the backend's resource (made by the first route to it, shared by
   * the rest), followed by the invoke permissions the integration asked for.
   */
  public bindIntegration<C extends V2BackendConfig>(
    integration: object, bind: (allowInvoke: (fn: lambda.IFunction) => void) => BoundIntegration<C>, protocol: V2IntegrationProtocol<C>,
  ): { readonly resource: apigwv2.CfnIntegration; readonly config: C } {
    const invoked: lambda.IFunction[] = [];
    const { config, key, grant } = bind(fn => invoked.push(fn));
    protocol.check(config);
    const resource = this.integration({
      key: key ?? this.keyOf(integration, configText(this.api, config)),
      integrationType: config.type,
      integrationUri: config.uri,
      integrationMethod: config.method,
      requestParameters: config.requestParameters,
      timeoutInMillis: config.timeoutInMillis ?? protocol.maxTimeoutMs,
      credentials: config.credentials,
      grant,
    }, () => protocol.props(config));
    for (const fn of invoked) this.invokePermissions.allowInvoke(fn);
    return { resource, config };
  }

  /**
   * The integration resource of a backend, made by the first route to it and shared by the
   * rest; `protocolProps` are the resource's props only one protocol has (asked once, when it is made).
   */
  public integration(
    config: V2IntegrationConfig, protocolProps: (id: string) => Partial<apigwv2.CfnIntegrationProps> = () => ({}),
  ): apigwv2.CfnIntegration {
    const id = this.integrationId(config);
    let integration = this.integrations.get(id);
    if (!integration) {
      integration = new apigwv2.CfnIntegration(this.api, id, {
        apiId: this.props.apiId,
        integrationType: config.integrationType,
        integrationUri: config.integrationUri,
        integrationMethod: config.integrationMethod,
        requestParameters: config.requestParameters,
        timeoutInMillis: config.timeoutInMillis,
        credentialsArn: config.credentials ?? (config.grant && integrationRole(this.api, `${id}Role`, config.grant).roleArn),
        ...protocolProps(id),
      });
      this.integrations.set(id, integration);
    }
    return integration;
  }

  /**
   * The key of an integration object that brings none: the routes it gives the same config
   * share one resource; a route given another config gets one of its own. `config` is the
   * config's text (tokens resolved, so the key does not move when unrelated tokens are added).
   */
  public keyOf(integration: object, config: string): string {
    let own = this.ownKeys.get(integration);
    if (!own) {
      own = { ordinal: this.ownKeys.size, configs: [] };
      this.ownKeys.set(integration, own);
    }
    let index = own.configs.indexOf(config);
    if (index < 0) index = own.configs.push(config) - 1;
    // The first config keeps the object's plain key, so editing an integration used one way keeps its id.
    return index === 0 ? `own ${own.ordinal}` : `own ${own.ordinal} config ${index}`;
  }

  /** The construct id of a backend's integration. */
  public integrationId(config: V2IntegrationConfig): string {
    return `Integration${shortHash(config.key)}`;
  }

  /** Adds a route to the API's route table, which validates it, and makes its resource. */
  public addRoute(spec: V2RouteSpec, integration: apigwv2.CfnIntegration, authorizerId?: string): apigwv2.CfnRoute {
    const route = this.table.add(spec);
    const resource = new apigwv2.CfnRoute(this.api, `Route[${route.routeKey.replace(/\//g, '|')}]`, {
      apiId: this.props.apiId,
      routeKey: route.routeKey,
      target: `integrations/${integration.ref}`,
      authorizationType: route.authorizationType,
      authorizerId,
      authorizationScopes: route.scopes,
    });
    this.routes.push({ ...route, resource });
    return resource;
  }

  /**
   * Adds a stage `build` makes from its construct id, once its name is checked, and has the
   * API's monitoring watch it.
   */
  public addStage(options: CommonStageOptions, stageName: string, build: (id: string, prop: string) => S, allowsDefaultStage = false): S {
    const prop = `stages[${this.stages.length}]`;
    checkNewStageName({
      scope: this.api,
      prop: `${prop}.stageName`,
      name: stageName,
      taken: this.stages.map(s => s.stageName),
      literalBecause: 'it names the stage\'s resources',
      allowsDefaultStage,
    });
    const stage = build(`Stage.${stageName}`, prop);
    this.monitoring.addStage({
      stageName, metrics: stage.metrics, alarms: stage.alarms, cached: false, routeMetrics: options.detailedMetrics ?? true,
    });
    this.stages.push(stage);
    return stage;
  }

  /** The execute-api ARN of a resource of the API, e.g. `prod/GET/items` or `*\/$connect`. */
  public executeApiArn(resourceName: string): string {
    return Stack.of(this.api).formatArn({ service: 'execute-api', resource: this.props.apiId, resourceName });
  }

  /** The API checks itself against its compliance rule sets and records its acknowledgments. */
  public validate(policyValidation: boolean | undefined): void {
    if (policyValidation ?? true) validateItself(this.api, complianceRuleSets(this.props.compliance));
    recordAcknowledgments(this.api);
  }
}
