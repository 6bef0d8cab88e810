import { TemplateIndex, TemplateResource, isObject } from '../../template/template-index';

/**
 * How the CloudFormation Validate engine (cfn-lint's rules, bundled in aws-cdk-lib) reads
 * references: `Ref` and array `Fn::GetAtt` to a resource are followed; a `Ref` to a parameter
 * stands for its `Default`, when it has one.
 */
export function followRef(template: TemplateIndex, value: unknown): TemplateResource | undefined {
  if (!isObject(value)) return undefined;
  const getAtt = value['Fn::GetAtt'];
  const target = typeof value.Ref === 'string' ? value.Ref : Array.isArray(getAtt) && typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
  return target === undefined ? undefined : template.resource(target);
}

/** The value as authored, with parameter references replaced by their defaults. */
export function authoredForm(template: TemplateIndex, value: unknown): unknown {
  if (isObject(value) && typeof value.Ref === 'string' && Object.keys(value).length === 1) {
    const fallback = template.parameterDefault(value.Ref);
    if (fallback !== undefined) return fallback;
  }
  return value;
}

/** Whether two RestApiId values name different APIs, as the engine judges it. */
export function restApiIdsConflict(template: TemplateIndex, a: unknown, b: unknown): boolean {
  const targetA = followRef(template, a);
  const targetB = followRef(template, b);
  if (targetA && targetB) return targetA.logicalId !== targetB.logicalId;
  return JSON.stringify(authoredForm(template, a)) !== JSON.stringify(authoredForm(template, b));
}

/** A property is there (and not null). */
export function hasProperty(resource: TemplateResource, name: string): boolean {
  return resource.properties[name] !== undefined && resource.properties[name] !== null;
}

/** The properties of a stage's MethodSettings entry that set something (the rest select methods). */
export const METHOD_SETTINGS = [
  'CacheDataEncrypted', 'CacheTtlInSeconds', 'CachingEnabled', 'DataTraceEnabled',
  'LoggingLevel', 'MetricsEnabled', 'ThrottlingBurstLimit', 'ThrottlingRateLimit',
];
