import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { propError } from './errors';

/**
 * Token-aware checks used when props enter the model. An unresolved token is never judged:
 * its value is only known at deploy time.
 */

/** Throws unless `value` is a whole number within [min, max]; `unit` names the unit in the message. */
export function checkIntegerInRange(
  scope: IConstruct, prop: string, value: number | undefined, min: number, max: number, unit = '',
): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    const suffix = unit ? ` ${unit}` : '';
    throw propError(scope, prop, value, `a whole number from ${min} to ${max}${suffix}`);
  }
}

/** Throws unless `value` is a number within [min, max]. */
export function checkNumberInRange(
  scope: IConstruct, prop: string, value: number | undefined, min: number, max: number,
): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw propError(scope, prop, value, `a number from ${min} to ${max}`);
  }
}

/** Throws unless `value` is one of `allowed` (for enums that JavaScript and Python callers can pass any string to). */
export function checkOneOf(scope: IConstruct, prop: string, value: string | undefined, allowed: readonly string[]): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!allowed.includes(value)) throw propError(scope, prop, value, `one of ${allowed.join(', ')}`);
}

/** Throws when the text is longer than `max` characters. */
export function checkLength(scope: IConstruct, prop: string, value: string | undefined, max: number, what = 'characters'): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (value.length > max) throw propError(scope, prop, value.length > 80 ? `${value.slice(0, 60)}… (${value.length} ${what})` : value, `at most ${max} ${what}`);
}

/** Throws unless the text has `min` to `max` characters. */
export function checkLengthBetween(scope: IConstruct, prop: string, value: string | undefined, min: number, max: number): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (value.length < min || value.length > max) throw propError(scope, prop, value, `${min} to ${max} characters`);
}

/** Throws unless `value` matches `pattern`; `allowed` explains the pattern to a person. */
export function checkPattern(
  scope: IConstruct, prop: string, value: string | undefined, pattern: RegExp, allowed: string,
): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!pattern.test(value)) throw propError(scope, prop, value, allowed);
}

/**
 * Throws when `value` is a token: for the few values that name constructs or records of the
 * release file, which must be known at synth.
 */
export function checkLiteral(scope: IConstruct, prop: string, value: string, why: string): void {
  if (Token.isUnresolved(value)) throw propError(scope, prop, value, `a literal value, not one known only at deploy time: ${why}`);
}

/**
 * An integration's backend URL: http:// or https://, a host, no whitespace anywhere, and a URL
 * once its `{placeholders}` are filled (API Gateway refuses the rest at deploy, with "Invalid
 * HTTP endpoint specified for URI").
 */
export function checkBackendUrl(scope: IConstruct, prop: string, url: string): void {
  if (Token.isUnresolved(url)) return;
  const allowed = 'an http:// or https:// URL without spaces, e.g. "https://backend.example.com/pets/{petId}"';
  if (!/^https?:\/\/[^\s/]+\S*$/.test(url)) throw propError(scope, prop, url, allowed);
  try {
    new URL(url.replace(/\{[^}]*\}/g, 'x'));
  } catch {
    throw propError(scope, prop, url, allowed);
  }
}

/** An OAuth scope as RFC 6749 allows it: printable ASCII but space, `"` and `\`. */
const OAUTH_SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Throws unless each scope is one RFC 6749 allows; errors name `prop scopes[i]`. */
export function checkOAuthScopes(scope: IConstruct, prop: string, scopes: readonly string[]): void {
  scopes.forEach((value, i) => checkPattern(scope, `${prop} scopes[${i}]`, value, OAUTH_SCOPE, 'a scope without spaces, e.g. "pets/read"'));
}
