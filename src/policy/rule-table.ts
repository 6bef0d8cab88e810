import { RULES } from './rules';
import { ruleSetsOf } from './validator';

/**
 * The rules as a Markdown table (README's rule table is this output): id, what it checks,
 * what it mirrors, how to fix it.
 */
export function ruleTableMarkdown(): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = RULES.map(rule => {
    const mirrors = rule.mirrors.length > 0 ? rule.mirrors.map(m => `\`${m}\``).join(', ') : '(own rule)';
    const sets = ruleSetsOf(rule).length === 10 ? 'all' : ruleSetsOf(rule).join(', ');
    const severity = rule.severityIn ? `${rule.severity} (${Object.entries(rule.severityIn).map(([set, s]) => `${s} in ${set}`).join(', ')})` : rule.severity;
    return `| \`${rule.id}\` | ${severity} | ${escape(rule.title)} | ${mirrors} | ${sets} | ${escape(rule.fix)} |`;
  });
  return [
    '| rule | severity | checks | mirrors (identical verdicts) | rule sets | fix |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
