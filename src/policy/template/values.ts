import { isObject } from './template-index';

/**
 * Reading template values the way CloudFormation does, with intrinsic functions kept opaque:
 * a rule never guesses what `Fn::If` or `Ref` will produce at deploy time.
 */

/** `{"Ref": ...}`, `{"Fn::...": ...}` or `{"Condition": ...}`: a value known only at deploy time. */
export function isIntrinsic(value: unknown): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

/**
 * A Boolean property as CloudFormation reads it: JSON booleans and the strings "true" and
 * "false" (any case). `undefined` for anything else, intrinsics included.
 */
export function booleanValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

/** A Number property as CloudFormation reads it: numbers and numeric strings. */
export function numberValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value))) return Number(value);
  return undefined;
}

/** The logical id a `Ref` or `Fn::GetAtt` points at, if the value is one. */
export function referencedLogicalId(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** The entries of a list property, or `undefined` when it is not a literal list. */
export function listValue(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Whether a value was given at all (`null` and `{"Ref": "AWS::NoValue"}` count as absent). */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return !(isObject(value) && value.Ref === 'AWS::NoValue');
}
