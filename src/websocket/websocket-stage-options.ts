import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { CommonStageOptions } from '../stage/common-stage-options';

/** A stage of a WebSocket API. Stages deploy automatically: every change to the API goes live. */
export interface WebSocketStageOptions extends CommonStageOptions {
  /**
   * The stage name, the last part of the URL (`wss://.../prod`).
   *
   * @default 'prod'
   */
  readonly stageName?: string;

  /**
   * What API Gateway writes to the stage's execution log (`API-Gateway-Execution-Logs_{apiId}/{stage}`).
   *
   * @default MethodLoggingLevel.ERROR
   */
  readonly loggingLevel?: apigw.MethodLoggingLevel;

  /**
   * Whether whole messages go to the execution log. They may hold secrets and personal data.
   *
   * @default false
   */
  readonly dataTraceEnabled?: boolean;
}
