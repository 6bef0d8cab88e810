import { isObject } from '../../template/template-index';

/**
 * How cdk-nag reads a template. It judges the L1 constructs that `CfnInclude` builds from it,
 * so Boolean properties given as "true"/"false" arrive as booleans, and a rule that stumbles on
 * an intrinsic (where it expects a plain value) reports the resource as non-compliant.
 */

/** A Boolean property after CfnInclude's coercion. */
export function nagBoolean(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** A plain value, or `THROWS` where cdk-nag's `resolveIfPrimitive` would throw (objects and arrays). */
export const THROWS = Symbol('throws');
export function nagPrimitive(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? THROWS : value;
}

/**
 * The stage's MethodSettings entries matching the catch-all `HttpMethod: '*'`,
 * `ResourcePath: '/*'`, or `THROWS` when the property is not a list (cdk-nag iterates it).
 */
export function catchAllMethodSettings(methodSettings: unknown): Array<{ readonly [key: string]: unknown }> | typeof THROWS {
  if (methodSettings === undefined || methodSettings === null || !Array.isArray(methodSettings)) return THROWS;
  return methodSettings.filter((s): s is { readonly [key: string]: unknown } =>
    isObject(s) && s.HttpMethod === '*' && s.ResourcePath === '/*');
}
