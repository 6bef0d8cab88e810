import {
  Annotations, Aspects, Aws, CfnOutput, Lazy,
  aws_apigateway as apigw, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_kms as kms, aws_logs as logs, aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { IGatewayApiStage } from './gateway-stage';
import { renderMethodSettings } from './method-settings';
import { routeWarnings } from './route-warnings';
import { StageOptions } from './stage-options';
import { grantExecuteApi } from '../auth/execute-api-grant';
import { MAX_CACHE_TTL_SECONDS } from '../cache/route-cache';
import { CacheClusterSize } from '../cache/stage-cache';
import { checkIntegerInRange, checkNumberInRange, checkOneOf, checkPattern } from '../core/checks';
import { RouteModel } from '../model/api-model';
import { AccessLogFormats } from '../observability/access-log-formats';
import { createStageAlarms, latencyAlarms } from '../observability/stage-alarms';
import { ApiProtocol, StageMetrics } from '../observability/stage-metrics';
import { ServedDeployments } from '../release/api-releases';
import { removeCanary } from '../release/canary-remover';
import { CanaryHeaderOptions, Release, ReleaseKind } from '../release/release';
import { accessLogDestination, checkAccessLogFormat } from '../stage/access-log-destination';
import { DomainFront } from '../stage/domain-front';
import { DEFAULT_STAGE_NAME } from '../stage/stage-name';
import { checkStageVariables } from '../stage/stage-variables';
import { DEFAULT_BURST_LIMIT, DEFAULT_RATE_LIMIT, checkThrottleLimits } from '../throttle/throttle';
import { REGIONAL_WEB_ACL_ARN, associateWebAcl } from '../waf/web-acl';

const DEFAULT_CACHE_SIZE = CacheClusterSize.GB_0_5;
const DEFAULT_CACHE_TTL_SECONDS = 300;

/** What a stage needs from its API. */
export interface ApiStageProps {
  /** How the stage is named in errors, e.g. `stages[1]`. */
  readonly prop: string;
  readonly options: StageOptions;
  /** The API, which the stage serves as aws-cdk-lib's `Stage.restApi`; its metrics carry the API's name. */
  readonly restApi: apigw.IRestApi;
  /** What the stage's alarms notify unless the stage says otherwise. */
  readonly alarmActions: () => cloudwatch.IAlarmAction[];
  /** The deployments the stage serves; known once the API's release is planned, at synthesis. */
  readonly served: () => ServedDeployments;
  /** The API's routes, complete once synthesis starts. */
  readonly routes: () => readonly RouteModel[];
  /** The execute-api ARN of a method, path and stage. */
  readonly arnForExecuteApi: (method: string, path: string, stage: string) => string;
  /** Cache every method's responses, encrypted (compliance presets), unless `options.cache` says how. */
  readonly encryptedCache?: boolean;
  /** The client certificate the stage presents to HTTP backends. */
  readonly clientCertificateId?: string;
  /** The KMS key for the access log group the stage creates (compliance presets). */
  readonly accessLogKey?: () => kms.IKey;
  /** The web ACL protecting the API's stages, unless the stage names its own. */
  readonly webAcl?: wafv2.CfnWebACL;
  /** The API's endpoint type. */
  readonly endpointType: apigw.EndpointType;
  /** The custom domains in front of the API, which decide the stage's URL. */
  readonly domainFront: DomainFront;
}

/** A stage's canary, served to the requests that carry a header by a stage of its own. */
export interface HeaderCanary {
  readonly stage: ApiStage;
  readonly header: CanaryHeaderOptions;
  /** The domains whose routing rules send the header's requests to it. */
  readonly routedBy: IConstruct[];
}

/**
 * A stage with the library's observability defaults: JSON access logs, execution logs at
 * ERROR, detailed metrics, X-Ray and throttling on every method. It serves the deployments its
 * release asks for; a release that ends a canary also removes it.
 *
 * It is an aws-cdk-lib `Stage`, so the consumers of one (usage plans, event and AgentCore
 * targets, CloudFront origins) take it; the `Stage` makes the stage resource, configured here.
 */
export class ApiStage extends apigw.Stage implements IGatewayApiStage {
  public readonly stage: apigw.CfnStage;
  /** The stage's name as written (not a reference to the resource, as aws-cdk-lib's is): it names the stage's resources and metrics. */
  public readonly stageName: string;
  public readonly release: Release;
  public readonly accessLogGroup?: logs.ILogGroup;
  public readonly urlOutput?: CfnOutput;
  public readonly metrics: StageMetrics;
  public readonly alarms: cloudwatch.Alarm[];
  public readonly endpointType: apigw.EndpointType;
  /** Whether the stage has a cache. @internal */
  public readonly _cached: boolean;
  /**
   * The stage serving the canary's deployment to requests with the canary's header, and that
   * header, when the release names one; custom domains that map this stage route to it. @internal
   */
  public _headerCanary?: HeaderCanary;
  private readonly arnForExecuteApi: ApiStageProps['arnForExecuteApi'];
  private readonly routes: ApiStageProps['routes'];
  private readonly domainFront: DomainFront;
  private readonly usagePlans = new Set<IConstruct>();

  constructor(scope: Construct, id: string, props: ApiStageProps) {
    const o = props.options;
    const stageName = o.stageName ?? DEFAULT_STAGE_NAME;
    const deploymentId = Lazy.string({ produce: () => props.served().base });
    super(scope, id, { stageName, deployment: servedDeployment(props.restApi, deploymentId) });
    const prop = props.prop;
    this.stageName = stageName;
    this.release = o.release ?? Release.latest();
    this.arnForExecuteApi = props.arnForExecuteApi;
    this.routes = props.routes;
    this.endpointType = props.endpointType;
    this.domainFront = props.domainFront;
    validateStageOptions(this, prop, o);

    const accessLogs = accessLogDestination(this, prop, o, props.accessLogKey);
    this.accessLogGroup = accessLogs.logGroup;
    const cache = o.cache ?? (props.encryptedCache ? {} : undefined);
    const loggingLevel = o.loggingLevel ?? apigw.MethodLoggingLevel.ERROR;
    const canary = this.release.canaryOptions;
    const methodDefaults = {
      loggingLevel,
      dataTraceEnabled: o.dataTraceEnabled ?? false,
      metricsEnabled: o.detailedMetrics ?? true,
      throttle: { rateLimit: o.throttlingRateLimit ?? DEFAULT_RATE_LIMIT, burstLimit: o.throttlingBurstLimit ?? DEFAULT_BURST_LIMIT },
      cacheTtlSeconds: cache ? cache.ttl?.toSeconds() ?? DEFAULT_CACHE_TTL_SECONDS : undefined,
    };
    this.stage = this.node.defaultChild as apigw.CfnStage;
    Object.assign<apigw.CfnStage, Partial<apigw.CfnStageProps>>(this.stage, {
      description: o.description,
      variables: o.variables,
      tracingEnabled: o.tracingEnabled ?? true,
      clientCertificateId: props.clientCertificateId,
      // Written out when off too: CloudFormation keeps a cache whose setting merely disappears (aws-cdk #32342).
      cacheClusterEnabled: cache !== undefined,
      cacheClusterSize: cache ? cache.clusterSize ?? DEFAULT_CACHE_SIZE : undefined,
      canarySetting: canary && {
        deploymentId: Lazy.string({ produce: () => props.served().canary }),
        percentTraffic: canary.percentTraffic,
        stageVariableOverrides: canary.stageVariableOverrides,
        useStageCache: canary.useStageCache ?? false,
      },
      accessLogSetting: accessLogs.destinationArn === undefined ? undefined : {
        destinationArn: accessLogs.destinationArn,
        format: checkAccessLogFormat(this, `${prop}.accessLogFormat`, (o.accessLogFormat ?? AccessLogFormats.restJson()).toString()),
      },
      methodSettings: Lazy.any({ produce: () => renderMethodSettings(methodDefaults, this.routes()) }),
    });

    if (endsCanary(this.release)) {
      removeCanary(this, {
        restApiId: props.restApi.restApiId,
        stage: this.stage,
        baseDeploymentId: deploymentId,
      });
    }
    const webAclArn = o.webAclArn ?? props.webAcl?.attrArn;
    if (webAclArn) associateWebAcl(this, webAclArn, props.restApi.restApiId, this.stage);
    if (o.urlOutput) {
      this.urlOutput = new CfnOutput(this, 'Url', { value: this.url, description: `URL of stage ${this.stageName} of ${scope.node.path}` });
    }
    warnAboutSwitchedOffDefaults(this, prop, o, loggingLevel);
    this._cached = cache !== undefined;
    this.metrics = new StageMetrics({ protocol: ApiProtocol.REST, api: props.restApi.restApiName, stageName: this.stageName });
    this.alarms = createStageAlarms(this, {
      prop: `${prop}.alarms`,
      stageName: this.stageName,
      metrics: this.metrics,
      options: o.alarms,
      apiActions: props.alarmActions,
      cached: this._cached,
    });
    // Routes are complete only once synthesis starts.
    Aspects.of(this).add({
      visit: node => {
        if (node !== this) return;
        const facts = {
          limits: methodDefaults.throttle,
          cached: cache !== undefined,
          usagePlans: this.usagePlans.size,
          latencyAlarms: latencyAlarms(`${prop}.alarms`, this.alarms),
        };
        for (const warning of routeWarnings(prop, this.routes(), facts)) {
          Annotations.of(this).addWarningV2(`cdk-gateway-api:${warning.id}`, warning.message);
        }
        if (this._headerCanary && this._headerCanary.routedBy.length === 0) {
          Annotations.of(this).addWarningV2('cdk-gateway-api:canaryHeaderWithoutDomain',
            `${prop}.release header: no custom domain maps the stage, so no routing rule sends ${this._headerCanary.header.name} `
            + `to its canary (stage ${this._headerCanary.stage.stageName}). Map the stage with a GatewayDomain or PrivateGatewayDomain.`);
        }
      },
    });
  }

  public routeKeys(): string[] {
    return this.routes().map(route => route.key.key);
  }

  public recordUsagePlan(plan: IConstruct): void {
    this.usagePlans.add(plan);
  }

  public serveFromDomain(url: string): void {
    this.domainFront.map(this.stageName, url);
  }

  /** Where clients reach the stage: its custom domain's URL when a domain serves it and execute-api is off. */
  public get url(): string {
    return this.domainFront.stageUrl(this.stageName,
      `https://${this.stage.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${this.stageName}/`);
  }

  public grantInvoke(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'Invoke', this.arnForExecuteApi(method, path, this.stageName));
  }

  public grantInvalidateCache(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'InvalidateCache', this.arnForExecuteApi(method, path, this.stageName));
  }
}

