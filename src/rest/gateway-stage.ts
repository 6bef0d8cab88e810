import { CfnOutput, aws_apigateway as apigw, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { StageMetrics } from '../observability/stage-metrics';
import { Release } from '../release/release';

/**
 * A REST API stage that GatewayApi's usage plans and custom domains serve and whose metrics and
 * grants it gives: a stage of a GatewayApi, or of an API made elsewhere
 * (`GatewayApi.fromStageAttributes`). It is an aws-cdk-lib `IStage`, so it goes wherever one is
 * taken. Its `stageName` is the name as written, not a reference to the stage resource as
 * aws-cdk-lib's is.
 */
export interface IGatewayStage extends apigw.IStage {
  /**
   * The stage's URL, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/prod/`; when a
   * custom domain serves the stage and the execute-api endpoint is off, the domain's
   * (`https://api.example.com/v1/`).
   */
  readonly url: string;
  /** The stage's CloudWatch metrics, and its routes'. */
  readonly metrics: StageMetrics;
  /** The endpoint type of the stage's API, which decides whether a custom domain may serve it. */
  readonly endpointType: apigw.EndpointType;

  /**
   * The stage's routes as `METHOD /path` keys (`ANY` for any method), complete once synthesis
   * starts; usage plans check their route throttles against them.
   */
  routeKeys(): string[];

  /**
   * Records that a custom domain serves the stage at `url`: the stage's `url` becomes it, and the
   * API's execute-api endpoint turns off once every stage is served by a domain.
   * `GatewayDomain.addMapping` calls it.
   */
  serveFromDomain(url: string): void;

  /**
   * Records that a usage plan serves the stage, so its routes that require an API key are not
   * reported as unreachable. `UsagePlan.addStage` calls it.
   */
  recordUsagePlan(plan: IConstruct): void;

  /**
   * Allows a principal to call this stage's IAM-authorized routes (all of them by default).
   *
   * @param grantee who may call
   * @param method the HTTP method, or `*`
   * @param path the resource path, e.g. `/pets/*`, or `/*`
   */
  grantInvoke(grantee: iam.IGrantable, method?: string, path?: string): iam.Grant;

  /**
   * Allows a principal to invalidate this stage's cache entries for the routes it names (all of
   * them by default), by sending `Cache-Control: max-age=0` with a signed request.
   *
   * @param grantee who may invalidate
   * @param method the HTTP method, or `*`
   * @param path the resource path, e.g. `/pets/*`, or `/*`
   */
  grantInvalidateCache(grantee: iam.IGrantable, method?: string, path?: string): iam.Grant;
}

/** One stage of a GatewayApi: the stage resource, the release it serves, its logs and alarms. */
export interface IGatewayApiStage extends IGatewayStage {
  /** The stage resource. */
  readonly stage: apigw.CfnStage;
  /** Which deployment the stage serves. */
  readonly release: Release;
  /** The log group of the stage's access logs, unless access logging is off. */
  readonly accessLogGroup?: logs.ILogGroup;
  /** The stack output holding the URL, when `urlOutput` is on. */
  readonly urlOutput?: CfnOutput;
  /** The stage's alarms (see `alarms` in the stage options). */
  readonly alarms: cloudwatch.Alarm[];
}

/**
 * The stage's name for a resource that names it: a reference to the stage resource when the
 * construct has one (so that the resource waits for the stage), the name as written otherwise.
 */
export function stageNameReference(stage: IGatewayStage): string {
  const resource = stage.node.defaultChild;
  return resource instanceof apigw.CfnStage ? resource.ref : stage.stageName;
}
