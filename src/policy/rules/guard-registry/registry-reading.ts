import { TemplateIndex, TemplateResource, isObject } from '../../template/template-index';

/**
 * The AWS Guard Rules Registry skips a resource whose Metadata suppresses the rule:
 * `guard.SuppressedRules` naming it, or (for rules ported from cfn_nag) `cfn_nag.rules_to_suppress`
 * naming the cfn_nag id.
 */
export function registryResources(template: TemplateIndex, type: string, ruleName: string, cfnNagId?: string): TemplateResource[] {
  return template.ofType(type).filter(resource => !suppressed(resource, ruleName, cfnNagId));
}

function suppressed(resource: TemplateResource, ruleName: string, cfnNagId?: string): boolean {
  const guard = resource.metadata.guard;
  const rules = isObject(guard) ? guard.SuppressedRules : undefined;
  if (rules === ruleName || (Array.isArray(rules) && rules.includes(ruleName))) return true;
  if (!cfnNagId) return false;
  const cfnNag = resource.metadata.cfn_nag;
  const nagRules = isObject(cfnNag) ? cfnNag.rules_to_suppress : undefined;
  return Array.isArray(nagRules) && nagRules.some(r => isObject(r) && r.id === cfnNagId);
}
