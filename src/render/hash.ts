import { createHash } from 'crypto';

/** A short, stable hash of some text, for logical ids and construct ids. */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length).toUpperCase();
}
