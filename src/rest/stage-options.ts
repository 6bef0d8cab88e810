import { aws_apigateway as apigw, aws_kinesisfirehose as firehose } from 'aws-cdk-lib';
import { StageCacheOptions } from '../cache/stage-cache';
import { Release } from '../release/release';
import { CommonStageOptions } from '../stage/common-stage-options';

/**
 * Settings of one of the API's stages. Every default is the secure, observable one; switching one
 * off is allowed and produces a synth warning naming the compliance rule that will flag it.
 */
export interface StageOptions extends CommonStageOptions {
  /**
   * The stage name: letters, digits, hyphens and underscores, at most 128 characters. Unique
   * within the API.
   *
   * @default 'prod'
   */
  readonly stageName?: string;

  /**
   * Which deployment the stage serves: the current definition, a canary of it, or an earlier
   * deployment. Each step of a release is a change of this prop (see README, "Releases").
   *
   * @default Release.latest()
   */
  readonly release?: Release;

  /**
   * Whether the stage's URL becomes a stack output (`<construct>Url`).
   *
   * @default false
   */
  readonly urlOutput?: boolean;

  /**
   * An Amazon Data Firehose delivery stream the access logs go to, in place of a log group (for
   * S3, OpenSearch or a SIEM). Its name must start with `amazon-apigateway-`.
   *
   * @default - a CloudWatch Logs log group (`accessLogGroup`, or the stage's own)
   */
  readonly accessLogDeliveryStream?: firehose.IDeliveryStream;

  /**
   * Execution logging level for every method.
   *
   * @default MethodLoggingLevel.ERROR
   */
  readonly loggingLevel?: apigw.MethodLoggingLevel;

  /**
   * Whether full requests and responses are written to the execution log. They may contain
   * secrets and personal data.
   *
   * @default false
   */
  readonly dataTraceEnabled?: boolean;

  /**
   * Whether AWS X-Ray traces requests.
   *
   * @default true
   */
  readonly tracingEnabled?: boolean;

  /**
   * A response cache for every method of the stage, encrypted.
   *
   * @default - no cache (the NIST, PCI and HIPAA presets add a 0.5 GB one with a 300 s TTL)
   */
  readonly cache?: StageCacheOptions;

  /**
   * An existing REGIONAL WAFv2 web ACL to protect this stage, in place of the API's.
   *
   * @default - the API's web ACL, when it has one (`webAcl`, or the NIST and PCI presets)
   */
  readonly webAclArn?: string;

}
