import { iamWildcardMatch as wildcardMatch } from '../template/iam-grants';

/**
 * A Lambda authorizer's IAM policy judged for one method ARN, as API Gateway judges it: an
 * explicit Deny of the ARN wins, else an Allow of it admits, else the request is denied.
 */
export type PolicyVerdict = 'allow' | 'deny' | 'explicit-deny';

/** The verdict of a policy document; `undefined` when the document is not one (the authorizer is misconfigured). */
export function judgePolicy(document: unknown, methodArn: string): PolicyVerdict | undefined {
  if (document === null || typeof document !== 'object') return undefined;
  const statements = asList((document as { Statement?: unknown }).Statement);
  if (statements.length === 0 || statements.some(s => s === null || typeof s !== 'object')) return undefined;
  let verdict: PolicyVerdict = 'deny';
  for (const statement of statements as Array<{ [key: string]: unknown }>) {
    const invokes = asList(statement.Action).some(action => wildcardMatch(String(action), 'execute-api:Invoke', true));
    const covers = asList(statement.Resource).some(resource => wildcardMatch(String(resource), methodArn, false));
    if (!invokes || !covers) continue;
    if (String(statement.Effect).toLowerCase() === 'deny') return 'explicit-deny';
    if (String(statement.Effect).toLowerCase() === 'allow') verdict = 'allow';
  }
  return verdict;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
