import { IConstruct } from 'constructs';
import { checkLength, checkPattern } from '../core/checks';
import { propError } from '../core/errors';

/**
 * Stage variable names: letters, digits and underscores, with at least one letter or digit
 * (CloudFormation's schema matches names against `[a-zA-Z0-9]+`, so `_` alone is refused).
 */
const VARIABLE_NAME = /^[a-zA-Z0-9_]*[a-zA-Z0-9][a-zA-Z0-9_]*$/;
/** Values as API Gateway documents them: `[A-Za-z0-9-._~:/?#&=,]+`, so never empty. */
const VARIABLE_VALUE = /^[a-zA-Z0-9\-._~:/?#&=,]+$/;

/** API Gateway's quotas: variables per stage, characters per name and per value. */
const MAX_VARIABLES = 100;
const MAX_NAME_LENGTH = 64;
const MAX_VALUE_LENGTH = 512;

/** Checks the stage variables (or canary overrides) of a REST, HTTP or WebSocket stage. */
export function checkStageVariables(scope: IConstruct, prop: string, variables?: { [name: string]: string }): void {
  const entries = Object.entries(variables ?? {});
  if (entries.length > MAX_VARIABLES) {
    throw propError(scope, prop, `${entries.length} variables`, `at most ${MAX_VARIABLES} stage variables (API Gateway's quota)`);
  }
  for (const [name, value] of entries) {
    checkPattern(scope, `${prop} key`, name, VARIABLE_NAME, 'letters, digits and underscores, at least one letter or digit');
    checkLength(scope, `${prop} key`, name, MAX_NAME_LENGTH);
    checkPattern(scope, `${prop}['${name}']`, value, VARIABLE_VALUE, 'one or more of letters, digits and -._~:/?#&=,');
    checkLength(scope, `${prop}['${name}']`, value, MAX_VALUE_LENGTH);
  }
}
