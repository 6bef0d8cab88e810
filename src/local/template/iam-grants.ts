import { TemplateJson, resolveIntrinsics } from './intrinsics';

/** An action an IAM policy of the template allows a role, on resources (ARNs, with wildcards). */
export interface RoleGrant {
  /** The role's logical id. */
  readonly role: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

/** The Allow statements of the template's IAM policies (`AWS::IAM::Policy`), per role they are attached to. */
export function roleGrants(template: TemplateJson): RoleGrant[] {
  return Object.values(template.Resources ?? {}).filter(r => r.Type === 'AWS::IAM::Policy').flatMap(resource => {
    const policy = resolveIntrinsics(resource.Properties ?? {}, template) as { [key: string]: any };
    const roles: string[] = (policy.Roles ?? []).map(String);
    const statements: any[] = [policy.PolicyDocument?.Statement ?? []].flat();
    return statements.filter(s => s.Effect === 'Allow').flatMap(s => roles.map(role => ({
      role, actions: [s.Action ?? []].flat().map(String), resources: [s.Resource ?? []].flat().map(String),
    })));
  });
}

/** IAM's wildcards: `*` any run of characters, `?` any one; actions compare without case. */
export function iamWildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern.split('').map(c => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}
