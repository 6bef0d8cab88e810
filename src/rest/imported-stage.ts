import { Aws, Resource, Stack, aws_apigateway as apigw, aws_iam as iam } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { IGatewayStage } from './gateway-stage';
import { grantExecuteApi } from '../auth/execute-api-grant';
import { checkOneOf } from '../core/checks';
import { ApiProtocol, StageMetrics } from '../observability/stage-metrics';

/** What identifies a stage of a REST API made elsewhere. */
export interface GatewayStageAttributes {
  /** The id of the REST API. */
  readonly restApiId: string;

  /** The API's name, which its metrics carry (their `ApiName` dimension). */
  readonly restApiName: string;

  /** The stage's name. */
  readonly stageName: string;

  /**
   * The API's endpoint type, which decides whether a custom domain may serve the stage.
   *
   * @default EndpointType.REGIONAL
   */
  readonly endpointType?: apigw.EndpointType;

  /**
   * The stage's routes as `METHOD /path` keys, which a usage plan's `routeThrottles` may name.
   *
   * @default - none: a usage plan's route throttles cannot name this stage's routes
   */
  readonly routeKeys?: string[];
}

/**
 * A stage of a REST API made elsewhere (another stack, a console, another tool), served by
 * GatewayApi's usage plans and custom domains and watched through its metrics. Nothing of the
 * API changes: a domain serving it leaves its execute-api endpoint on.
 */
export class ImportedGatewayStage extends Resource implements IGatewayStage {
  public readonly stageName: string;
  public readonly restApi: apigw.IRestApi;
  public readonly endpointType: apigw.EndpointType;
  public readonly metrics: StageMetrics;
  private readonly keys: string[];
  private domainUrl?: string;

  constructor(scope: Construct, id: string, attrs: GatewayStageAttributes) {
    super(scope, id);
    this.endpointType = attrs.endpointType ?? apigw.EndpointType.REGIONAL;
    checkOneOf(this, 'endpointType', this.endpointType, Object.values(apigw.EndpointType));
    this.stageName = attrs.stageName;
    this.restApi = apigw.RestApi.fromRestApiId(this, 'RestApi', attrs.restApiId);
    this.metrics = new StageMetrics({ protocol: ApiProtocol.REST, api: attrs.restApiName, stageName: attrs.stageName });
    this.keys = [...attrs.routeKeys ?? []];
  }

  /** The stage's reference for aws-cdk-lib: its API's id and its name. */
  public get stageRef(): apigw.StageReference {
    return { restApiId: this.restApi.restApiId, stageName: this.stageName };
  }

  /** The execute-api URL, or the URL of the GatewayDomain that serves the stage. */
  public get url(): string {
    return this.domainUrl ?? `https://${this.restApi.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${this.stageName}/`;
  }

  public routeKeys(): string[] {
    return [...this.keys];
  }

  public serveFromDomain(url: string): void {
    this.domainUrl = url;
  }

  /** The API's own checks of its API-key routes are the other tool's: nothing is recorded here. */
  public recordUsagePlan(_plan: IConstruct): void {}

  public addApiKey(id: string, options?: apigw.ApiKeyOptions): apigw.IApiKey {
    return new apigw.ApiKey(this, id, { ...options, stages: [this] });
  }

  public grantInvoke(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'Invoke', this.arnFor(method, path));
  }

  public grantInvalidateCache(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'InvalidateCache', this.arnFor(method, path));
  }

  private arnFor(method: string, path: string): string {
    return Stack.of(this).formatArn({ service: 'execute-api', resource: this.restApi.restApiId, resourceName: `${this.stageName}/${method}${path}` });
  }
}
