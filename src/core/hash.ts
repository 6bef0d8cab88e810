import { createHash } from 'crypto';
import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** A short, stable hash of some text, for logical ids and construct ids. */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length).toUpperCase();
}

/**
 * Text for a hash that names a resource: a token is replaced by what it resolves to (the
 * intrinsic, naming logical ids), because its placeholder text is numbered in creation order and
 * would change the name whenever an unrelated token is added before it.
 */
export function stableText(scope: IConstruct, text: string): string {
  return Token.isUnresolved(text) ? JSON.stringify(Stack.of(scope).resolve(text)) : text;
}
