import { Reference, Stack, StringConcat, Token, Tokenization } from 'aws-cdk-lib';

/**
 * Replaces references to resources of other stacks (a function, a queue, a VPC endpoint of a
 * shared stack) with imports of exports of them, wherever they sit in a value the library
 * resolves itself, such as the OpenAPI body. aws-cdk-lib makes those exports only for the
 * references it meets while resolving the template; a body resolved ahead of it would carry a
 * plain `Ref` to a resource CloudFormation cannot see from this stack.
 */
export function withCrossStackExports<T>(stack: Stack, value: T): T {
  return map(stack, value) as T;
}

function map(stack: Stack, value: unknown): unknown {
  if (typeof value === 'string') return Token.isUnresolved(value) ? mapString(stack, value) : value;
  if (Array.isArray(value)) return value.map(v => map(stack, v));
  if (value !== null && typeof value === 'object' && !Token.isUnresolved(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, map(stack, v)]));
  }
  return value;
}

function mapString(stack: Stack, text: string): string {
  const fragments = Tokenization.reverseString(text).mapTokens({
    mapToken: token => (Reference.isReference(token) && Stack.of(token.target) !== stack
      ? Stack.of(token.target).exportValue(token)
      : token),
  });
  return fragments.join(new StringConcat()) as string;
}
