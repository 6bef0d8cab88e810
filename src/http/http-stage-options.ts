import { V2StageCommonOptions } from '../v2/v2-stage-options';

/** A stage of an HTTP API. Stages deploy automatically: every change to the API goes live. */
export interface HttpStageOptions extends V2StageCommonOptions {
  /**
   * The stage name; `$default` serves the API at its root URL.
   *
   * @default '$default'
   */
  readonly stageName?: string;
}
