import { CommonStageOptions } from '../stage/common-stage-options';

/** A stage of an HTTP API. Stages deploy automatically: every change to the API goes live. */
export interface HttpStageOptions extends CommonStageOptions {
  /**
   * The stage name; `$default` serves the API at its root URL.
   *
   * @default '$default'
   */
  readonly stageName?: string;
}
