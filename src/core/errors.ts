import { IConstruct } from 'constructs';

/**
 * Builds the library's synth-time error: which construct, which prop, what value, what is allowed.
 *
 * Every validation goes through here so that messages read the same everywhere:
 * `[Stack/Api] routes['GET /pets'].integration.timeout: 30001 ms is not allowed. Allowed: 50 to 29000 ms ...`
 */
export function propError(scope: IConstruct, prop: string, value: unknown, allowed: string): Error {
  return new Error(`[${scope.node.path}] ${propProblem(prop, value, allowed)}`);
}

/**
 * The same message without the construct path, for `node.addValidation`, whose report already
 * starts with the construct's path.
 */
export function propProblem(prop: string, value: unknown, allowed: string): string {
  return `${prop}: ${describe(value)} is not allowed. Allowed: ${allowed}`;
}

/** Renders a value for an error message: strings quoted, everything else as JSON. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
