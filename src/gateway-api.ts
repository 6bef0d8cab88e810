import {
  Annotations, Aspects, Lazy, Stack, Token, Validations,
  aws_apigateway as apigw, aws_bedrockagentcore as agentcore, aws_cloudwatch as cloudwatch, aws_sns as sns, aws_iam as iam, aws_kms as kms,
  aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { buildResourcePolicy } from './access/resource-policy';
import { cloudWatchRoleSetting } from './account/cloudwatch-role';
import { McpTargetOptions, addMcpTarget } from './agents/mcp-target';
import { ApiAuthorizers } from './auth/api-authorizers';
import { Authorization } from './auth/authorization';
import { grantExecuteApi } from './auth/execute-api-grant';
import { checkIntegerInRange, checkPattern } from './core/checks';
import { propError } from './core/errors';
import { ApiDefinition } from './definition/api-definition';
import { withApiSettings } from './definition/api-settings';
import { ExternalDefinition } from './definition/external-definition';
import { CustomDomainOptions } from './domain/domain-options';
import { GatewayDomain } from './domain/gateway-domain';
import { encryptionKeyOf } from './encryption/api-encryption';
import { endpointSettings } from './endpoint/endpoint';
import { apiEndpointTls } from './endpoint/tls';
import { GatewayApiProps } from './gateway-api-props';
import { checkIntegrationConfig } from './integrations/config-check';
import { IIntegrationContext } from './integrations/integration-config';
import { InvokePermissions } from './integrations/invoke-permissions';
import { VpcLinks } from './integrations/vpc-links';
import { CorsModel, RouteModel } from './model/api-model';
import { toCorsModel } from './model/cors-model';
import { RequestValidation, RouteOptions } from './model/route-options';
import { RouteTable, VALIDATOR_NAMES } from './model/route-table';
import { ApiMonitoring } from './observability/api-monitoring';
import { ClientServers, DocumentedOperation, clientServers, restClientDocument } from './openapi/client-document';
import { writeDocumentAtSynth } from './openapi/document-file';
import { importOperations } from './openapi/import-operations';
import { OpenApiDocument } from './openapi/openapi-document';
import { Compliance, ComplianceDefaults, complianceDefaults, complianceRuleSets } from './policy/compliance';
import { recordAcknowledgments } from './policy/record-acknowledgments';
import { validateItself } from './policy/self-validation';
import { TemplateAcknowledgment, bodyOperationLocation } from './policy/template/acknowledgments';
import { ApiReleases, ServedDeployments } from './release/api-releases';
import { ApiDeployments } from './release/deployments';
import { DeployedSettings } from './release/fingerprint';
import { Release } from './release/release';
import { compactIntrinsics } from './render/compact-intrinsics';
import { withCrossStackExports } from './render/cross-stack';
import { externalize } from './render/externalize';
import { buildGatewayResponses } from './render/gateway-responses';
import { operationKey, renderOpenApiBody } from './render/openapi-body';
import { ApiStage } from './rest/api-stage';
import { IGatewayApiStage, IGatewayStage } from './rest/gateway-stage';
import { GatewayStageAttributes, ImportedGatewayStage } from './rest/imported-stage';
import { textOnlyS3Objects } from './rest/route-warnings';
import { StageOptions } from './rest/stage-options';
import { DomainFront } from './stage/domain-front';
import { DEFAULT_STAGE_NAME, checkNewStageName } from './stage/stage-name';
import { createWebAcl } from './waf/web-acl';

/** A media type, `type/subtype`, where either part may be `*` (RFC 6838 names). */
const MEDIA_TYPE = /^([A-Za-z0-9!#$&^_.+-]+|\*)\/([A-Za-z0-9!#$&^_.+-]+|\*)$/;
const MAX_COMPRESSION_BYTES = 10 * 1024 * 1024;
/** Past this, the definition leaves the template (whose limit is 1 MB) for an S3 asset. */
const DEFAULT_MAX_INLINE_DEFINITION_BYTES = 700 * 1024;
const DEFAULT_DEPLOYMENT_HISTORY = 3;

/**
 * A production-grade Amazon API Gateway REST API in one statement: routes rendered into one
 * OpenAPI definition (so the stack does not grow with routes), deployments that follow the
 * definition, and stages with access logs, execution logs, metrics, X-Ray and throttling on,
 * each serving the current definition, a canary of it or an earlier deployment.
 *
 * ```ts
 * const api = new GatewayApi(this, 'Api', {
 *   routes: { 'GET /pets/{petId}': { integration: Integration.lambda(petsFn) } },
 * });
 * ```
 *
 * It is an aws-cdk-lib `RestApiBase`, as `SpecRestApi` is (an API defined by its OpenAPI body),
 * so it goes wherever aws-cdk-lib takes an `IRestApi` or a `RestApiBase`: CloudFront's
 * `RestApiOrigin`, Route 53's and EventBridge's `ApiGateway` targets, a usage plan's `addApiStage`,
 * an AgentCore gateway's `addApiGatewayTarget`. Its `deploymentStage` is its first stage.
 */
export class GatewayApi extends apigw.RestApiBase {
  /**
   * A stage of a REST API made elsewhere (another stack, the console, another tool), for what
   * GatewayApi's constructs do with stages: a `UsagePlan` serving it, a `GatewayDomain` mapping
   * it, its `metrics` for alarms, and its grants. Nothing of that API changes.
   *
   * ```ts
   * const legacy = GatewayApi.fromStageAttributes(this, 'Legacy', { restApiId: 'a1b2c3d4e5', restApiName: 'legacy', stageName: 'prod' });
   * new UsagePlan(this, 'Partners', { stages: [legacy] });
   * ```
   */
  public static fromStageAttributes(scope: Construct, id: string, attrs: GatewayStageAttributes): IGatewayStage {
    return new ImportedGatewayStage(scope, id, attrs);
  }

  /** The RestApi resource; its `Body` is the rendered OpenAPI definition. */
  public readonly restApi: apigw.CfnRestApi;
  /** The deployment of the current definition; its logical id changes whenever the definition does. */
  public readonly deployment: apigw.CfnDeployment;
  /** The account's API Gateway setting of its CloudWatch Logs role (AWS::ApiGateway::Account), when this library manages it. */
  public readonly cloudWatchRoleSetting?: apigw.CfnAccount;
  /** The id of the REST API. */
  public readonly restApiId: string;
  /** The id of the API's root resource (`/`). */
  public readonly restApiRootResourceId: string;
  /**
   * The root resource, for aws-cdk-lib consumers that read it. The API's routes are its
   * `routes` (rendered into its OpenAPI body): methods added here would not be in its deployments.
   */
  public readonly root: apigw.IResource;
  /** The endpoint type. */
  public readonly endpointType: apigw.EndpointType;
  /** The compliance standard the API is built for. */
  public readonly compliance: Compliance;
  /** The client certificate the stages present to HTTP backends, when `clientCertificate` or the compliance standard asks for one. */
  public readonly clientCertificate?: apigw.CfnClientCertificate;
  /** The WAF web ACL protecting every stage that names no other, when `webAcl` or the compliance standard asks for one. */
  public readonly webAcl?: wafv2.CfnWebACL;
  /** The custom domain in front of the API, when `domain` is set. */
  public readonly domain?: GatewayDomain;
  /** The API's CloudWatch dashboard, unless `dashboard` is false. */
  public readonly dashboard?: cloudwatch.Dashboard;

  /**
   * The stack's topic the API's alarms notify, when the API names no `alarmActions` (one per
   * stack, encrypted, for every API in it): subscribe on-call to it.
   */
  public get alarmTopic(): sns.ITopic | undefined {
    return this.monitoring.alarmTopic;
  }

  private readonly routeTable: RouteTable;
  private readonly definition: ApiDefinition;
  private readonly authorizers: ApiAuthorizers;
  private readonly cors?: CorsModel;
  private readonly invokePermissions: InvokePermissions;
  private readonly vpcLinks = new VpcLinks(this);
  private readonly stageList: { readonly stage: ApiStage; readonly prop: string }[] = [];
  private readonly releases: ApiReleases;
  private readonly encryptedCache: boolean;
  private readonly encryptionKey?: () => kms.IKey;
  private readonly monitoring: ApiMonitoring;
  private externalDefinition?: ExternalDefinition;
  private readonly domainFront: DomainFront;
  /** What an imported document declared per operationId, for the exported document. */
  private readonly documented = new Map<string, DocumentedOperation>();
  /** The resource policy: the `resourcePolicy` prop's, and the statements `addToResourcePolicy` adds. */
  private policyDocument?: iam.PolicyDocument;

  constructor(scope: Construct, id: string, props: GatewayApiProps = {}) {
    const apiName = props.apiName ?? titleOf(props.openApi) ?? id;
    super(scope, id, { restApiName: apiName });
    if (props.operations && !props.openApi) throw propError(this, 'operations', Object.keys(props.operations), 'operations only with an openApi document');
    const imported = props.openApi && importOperations(this, props.openApi, props.operations ?? {}, props.defaultAuthorization !== undefined);
    const description = props.description ?? imported?.description;
    this.checkPayloadSettings(props);
    const endpoint = endpointSettings(this, props);
    this.endpointType = endpoint.endpointType;
    const tls = apiEndpointTls(this, this.endpointType, props.securityPolicy, props.endpointAccessMode);
    this.policyDocument = buildResourcePolicy(this, {
      options: props.resourcePolicy,
      isPrivate: endpoint.endpointType === apigw.EndpointType.PRIVATE,
      vpcEndpointIds: endpoint.endpointConfiguration.vpcEndpointIds ?? [],
      // PRIVATE APIs are always dual-stack.
      dualStack: endpoint.endpointConfiguration.ipAddressType === apigw.IpAddressType.DUAL_STACK
        || endpoint.endpointType === apigw.EndpointType.PRIVATE,
    });
    this.cors = props.cors && toCorsModel(this, props.cors);
    const requestValidation = props.requestValidation ?? imported?.defaultValidation ?? RequestValidation.BODY_AND_PARAMETERS;
    this.compliance = props.compliance ?? Compliance.AWS_SOLUTIONS;
    const preset = complianceDefaults(this.compliance);
    if (props.requestValidation === RequestValidation.OFF) {
      Annotations.of(this).addWarningV2('cdk-gateway-api:requestValidationOff',
        'requestValidation is OFF: API Gateway passes every request to the backends unchecked (AwsSolutions-APIG2).');
    }

    // A custom domain in front turns the execute-api endpoint off, unless the props say otherwise.
    this.domainFront = new DomainFront(props.disableExecuteApiEndpoint);
    const disableExecuteApiEndpoint = Lazy.any({ produce: () => this.domainFront.disableExecuteApiEndpointProperty });
    // Statements may be added after the constructor (addToResourcePolicy), so the policy is read at synthesis.
    const policy = Lazy.any({ produce: () => this.policyDocument });
    const deployedSettings: DeployedSettings = {
      policy,
      binaryMediaTypes: props.binaryMediaTypes,
      minimumCompressionSize: props.minCompressionSize?.toBytes(),
      disableExecuteApiEndpoint,
    };
    const gatewayResponses = buildGatewayResponses(this, props.gatewayResponses ?? [], this.cors, props.jsonErrorResponses ?? true);
    const stack = Stack.of(this);
    const render = () => renderOpenApiBody({
      title: apiName,
      defaultValidator: VALIDATOR_NAMES[requestValidation],
      description,
      routes: this.routeTable.routes,
      schemas: this.routeTable.schemas,
      cors: this.cors,
      gatewayResponses,
      apiKeySource: props.apiKeySource,
      authorizers: this.authorizers.schemes(),
    });
    const definition = this.definition = new ApiDefinition(this,
      () => compactIntrinsics(stack.resolve(withCrossStackExports(stack, render()))),
      () => stack.resolve(deployedSettings));
    const body = Lazy.any({ produce: () => (this.externalDefinition ? undefined : definition.definition()) });

    this.restApi = new apigw.CfnRestApi(this, 'Resource', {
      name: apiName,
      description,
      body,
      endpointConfiguration: endpoint.endpointConfiguration,
      ...tls,
      policy,
      binaryMediaTypes: props.binaryMediaTypes,
      minimumCompressionSize: props.minCompressionSize?.toBytes(),
      disableExecuteApiEndpoint,
    });
    this.restApiId = this.restApi.ref;
    this.restApiRootResourceId = this.restApi.attrRootResourceId;
    this.root = apigw.Resource.fromResourceAttributes(this, 'Root', { restApi: this, resourceId: this.restApiRootResourceId, path: '/' });
    // Routes, their authorizers and the functions they invoke: the body renders them at synthesis.
    this.invokePermissions = new InvokePermissions(this, this.restApiId);
    this.authorizers = new ApiAuthorizers(this, fn => this.invokePermissions.allowAuthorize(fn));
    this.routeTable = new RouteTable(this, requestValidation, props.defaultAuthorization ?? Authorization.iam(),
      props.apiKeyRequired ?? false, this.authorizers);

    // A deployment is a snapshot: a new one is created whenever anything it snapshots changes.
    const fingerprint = () => definition.fingerprint();
    const deployments = new ApiDeployments(this, this.restApi, fingerprint);
    this.deployment = deployments.current;
    const history = props.deploymentHistory ?? DEFAULT_DEPLOYMENT_HISTORY;
    checkIntegerInRange(this, 'deploymentHistory', history, 0, 100);
    this.releases = new ApiReleases(this, deployments, fingerprint, history, () => this.stageList);

    this.encryptionKey = encryptionKeyOf(this, props.encryption, preset.customerKeyRequiredBy);
    this.encryptedCache = preset.encryptedCache;
    this.clientCertificate = (props.clientCertificate ?? preset.clientCertificate)
      ? new apigw.CfnClientCertificate(this, 'ClientCertificate', { description: `Presented by ${this.node.path} to HTTP backends` })
      : undefined;
    this.webAcl = (props.webAcl ?? preset.webAcl) ? createWebAcl(this, this.encryptionKey?.()) : undefined;
    this.warnAboutSwitchedOffPresetDefaults(props, preset);
    if (props.cloudWatchRole ?? true) this.cloudWatchRoleSetting = cloudWatchRoleSetting(this);
    this.monitoring = new ApiMonitoring(this, props);
    this.dashboard = this.monitoring.dashboard?.dashboard;
    const stages = props.stages ?? [{}];
    if (stages.length === 0) throw propError(this, 'stages', stages, 'at least one stage');
    for (const options of stages) this.addStage(options);
    if (props.domain) this.domain = this.addDomain(props.domain);
    if (props.policyValidation ?? true) validateItself(this, complianceRuleSets(this.compliance));
    // Acknowledgments go into the template too, for the CLI; a route's own ones to its operation of the body.
    recordAcknowledgments(this, resource => (resource === this.restApi ? this.routeAcknowledgments() : []));
    if (props.openApiExport ?? true) writeDocumentAtSynth(this, () => this.openApiDocument());

    for (const [routeKey, options] of Object.entries(props.routes ?? {})) {
      this.addRoute(routeKey, options);
    }
    for (const [name, schema] of imported?.models ?? []) this.routeTable.addModel(`openApi components.schemas['${name}']`, name, schema);
    for (const route of imported?.routes ?? []) {
      this.addRouteAt(route.prop, route.routeKey, route.options);
      if (route.options.operationId) this.documented.set(route.options.operationId, route.documented);
    }

    Aspects.of(this).add({ visit: node => node === this && this.acknowledgeValidatorsInBody() });
    Aspects.of(this).add({
      visit: node => {
        const warning = node === this && textOnlyS3Objects(this.routeTable.routes, props.binaryMediaTypes);
        if (warning) Annotations.of(this).addWarningV2(`cdk-gateway-api:${warning.id}`, warning.message);
      },
    });
    this.placeDefinitionOnceRoutesAreIn(props, {
      ...deployedSettings,
      ...tls,
      vpcEndpointIds: endpoint.endpointConfiguration.vpcEndpointIds,
    });
  }

  /** The payload settings API Gateway would refuse at deploy time. */
  private checkPayloadSettings(props: GatewayApiProps): void {
    if (props.minCompressionSize) {
      checkIntegerInRange(this, 'minCompressionSize', props.minCompressionSize.toBytes(), 0, MAX_COMPRESSION_BYTES, 'bytes');
    }
    (props.binaryMediaTypes ?? []).forEach((type, i) => checkPattern(this, `binaryMediaTypes[${i}]`, type, MEDIA_TYPE,
      'a media type, type/subtype, either part * (e.g. image/png, image/*, */*)'));
  }

  /** A compliance preset's protection switched off is allowed, and named with the rules that will flag it. */
  private warnAboutSwitchedOffPresetDefaults(props: GatewayApiProps, preset: ComplianceDefaults): void {
    if (preset.webAcl && props.webAcl === false) {
      Annotations.of(this).addWarningV2('cdk-gateway-api:webAclOff',
        `webAcl is false under ${this.compliance}: AwsSolutions-APIG3 and the pack's APIGWAssociatedWithWAF will flag stages without a webAclArn.`);
    }
    if (preset.clientCertificate && props.clientCertificate === false) {
      Annotations.of(this).addWarningV2('cdk-gateway-api:clientCertificateOff',
        `clientCertificate is false under ${this.compliance}: the pack's APIGWSSLEnabled will flag every stage.`);
    }
  }

  /**
   * Where the definition goes is decided once every route is in, before synthesis: in the
   * template, or, past `maxInlineDefinitionSize`, an S3 asset a custom resource imports with the
   * API's settings.
   */
  private placeDefinitionOnceRoutesAreIn(props: GatewayApiProps, apiSettings: { [setting: string]: unknown }): void {
    const maxInline = props.maxInlineDefinitionSize?.toBytes() ?? DEFAULT_MAX_INLINE_DEFINITION_BYTES;
    const stack = Stack.of(this);
    Aspects.of(this).add({
      visit: node => {
        if (node !== this || this.externalDefinition) return;
        const resolved = this.definition.definition();
        if (Buffer.byteLength(JSON.stringify(resolved, undefined, 1)) <= maxInline) return;
        this.externalDefinition = new ExternalDefinition(this, 'Definition', {
          restApiId: this.restApi.ref,
          definition: externalize(withApiSettings(resolved, stack.resolve(withCrossStackExports(stack, apiSettings)))),
          integrationRoles: this.node.children.filter((c): c is iam.Role => c instanceof iam.Role),
        });
        this.deployment.node.addDependency(this.externalDefinition.importer);
      },
    });
  }

  /**
   * Adds a route, e.g. `api.addRoute('GET /pets/{petId}', { integration: Integration.lambda(fn) })`.
   */
  public addRoute(routeKey: string, options: RouteOptions): void {
    this.addRouteAt(`routes['${routeKey}']`, routeKey, options);
  }

  private addRouteAt(prop: string, routeKey: string, options: RouteOptions): void {
    this.routeTable.add(prop, routeKey, options, key => {
      const context: IIntegrationContext = {
        scope: this,
        prop: `${prop}.integration`,
        method: key.method,
        path: key.path,
        pathParameters: key.pathParameters,
        endpointType: this.endpointType,
        allowInvoke: fn => this.invokePermissions.allowInvoke(fn),
        vpcLinkInto: (vpc, backend, port) => this.vpcLinks.into(vpc, backend, port),
      };
      return checkIntegrationConfig(context, options.integration.bind(context));
    });
  }

  /**
   * Adds a stage, e.g. `api.addStage({ stageName: 'dev', variables: { env: 'dev' } })`.
   * Stage names are unique within the API.
   */
  public addStage(options: StageOptions): IGatewayApiStage {
    const prop = `stages[${this.stageList.length}]`;
    const stageName = options.stageName ?? DEFAULT_STAGE_NAME;
    checkNewStageName({
      scope: this,
      prop: `${prop}.stageName`,
      name: stageName,
      taken: this.stageList.map(s => s.stage.stageName),
      literalBecause: 'it names the stage\'s resources (and its record in the release file)',
    });
    const stage = this.newStage(prop, options, () => this.releases.served(stageName));
    const header = options.release?.canaryOptions?.header;
    if (header) stage._headerCanary = { stage: this.addCanaryStage(prop, stageName, options), header, routedBy: [] };
    this.deploymentStage ??= stage;
    this.monitoring.addStage({
      stageName, metrics: stage.metrics, alarms: stage.alarms, cached: stage._cached, routeMetrics: options.detailedMetrics ?? true,
    });
    this.stageList.push({ stage, prop });
    return stage;
  }

  /**
   * The stage that serves a stage's canary deployment to the requests with the canary's header:
   * named `<stage>-canary`, configured as the stage is, with the canary's variable overrides.
   * It is not in the release file: it lives as long as the canary.
   */
  private addCanaryStage(prop: string, stageName: string, options: StageOptions): ApiStage {
    const canary = options.release!.canaryOptions!;
    const canaryStageName = `${stageName}-canary`;
    checkNewStageName({
      scope: this,
      prop: `${prop}.release header`,
      name: canaryStageName,
      taken: this.stageList.map(s => s.stage.stageName),
      literalBecause: 'it names the canary\'s stage',
    });
    return this.newStage(`${prop}.release header`, {
      ...options,
      stageName: canaryStageName,
      description: `The canary of stage ${stageName}, for requests with ${canary.header!.name}: ${canary.header!.value}`,
      variables: { ...options.variables, ...canary.stageVariableOverrides },
      release: Release.latest(),
      urlOutput: false,
    }, () => ({ base: this.releases.served(stageName).canary! }));
  }

  private newStage(prop: string, options: StageOptions, served: () => ServedDeployments): ApiStage {
    return new ApiStage(this, `Stage.${options.stageName ?? DEFAULT_STAGE_NAME}`, {
      prop,
      options,
      restApi: this,
      alarmActions: () => this.monitoring.alarmActions(),
      served,
      routes: () => this.routeTable.routes,
      arnForExecuteApi: (method, path, name) => this.arnForExecuteApi(method, path, name),
      encryptedCache: this.encryptedCache,
      clientCertificateId: this.clientCertificate?.ref,
      accessLogKey: this.encryptionKey,
      webAcl: this.webAcl,
      endpointType: this.endpointType,
      domainFront: this.domainFront,
    });
  }

  /**
   * Offers routes of a stage to the agents of an AgentCore gateway as MCP tools: each named by
   * its route's `operationId` and described by its `summary`. Only the routes named are tools.
   * The gateway signs its calls with its role, allowed to invoke exactly those routes, when any
   * of them is IAM-authorized, and calls open routes without credentials; routes it cannot call
   * (ANY, proxy resources, Cognito or Lambda authorizers, API keys) are refused, as are PRIVATE
   * APIs and APIs whose execute-api endpoint is off (the gateway calls that endpoint).
   *
   * ```ts
   * api.addMcpTarget(gateway, { routes: ['GET /pets', 'GET /pets/{petId}'] });
   * ```
   */
  public addMcpTarget(gateway: agentcore.IGateway, options: McpTargetOptions): agentcore.CfnGatewayTarget {
    const target = addMcpTarget({
      scope: this,
      restApiId: this.restApiId,
      routes: this.routeTable.routes,
      stages: this.stageList.map(({ stage }) => stage),
      endpointType: this.endpointType,
      arnForExecuteApi: (method, path, stage) => this.arnForExecuteApi(method, path, stage),
    }, gateway, options);
    // Whether a custom domain turns execute-api off is known once the domains are mapped.
    target.node.addValidation({
      validate: () => (this.domainFront.disableExecuteApiEndpointProperty
        ? [`${this.node.path}: addMcpTarget needs the execute-api endpoint, which AgentCore gateways call; `
          + 'set disableExecuteApiEndpoint: false to keep it beside the custom domain']
        : []),
    });
    return target;
  }

  /**
   * Adds a statement to the API's resource policy (making one when the API has none; then API
   * Gateway demands an explicit Allow for every call). aws-cdk-lib's `grantInvokeFromVpcEndpointsOnly` uses it.
   */
  public addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    this.policyDocument ??= new iam.PolicyDocument();
    this.policyDocument.addStatements(statement);
    return { statementAdded: true, policyDependable: this.restApi };
  }

  /**
   * Called by each stage as aws-cdk-lib's `Stage` makes it: the stage resource waits for the
   * account's CloudWatch role, which its execution logs need. @internal
   */
  public _attachStage(stage: apigw.Stage): void {
    if (this.cloudWatchRoleSetting) stage.node.defaultChild!.node.addDependency(this.cloudWatchRoleSetting);
  }

  /** The API's stages, in the order they were added. */
  public get stages(): IGatewayApiStage[] {
    return this.stageList.map(({ stage }) => stage);
  }

  /** The custom domain of the `domain` prop, serving the stages its mappings name. */
  private addDomain(options: CustomDomainOptions): GatewayDomain {
    const domain = new GatewayDomain(this, 'Domain', options);
    const mappings = options.mappings ?? [{ stageName: this.stageName }];
    mappings.forEach((mapping, i) => {
      const served = this.stageList.find(({ stage }) => stage.stageName === mapping.stageName);
      if (!served) {
        throw propError(this, `domain.mappings[${i}].stageName`, mapping.stageName, `a stage of the API (${this.stageList.map(s => s.stage.stageName).join(', ')})`);
      }
      domain._addMapping(served.stage, { basePath: mapping.basePath }, { scope: this, prop: `domain.mappings[${i}]` });
    });
    return domain;
  }

  /** The first stage: the one `url`, `stageName` and the single-stage examples refer to. */
  public get defaultStage(): IGatewayApiStage {
    return this.stageList[0].stage;
  }

  /** The name of the first stage. */
  public get stageName(): string {
    return this.defaultStage.stageName;
  }

  /**
   * The URL of the first stage, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/prod/`,
   * or its custom domain's when one serves it and the execute-api endpoint is off.
   */
  public get url(): string {
    return this.defaultStage.url;
  }

  /**
   * The API's client-facing OpenAPI 3 document: its paths, parameters, request bodies, models,
   * responses and security schemes, with a server per stage, and none of API Gateway's
   * extensions (integrations, validators, authorizer internals). `cdk synth` writes it next to
   * the templates as `<stack>.<api>.openapi.json` unless `openApiExport` is false.
   */
  public openApiDocument(): any {
    const definition = this.definition.definition() as { [key: string]: unknown };
    return Stack.of(this).resolve(restClientDocument(definition, this.clientServers(), this.documented));
  }

  /**
   * The execute-api ARN of a method, path and stage, for IAM policies.
   *
   * @param method the HTTP method, or `*`
   * @param path the resource path, e.g. `/pets/*`, or `/*`
   * @param stage the stage name, or `*`
   */
  public arnForExecuteApi(method: string = '*', path: string = '/*', stage: string = '*'): string {
    if (!Token.isUnresolved(path) && !path.startsWith('/')) {
      throw propError(this, 'arnForExecuteApi path', path, 'a path starting with "/"');
    }
    return Stack.of(this).formatArn({
      service: 'execute-api',
      resource: this.restApiId,
      resourceName: `${stage}/${method}${path}`,
    });
  }

  /**
   * Allows a principal to call the API's IAM-authorized routes (all of them by default) on
   * every stage; a stage's own `grantInvoke` admits it to that stage only.
   *
   * @param grantee who may call
   * @param method the HTTP method, or `*`
   * @param path the resource path, e.g. `/pets/*`, or `/*`
   */
  public grantInvoke(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'Invoke', this.arnForExecuteApi(method, path, '*'));
  }

  /**
   * Allows a principal to invalidate cache entries of the routes it names (all of them by
   * default) on every stage, by sending `Cache-Control: max-age=0` with a signed request. A
   * stage's own `grantInvalidateCache` admits it to that stage only.
   *
   * @param grantee who may invalidate
   * @param method the HTTP method, or `*`
   * @param path the resource path, e.g. `/pets/*`, or `/*`
   */
  public grantInvalidateCache(grantee: iam.IGrantable, method: string = '*', path: string = '/*'): iam.Grant {
    return grantExecuteApi(grantee, 'InvalidateCache', this.arnForExecuteApi(method, path, '*'));
  }

  /**
   * cdk-nag's AwsSolutions-APIG2 looks only for RequestValidator resources; GatewayApi declares
   * its validators in the OpenAPI body. Where every route validates body and parameters (or
   * acknowledges, for itself, why it does not), the finding is wrong, and is acknowledged; the
   * body itself is judged, route by route, by body-request-validation.
   */
  private acknowledgeValidatorsInBody(): void {
    const validated = (route: RouteModel) => route.validator === VALIDATOR_NAMES[RequestValidation.BODY_AND_PARAMETERS]
      || route.acknowledgments.some(ack => ack.id === 'GatewayApi::body-request-validation');
    if (!this.routeTable.routes.every(validated)) return;
    const reason = 'Every route validates body and parameters with the validator declared in the OpenAPI body '
      + '(x-amazon-apigateway-request-validators), which cdk-nag does not read, or acknowledges why not; '
      + 'GatewayApi::body-request-validation checks each route.';
    // The plain id is cdk-nag's own (it reads acknowledgments itself); the namespaced one is this library's mirror of it.
    Validations.of(this.restApi).acknowledge({ id: 'AwsSolutions-APIG2', reason }, { id: 'GatewayApi::rest-api-request-validator', reason });
  }

  private clientServers(): ClientServers {
    return clientServers(this, this.stageList.map(({ stage }) => stage.stageName), name => this.domainFront.domainUrl(name));
  }

  /** The findings routes acknowledge for themselves, located at their operations of the definition. */
  private routeAcknowledgments(): TemplateAcknowledgment[] {
    return this.routeTable.routes.flatMap(route => route.acknowledgments.map(ack => ({
      ...ack, location: bodyOperationLocation(route.key.path, operationKey(route.key.method)),
    })));
  }
}

/** The title of an imported OpenAPI document, which names the API unless `apiName` does. */
function titleOf(document: OpenApiDocument | undefined): string | undefined {
  const title = document?.document?.info?.title;
  return typeof title === 'string' ? title : undefined;
}
