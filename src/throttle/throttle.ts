import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkIntegerInRange, checkNumberInRange } from '../core/checks';

/** Steady-state and burst request limits. */
export interface ThrottleOptions {
  /**
   * Steady-state requests per second.
   *
   * @default - the enclosing limit (the stage's, or the plan's)
   */
  readonly rateLimit?: number;

  /**
   * Requests allowed in a burst above the steady rate.
   *
   * @default - the enclosing limit (the stage's, or the plan's)
   */
  readonly burstLimit?: number;
}

/** API Gateway's per-account, per-Region limits, unless raised by a quota increase. */
/** A stage's throttle unless its options say otherwise. */
export const DEFAULT_RATE_LIMIT = 1000;
export const DEFAULT_BURST_LIMIT = 2000;
export const ACCOUNT_RATE_LIMIT = 10000;
export const ACCOUNT_BURST_LIMIT = 5000;

/** Throws unless the rate is a number and the burst a whole number, both at least 0. */
export function checkThrottle(scope: IConstruct, prop: string, throttle: ThrottleOptions | undefined): void {
  checkThrottleLimits(scope, `${prop}.rateLimit`, throttle?.rateLimit, `${prop}.burstLimit`, throttle?.burstLimit);
}

/** The same, for limits the user wrote as two props of their own (a stage's `throttlingRateLimit`, `throttlingBurstLimit`). */
export function checkThrottleLimits(
  scope: IConstruct, rateProp: string, rateLimit: number | undefined, burstProp: string, burstLimit: number | undefined,
): void {
  checkNumberInRange(scope, rateProp, rateLimit, 0, Number.MAX_SAFE_INTEGER);
  checkIntegerInRange(scope, burstProp, burstLimit, 0, Number.MAX_SAFE_INTEGER);
}

/** A resolved pair of limits, as a stage or route applies them. */
export interface Limits {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * Why limits will not hold as written: a route above its stage is capped by the stage, and
 * anything above the account's default is capped by the account unless its quota was raised.
 * Limits not set, and unresolved tokens, are not compared.
 */
export function limitsExceeded(limits: ThrottleOptions, ceiling: ThrottleOptions | undefined, ceilingName: string): string[] {
  const reasons: string[] = [];
  const above = (value: number | undefined, max: number | undefined) => value !== undefined && max !== undefined
    && !Token.isUnresolved(value) && !Token.isUnresolved(max) && value > max;
  if (above(limits.rateLimit, ceiling?.rateLimit)) reasons.push(`rate ${limits.rateLimit} exceeds the ${ceilingName}'s ${ceiling?.rateLimit}`);
  if (above(limits.burstLimit, ceiling?.burstLimit)) reasons.push(`burst ${limits.burstLimit} exceeds the ${ceilingName}'s ${ceiling?.burstLimit}`);
  if (above(limits.rateLimit, ACCOUNT_RATE_LIMIT)) reasons.push(`rate ${limits.rateLimit} exceeds the account default of ${ACCOUNT_RATE_LIMIT} requests per second`);
  if (above(limits.burstLimit, ACCOUNT_BURST_LIMIT)) reasons.push(`burst ${limits.burstLimit} exceeds the account default of ${ACCOUNT_BURST_LIMIT}`);
  return reasons;
}
