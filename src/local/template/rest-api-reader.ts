import { TemplateJson, resolveIntrinsics } from './intrinsics';

/** A REST API of a template, read as a local deployment would see it. */
export interface LocalRestApi {
  readonly logicalId: string;
  /** The OpenAPI definition, intrinsics resolved. */
  readonly definition: { readonly [key: string]: any };
  readonly binaryMediaTypes: readonly string[];
  readonly stages: ReadonlyMap<string, LocalStage>;
}

/** A stage of the API: its variables. */
export interface LocalStage {
  readonly name: string;
  readonly variables: { readonly [name: string]: string };
}

/**
 * The REST API `apiLogicalId` names, or the template's only one, with its stages. Refused when
 * the template holds none, several without a name, or a definition not in the template (a large
 * definition imported from S3: read it from the GatewayApi construct instead).
 */
export function readRestApi(template: TemplateJson, apiLogicalId?: string): LocalRestApi {
  const resources = template.Resources ?? {};
  const apis = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::ApiGateway::RestApi').map(([id]) => id);
  const logicalId = apiLogicalId ?? (apis.length === 1 ? apis[0] : undefined);
  if (logicalId === undefined || !apis.includes(logicalId)) {
    throw new Error(apis.length === 0
      ? 'LocalGateway: the template has no AWS::ApiGateway::RestApi'
      : `LocalGateway: name the REST API to run with the api option: one of ${apis.join(', ')}`);
  }
  const properties = resources[logicalId].Properties ?? {};
  if (properties.Body === undefined) {
    throw new Error(`LocalGateway: ${logicalId} has no Body in the template (its definition is imported from S3); use LocalGateway.fromApi`);
  }
  const definition = resolveIntrinsics(properties.Body, template) as { [key: string]: any };
  const stages = new Map<string, LocalStage>();
  for (const resource of Object.values(resources)) {
    if (resource.Type !== 'AWS::ApiGateway::Stage') continue;
    const stage = resolveIntrinsics(resource.Properties ?? {}, template) as { [key: string]: any };
    if (stage.RestApiId !== logicalId) continue;
    stages.set(String(stage.StageName), { name: String(stage.StageName), variables: stage.Variables ?? {} });
  }
  const binaryMediaTypes = (resolveIntrinsics(properties.BinaryMediaTypes, template) as string[] | undefined)
    ?? (definition['x-amazon-apigateway-binary-media-types'] as string[] | undefined) ?? [];
  return { logicalId, definition, binaryMediaTypes, stages };
}
