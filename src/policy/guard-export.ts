import * as fs from 'fs';
import * as path from 'path';
import { Rule } from './rule';
import { RULES } from './rules';

/** The name a rule's Guard rules carry: its id in snake case. */
export function guardRuleName(rule: Rule): string {
  return rule.id.replace(/-/g, '_');
}

/**
 * Writes each rule that Guard can express as `<rule id>.guard` into `dir`, for cfn-guard or for
 * CloudFormationValidatePlugin's `guardRules`. Returns the files written.
 */
export function exportGuardRules(dir: string, rules: readonly Rule[] = RULES): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return rules.filter(rule => rule.guard).map(rule => {
    const file = path.join(dir, `${rule.id}.guard`);
    const header = [
      `# ${rule.id}: ${rule.title}`,
      rule.mirrors.length > 0 ? `# Mirrors: ${rule.mirrors.join(', ')}` : undefined,
      `# Fix: ${rule.fix}`,
      '# Exported by cdk-gateway-api (gateway-policy export-guard); the TypeScript rule is the reference.',
    ].filter(line => line !== undefined).join('\n');
    fs.writeFileSync(file, `${header}\n${rule.guard!.trim()}\n`);
    return file;
  });
}
