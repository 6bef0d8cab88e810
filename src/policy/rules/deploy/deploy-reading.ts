import { isIntrinsic } from '../../template/values';

/**
 * Deploy-time rules judge only literal values: an intrinsic is resolved by CloudFormation, so
 * it is skipped, never guessed at.
 */
export function literal(value: unknown): value is string | number | boolean {
  return value !== undefined && value !== null && !isIntrinsic(value) && typeof value !== 'object';
}

/** A literal security policy that accepts TLS 1.0 (API Gateway spells it TLS_1_0). */
export function acceptsTls10(policy: unknown): boolean {
  return literal(policy) && String(policy).toUpperCase() === 'TLS_1_0';
}
