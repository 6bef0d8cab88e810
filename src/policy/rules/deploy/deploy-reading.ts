import { isIntrinsic } from '../../template/values';

/**
 * Deploy-time rules judge only literal values: an intrinsic is resolved by CloudFormation, so
 * it is skipped, never guessed at.
 */
export function literal(value: unknown): value is string | number | boolean {
  return value !== undefined && value !== null && !isIntrinsic(value) && typeof value !== 'object';
}
