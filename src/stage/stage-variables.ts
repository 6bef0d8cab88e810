import { IConstruct } from 'constructs';
import { checkPattern } from '../model/checks';

/**
 * Stage variable names: letters, digits and underscores, with at least one letter or digit
 * (CloudFormation's schema matches names against `[a-zA-Z0-9]+`, so `_` alone is refused).
 */
const VARIABLE_NAME = /^[a-zA-Z0-9_]*[a-zA-Z0-9][a-zA-Z0-9_]*$/;
/** Values as API Gateway documents them: `[A-Za-z0-9-._~:/?#&=,]+`, so never empty. */
const VARIABLE_VALUE = /^[a-zA-Z0-9\-._~:/?#&=,]+$/;

/** Checks the stage variables (or canary overrides) of a REST, HTTP or WebSocket stage. */
export function checkStageVariables(scope: IConstruct, prop: string, variables?: { [name: string]: string }): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    checkPattern(scope, `${prop} key`, name, VARIABLE_NAME, 'letters, digits and underscores, at least one letter or digit');
    checkPattern(scope, `${prop}['${name}']`, value, VARIABLE_VALUE, 'one or more of letters, digits and -._~:/?#&=,');
  }
}
