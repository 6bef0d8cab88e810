import { IConstruct } from 'constructs';
import { checkIntegerInRange, checkOneOf } from '../core/checks';

/** The period over which a usage plan's quota counts requests. */
export enum QuotaPeriod {
  /** Each day. */
  DAY = 'DAY',
  /** Each week; the offset picks the starting day, 0 for Sunday. */
  WEEK = 'WEEK',
  /** Each month; the offset picks the starting day, 0 for the first. */
  MONTH = 'MONTH',
}

/** How many requests each API key of a usage plan may make per period. */
export interface QuotaOptions {
  /** Requests allowed per period, at least 1. */
  readonly limit: number;

  /** The period the limit counts over. */
  readonly period: QuotaPeriod;

  /**
   * The day the period starts on: 0 for DAY; 0 (Sunday) to 6 for WEEK; 0 to 27 for MONTH.
   *
   * @default 0
   */
  readonly offset?: number;
}

/** The largest offset API Gateway accepts per period. */
const MAX_OFFSET: { readonly [p in QuotaPeriod]: number } = {
  [QuotaPeriod.DAY]: 0,
  [QuotaPeriod.WEEK]: 6,
  [QuotaPeriod.MONTH]: 27,
};

/** The quota's limit is a 32-bit integer in API Gateway. */
const MAX_LIMIT = 2147483647;

export function checkQuota(scope: IConstruct, prop: string, quota: QuotaOptions | undefined): void {
  if (!quota) return;
  checkOneOf(scope, `${prop}.period`, quota.period, Object.values(QuotaPeriod));
  checkIntegerInRange(scope, `${prop}.limit`, quota.limit, 1, MAX_LIMIT, 'requests');
  checkIntegerInRange(scope, `${prop}.offset`, quota.offset, 0, MAX_OFFSET[quota.period], `for period ${quota.period}`);
}
