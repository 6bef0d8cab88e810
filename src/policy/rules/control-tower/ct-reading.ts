import { isObject } from '../../template/template-index';

/**
 * How cfn-guard reads the Control Tower rules' properties: literally. Intrinsics are structs
 * that match no value, strings and booleans are distinct, comparisons are case-sensitive.
 */

/** A JSON object entry of a literal list, or nothing. */
export function structEntries(list: unknown): Array<{ readonly [key: string]: unknown }> {
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** A list with at least one entry (guard's `exists` and `!empty` on a list). */
export function nonEmptyList(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0;
}
