import { Stack, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_kms as kms, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { V2StageRoute } from './v2-route-settings';
import { propError } from '../core/errors';
import { shortHash } from '../core/hash';
import { ApiEncryption, encryptionKeyOf } from '../encryption/api-encryption';
import { integrationRole } from '../integrations/integration-role';
import { InvokePermissions } from '../integrations/invoke-permissions';
import { ApiMonitoring } from '../observability/api-monitoring';
import { ApiMonitoringProps } from '../observability/monitoring-props';
import { StageMetrics } from '../observability/stage-metrics';
import { HttpDocumentAuthorizer } from '../openapi/http-document';
import { Compliance, complianceDefaults, complianceRuleSets } from '../policy/compliance';
import { recordAcknowledgments } from '../policy/record-acknowledgments';
import { validateItself } from '../policy/self-validation';
import { CommonStageOptions } from '../stage/common-stage-options';
import { checkNewStageName } from '../stage/stage-name';
import { ThrottleOptions, checkThrottle } from '../throttle/throttle';

/** What an HTTP or WebSocket integration asks of its API, whatever its kind. */
export interface V2IntegrationConfig {
  /** Identifies the backend: routes whose integrations have the same key share one resource. */
  readonly key: string;
  readonly integrationType: string;
  readonly integrationUri?: string;
  readonly integrationMethod?: string;
  readonly timeoutInMillis: number;
  readonly requestParameters?: { [name: string]: string };
  /** A function API Gateway invokes: the API allows it once. */
  readonly function?: lambda.IFunction;
  /** Grants an AWS service integration's role its one action. */
  readonly grant?: (role: iam.IGrantable) => void;
}

/** A route of an HTTP or WebSocket API: what its stages and the API's OpenAPI document read. */
export interface V2Route extends V2StageRoute {
  /** `AWS_IAM`, `JWT`, `CUSTOM` or `NONE`. */
  readonly authorizationType: string;
  readonly scopes?: string[];
  /** What a client needs to know of the route's authorizer. */
  readonly authorizer?: HttpDocumentAuthorizer;
}

/** A route to add: its key and prop, its integration, its authorization and its throttle. */
export interface V2RouteSpec {
  readonly routeKey: string;
  readonly prop: string;
  readonly integration: apigwv2.CfnIntegration;
  readonly authorizationType: string;
  readonly authorizerId?: string;
  readonly authorizer?: V2Route['authorizer'];
  readonly scopes?: string[];
  readonly throttle?: ThrottleOptions;
}

/** What the core needs of a stage: its name and what monitoring watches. */
export interface V2CoreStage {
  readonly stageName: string;
  readonly metrics: StageMetrics;
  readonly alarms: cloudwatch.Alarm[];
}

export interface V2ApiCoreProps extends ApiMonitoringProps {
  readonly apiId: string;
  readonly compliance: Compliance;
  readonly encryption?: ApiEncryption;
  /** The part of the execute-api ARN invoke permissions allow, e.g. `*\/*\/*` (stage, method, path). */
  readonly invokeArnPattern?: string;
}

/**
 * What HTTP and WebSocket APIs share, by composition: routes with their throttles (each key
 * once), one integration per backend (with its role or invoke permission), stages (each name
 * once, watched by the API's alarms and dashboard), the key that encrypts their logs, and the
 * API's check of itself once every route and stage is in. The facades add what their protocol
 * has of its own.
 */
export class V2ApiCore<S extends V2CoreStage> {
  public readonly invokePermissions: InvokePermissions;
  /** The key of the API's logs and tables, made when first needed. */
  public readonly encryptionKey?: () => kms.IKey;
  public readonly routes: V2Route[] = [];
  public readonly stages: S[] = [];
  private readonly integrations = new Map<string, apigwv2.CfnIntegration>();
  private watched?: ApiMonitoring;

  constructor(private readonly api: Construct, private readonly props: V2ApiCoreProps) {
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
        credentialsArn: config.grant && integrationRole(this.api, `${id}Role`, config.grant).roleArn,
        ...protocolProps(id),
      });
      this.integrations.set(id, integration);
      if (config.function) this.invokePermissions.allowInvoke(config.function);
    }
    return integration;
  }

  /** The construct id of a backend's integration. */
  public integrationId(config: V2IntegrationConfig): string {
    return `Integration${shortHash(config.key)}`;
  }

  /** Adds a route: its key once per API, its throttle checked. */
  public addRoute(spec: V2RouteSpec): apigwv2.CfnRoute {
    const { routeKey, prop, throttle } = spec;
    if (this.routes.some(route => route.routeKey === routeKey)) throw propError(this.api, 'routes', routeKey, 'each route key once');
    checkThrottle(this.api, `${prop}.throttle`, throttle);
    const resource = new apigwv2.CfnRoute(this.api, `Route[${routeKey.replace(/\//g, '|')}]`, {
      apiId: this.props.apiId,
      routeKey,
      target: `integrations/${spec.integration.ref}`,
      authorizationType: spec.authorizationType,
      authorizerId: spec.authorizerId,
      authorizationScopes: spec.scopes,
    });
    this.routes.push({ routeKey, throttle, resource, authorizationType: spec.authorizationType, authorizer: spec.authorizer, scopes: spec.scopes });
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
