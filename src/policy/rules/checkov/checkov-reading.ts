import { TemplateIndex, TemplateResource, isObject } from '../../template/template-index';

/**
 * How checkov reads a CloudFormation property: `Ref`s to parameters with a `Default` are
 * replaced by the default (booleans as Python prints them, "True"/"False"); every other
 * intrinsic stays a dict. A value is looked up at its exact path only.
 */
export function checkovValue(template: TemplateIndex, resource: TemplateResource, path: readonly string[]): unknown {
  let value: unknown = resource.properties;
  for (const key of path) {
    if (!isObject(value) || !(key in value)) return undefined;
    value = render(template, value[key]);
  }
  return value;
}

function render(template: TemplateIndex, value: unknown): unknown {
  if (isObject(value) && typeof value.Ref === 'string' && Object.keys(value).length === 1) {
    const fallback = template.parameterDefault(value.Ref);
    if (fallback === undefined) return value;
    return typeof fallback === 'boolean' ? (fallback ? 'True' : 'False') : fallback;
  }
  return value;
}

/**
 * checkov's BaseResourceValueCheck expecting `True`: Python `value in [True]` (so 1 passes),
 * a one-item list read as its item, "Ref.X" strings (variables) and "true" in any case pass.
 */
export function checkovTrue(value: unknown): boolean {
  const v = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (v === true || v === 1) return true;
  if (typeof v === 'string') return /(?:Ref)\.\S+/.test(v) || v.toLowerCase() === 'true';
  return false;
}

/** checkov's ANY_VALUE: present, not null, not the empty string. */
export function checkovAnyValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
