import { IConstruct } from 'constructs';
import { checkLiteral, checkPattern } from '../core/checks';
import { propError } from '../core/errors';

/** The stage a REST or WebSocket API gets unless it names its stages. */
export const DEFAULT_STAGE_NAME = 'prod';
/** The stage an HTTP API gets unless it names its stages: served at the API's root, with no path. */
export const HTTP_DEFAULT_STAGE_NAME = '$default';

const STAGE_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
const STAGE_NAME_ALLOWED = 'letters, digits, hyphens and underscores, 1 to 128 characters';

/** Where a new stage's name is checked and which stages the API already has. */
export interface NewStageName {
  readonly scope: IConstruct;
  /** The prop naming the stage, e.g. `stages[1].stageName`. */
  readonly prop: string;
  readonly name: string;
  /** The names of the API's other stages. */
  readonly taken: readonly string[];
  /** Why the name must be known at synth, for the error on a token. */
  readonly literalBecause: string;
  /** HTTP APIs also allow `$default`. */
  readonly allowsDefaultStage?: boolean;
}

/**
 * Checks a new stage's name before its construct id is made of it: known at synth, a name API
 * Gateway accepts, and no other stage of the API's.
 */
export function checkNewStageName(stage: NewStageName): void {
  const { scope, prop, name, taken } = stage;
  checkLiteral(scope, prop, name, stage.literalBecause);
  if (!(stage.allowsDefaultStage && name === HTTP_DEFAULT_STAGE_NAME)) {
    checkPattern(scope, prop, name, STAGE_NAME, stage.allowsDefaultStage ? `${HTTP_DEFAULT_STAGE_NAME}, or ${STAGE_NAME_ALLOWED}` : STAGE_NAME_ALLOWED);
  }
  if (taken.includes(name)) {
    throw propError(scope, prop, name, `a name no other stage of the API has (${taken.join(', ')})`);
  }
}
