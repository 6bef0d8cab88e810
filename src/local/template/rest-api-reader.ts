import { importedDefinition } from './imported-definitions';
import { TemplateJson, resolveIntrinsics } from './intrinsics';

/** A REST API of a template, read as a local deployment would see it. */
export interface LocalRestApi {
  readonly logicalId: string;
  /** The OpenAPI definition, intrinsics resolved. */
  readonly definition: { readonly [key: string]: any };
  readonly binaryMediaTypes: readonly string[];
  readonly stages: ReadonlyMap<string, LocalStage>;
}

/** A stage of the API: its variables and method settings. */
export interface LocalStage {
  readonly logicalId: string;
  readonly name: string;
  readonly variables: { readonly [name: string]: string };
  readonly methodSettings: readonly LocalMethodSetting[];
  /** Whether the stage has a cache cluster: its method settings' caching applies only then. */
  readonly cacheClusterEnabled: boolean;
  /** The logical id of the deployment the stage serves. */
  readonly deploymentId?: string;
  /** The canary in progress on the stage, if any. */
  readonly canary?: LocalCanary;
}

/** A stage's canary: the deployment it serves, the share of requests it takes, its stage variables. */
export interface LocalCanary {
  readonly deploymentId?: string;
  /** 0 to 100. */
  readonly percentTraffic: number;
  readonly variableOverrides: { readonly [name: string]: string };
}

/** A stage's settings for the methods of a resource path (`/*` and `*` for all), as its `MethodSettings` write them. */
export interface LocalMethodSetting {
  readonly httpMethod: string;
  /** The resource path, decoded: `/pets/{petId}`, or `/*`. */
  readonly resourcePath: string;
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
  readonly cachingEnabled: boolean;
  readonly cacheTtlSeconds: number;
}

/** The setting that applies to a route: its own entry (its method, or `*`), else the stage's catch-all. */
export function methodSetting(stage: LocalStage, resourcePath: string, method: string): LocalMethodSetting | undefined {
  const own = (s: LocalMethodSetting) => s.resourcePath === resourcePath;
  const all = (s: LocalMethodSetting) => s.resourcePath === '/*';
  const ofMethod = (s: LocalMethodSetting) => s.httpMethod === method;
  const anyMethod = (s: LocalMethodSetting) => s.httpMethod === '*';
  const settings = stage.methodSettings;
  return settings.find(s => own(s) && ofMethod(s)) ?? settings.find(s => own(s) && anyMethod(s)) ?? settings.find(s => all(s) && anyMethod(s));
}

/**
 * A REST API of the template with its stages. Its definition is the template's Body, or the
 * asset GatewayApi imports from S3 (read from the assembly's directory).
 */
export function readRestApi(template: TemplateJson, logicalId: string, assemblyDirectory?: string): LocalRestApi {
  const resources = template.Resources ?? {};
  const properties = resources[logicalId].Properties ?? {};
  const body = properties.Body ?? importedDefinition(template, logicalId, assemblyDirectory);
  if (body === undefined) throw new Error(`LocalGateway: ${logicalId} has no definition: neither a Body nor an import of GatewayApi's`);
  const definition = resolveIntrinsics(body, template) as { [key: string]: any };
  const stages = new Map<string, LocalStage>();
  for (const [stageId, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::ApiGateway::Stage') continue;
    const stage = resolveIntrinsics(resource.Properties ?? {}, template) as { [key: string]: any };
    if (stage.RestApiId !== logicalId) continue;
    const name = String(stage.StageName);
    const methodSettings = (stage.MethodSettings ?? []).map(readMethodSetting);
    const cacheClusterEnabled = stage.CacheClusterEnabled === true || stage.CacheClusterEnabled === 'true';
    const canary = stage.CanarySetting && {
      deploymentId: stage.CanarySetting.DeploymentId === undefined ? undefined : String(stage.CanarySetting.DeploymentId),
      percentTraffic: Number(stage.CanarySetting.PercentTraffic ?? 0),
      variableOverrides: stage.CanarySetting.StageVariableOverrides ?? {},
    };
    const deploymentId = stage.DeploymentId === undefined ? undefined : String(stage.DeploymentId);
    stages.set(name, { logicalId: stageId, name, variables: stage.Variables ?? {}, methodSettings, cacheClusterEnabled, deploymentId, canary });
  }
  const binaryMediaTypes = (resolveIntrinsics(properties.BinaryMediaTypes, template) as string[] | undefined)
    ?? (definition['x-amazon-apigateway-binary-media-types'] as string[] | undefined) ?? [];
  return { logicalId, definition, binaryMediaTypes, stages };
}

function readMethodSetting(setting: { [key: string]: any }): LocalMethodSetting {
  const path = String(setting.ResourcePath ?? '/*');
  const throttled = setting.ThrottlingRateLimit !== undefined || setting.ThrottlingBurstLimit !== undefined;
  return {
    httpMethod: String(setting.HttpMethod ?? '*').toUpperCase(),
    resourcePath: path === '/*' || path === '/' ? path : path.replace(/~1/g, '/').replace(/^\/\//, '/'),
    throttle: throttled
      ? { rateLimit: Number(setting.ThrottlingRateLimit ?? 10000), burstLimit: Number(setting.ThrottlingBurstLimit ?? 5000) }
      : undefined,
    cachingEnabled: setting.CachingEnabled === true,
    cacheTtlSeconds: Number(setting.CacheTtlInSeconds ?? 300),
  };
}
