import { aws_logs as logs } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { CommonStageOptions } from '../../src/stage/common-stage-options';

/** What the REST, HTTP and WebSocket specs share: arbitraries, and how shared parts are built. */

export const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/**
 * Paths built so that any set of them is one API Gateway accepts: a parameter at depth d is
 * always `{p<d>}` (so siblings agree), and `proxy` is always followed by a greedy parameter
 * and nothing else (so a greedy never has a sibling).
 */
const LITERALS = ['pets', 'orders', 'v1', 'items', 'a.b', 'x_y', 'Users-2', 'proxy'];
export const pathArb: fc.Arbitrary<string> = fc.array(fc.oneof(fc.constantFrom(...LITERALS), fc.constant('{}')), { maxLength: 4 })
  .map(tokens => {
    const parts: string[] = [];
    for (const token of tokens) {
      const depth = parts.length + 1;
      if (parts[parts.length - 1] === 'proxy') {
        parts.push(`{p${depth}+}`);
        break;
      }
      parts.push(token === '{}' ? `{p${depth}}` : token);
    }
    return `/${parts.join('/')}`;
  });

export const stageVariablesArb = fc.dictionary(
  fc.stringMatching(/^[a-zA-Z0-9_]{0,6}[a-zA-Z0-9][a-zA-Z0-9_]{0,5}$/), fc.stringMatching(/^[a-zA-Z0-9\-._~:/?#&=,]{1,24}$/), { maxKeys: 3 });

export const throttleArb = fc.record({ rateLimit: fc.integer({ min: 1, max: 10_000 }), burstLimit: fc.integer({ min: 1, max: 5_000 }) });

/** One to three distinct stage names, as API Gateway allows them. */
export const stageNamesArb = fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/), { minLength: 1, maxLength: 3 });

/** Access log retentions a spec picks from, in days, and what they build. */
export const RETENTION = { 7: logs.RetentionDays.ONE_WEEK, 30: logs.RetentionDays.ONE_MONTH, 365: logs.RetentionDays.ONE_YEAR };
export const retentionDaysArb = fc.constantFrom<7 | 30 | 365>(7, 30, 365);

export type ComplianceName = 'AWS_SOLUTIONS' | 'NIST_800_53_R5' | 'PCI_DSS_321' | 'HIPAA_SECURITY';
export const complianceArb = fc.constantFrom<ComplianceName>('AWS_SOLUTIONS', 'NIST_800_53_R5', 'PCI_DSS_321', 'HIPAA_SECURITY');

export type Throttle = { readonly rateLimit: number; readonly burstLimit: number };

/** The options HTTP and WebSocket stages share. */
export interface V2StageSpec {
  /** For HTTP APIs, `$default` when absent. */
  readonly name?: string;
  readonly variables?: { [name: string]: string };
  readonly throttle?: Throttle;
  readonly detailedMetrics?: boolean;
  readonly accessLogRetentionDays?: 7 | 30 | 365;
  readonly alarms?: 'off';
}

/** The fields of a `V2StageSpec` besides its name, for `fc.record`. */
export const v2StageFieldArbs = {
  variables: optional(stageVariablesArb),
  throttle: optional(throttleArb),
  detailedMetrics: optional(fc.boolean()),
  accessLogRetentionDays: optional(retentionDaysArb),
  alarms: optional(fc.constant<'off'>('off')),
};

export function v2StageOptions(stage: V2StageSpec): CommonStageOptions & { stageName?: string } {
  return {
    stageName: stage.name,
    variables: stage.variables,
    throttlingRateLimit: stage.throttle?.rateLimit,
    throttlingBurstLimit: stage.throttle?.burstLimit,
    detailedMetrics: stage.detailedMetrics,
    accessLogRetention: stage.accessLogRetentionDays && RETENTION[stage.accessLogRetentionDays],
    alarms: stage.alarms === 'off' ? { enabled: false } : undefined,
  };
}