/**
 * What aws-cdk-lib's `Stage` reads of its deployment: the deployment's id and its API. The
 * deployments a GatewayApi stage serves are its release's (CfnDeployments the release plan
 * picks), not an L2 `Deployment`, whose constructor would make a deployment of its own.
 */
function servedDeployment(restApi: apigw.IRestApi, deploymentId: string): apigw.Deployment {
  const read: Pick<apigw.Deployment, 'api' | 'deploymentId'> = { api: restApi, deploymentId };
  return read as apigw.Deployment;
}

function endsCanary(release: Release): boolean {
  return release.kind === ReleaseKind.PROMOTE || release.kind === ReleaseKind.ROLLBACK || release.kind === ReleaseKind.PIN;
}

function validateStageOptions(scope: Construct, prop: string, o: StageOptions): void {
  checkStageVariables(scope, `${prop}.variables`, o.variables);
  checkOneOf(scope, `${prop}.loggingLevel`, o.loggingLevel, Object.values(apigw.MethodLoggingLevel));
  checkOneOf(scope, `${prop}.cache.clusterSize`, o.cache?.clusterSize, Object.values(CacheClusterSize));
  checkThrottleLimits(scope, `${prop}.throttlingRateLimit`, o.throttlingRateLimit, `${prop}.throttlingBurstLimit`, o.throttlingBurstLimit);
  checkPattern(scope, `${prop}.webAclArn`, o.webAclArn, REGIONAL_WEB_ACL_ARN,
    'the ARN of a REGIONAL WAFv2 web ACL, arn:aws:wafv2:REGION:ACCOUNT:regional/webacl/NAME/ID (CloudFront web ACLs cannot protect a stage)');
  checkIntegerInRange(scope, `${prop}.cache.ttl`, o.cache?.ttl?.toSeconds({ integral: false }), 0, MAX_CACHE_TTL_SECONDS, 'seconds');
  const canary = o.release?.canaryOptions;
  if (canary) {
    checkNumberInRange(scope, `${prop}.release.percentTraffic`, canary.percentTraffic, 0, 100);
    checkStageVariables(scope, `${prop}.release.stageVariableOverrides`, canary.stageVariableOverrides);
  }
  const pinned = o.release?.deploymentNumber;
  if (pinned !== undefined) checkIntegerInRange(scope, `${prop}.release.deployment`, pinned, 1, Number.MAX_SAFE_INTEGER);
}

/** A default switched off is allowed, and named with the rules that will flag it. */
function warnAboutSwitchedOffDefaults(scope: Construct, prop: string, o: StageOptions, loggingLevel: apigw.MethodLoggingLevel): void {
  const warn = (id: string, message: string) => Annotations.of(scope).addWarningV2(`cdk-gateway-api:${id}`, message);
  if (o.accessLogging === false) {
    warn('accessLoggingOff', `${prop}.accessLogging is false: AwsSolutions-APIG1 and CKV_AWS_76 will flag the stage (no access logs).`);
  }
  if (loggingLevel === apigw.MethodLoggingLevel.OFF) {
    warn('executionLoggingOff', `${prop}.loggingLevel is OFF: AwsSolutions-APIG6 and CT.APIGATEWAY.PR.1 will flag the stage (no execution logs).`);
  }
  if (o.tracingEnabled === false) {
    warn('tracingOff', `${prop}.tracingEnabled is false: CT.APIGATEWAY.PR.2 and CKV_AWS_73 will flag the stage (no X-Ray tracing).`);
  }
  if (o.dataTraceEnabled === true) {
    warn('dataTraceOn', `${prop}.dataTraceEnabled is true: full requests and responses, secrets and personal data included, go to the execution log.`);
  }
}
