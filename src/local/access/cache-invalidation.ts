import { RoleGrant, iamWildcardMatch } from '../template/iam-grants';

/**
 * Whether a signed caller may invalidate a method's cache entry (`Cache-Control: max-age=0`):
 * a role of the template it signs as (named by its ARN, logical id or construct path) is
 * allowed `execute-api:InvalidateCache` on the method's ARN by one of the template's policies.
 */
export function mayInvalidateCache(
  grants: readonly RoleGrant[], caller: string | undefined, methodArn: string, logicalIdOf: (name: string) => string | undefined,
): boolean {
  if (caller === undefined || caller === '') return false;
  const role = /:role\/(?:.*\/)?([^/]+)$/.exec(caller)?.[1] ?? logicalIdOf(caller) ?? caller;
  return grants.some(grant => grant.role === role
    && grant.actions.some(action => iamWildcardMatch(action, 'execute-api:InvalidateCache', true))
    && grant.resources.some(resource => iamWildcardMatch(resource, methodArn, false)));
}
