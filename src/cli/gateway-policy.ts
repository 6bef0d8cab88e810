#!/usr/bin/env node
import * as fs from 'fs';
import { exportGuardRules } from '../policy/guard-export';
import { ALL_RULE_SETS, PolicyRuleSet } from '../policy/rule-set';
import { ruleTableMarkdown } from '../policy/rule-table';
import { RULES } from '../policy/rules';
import { BASELINE_RULE_SETS, Finding, checkTemplate, ruleSetsOf, severityOf } from '../policy/validator';

const USAGE = `Usage:
  gateway-policy check [--format text|json] [--rule-set NAME]... [--disable RULE]... TEMPLATE...
  gateway-policy rules [--format text|json|markdown]
  gateway-policy export-guard DIR

Rule sets: ${ALL_RULE_SETS.join(', ')}, or all (default: ${BASELINE_RULE_SETS.join(', ')}).
check exits 0 with no error-severity finding, 1 with one, 2 when a template cannot be read.`;

/** Exit codes of `check`. */
const EXIT = { clean: 0, errors: 1, unreadable: 2 };

interface Options {
  readonly format: 'text' | 'json' | 'markdown';
  readonly ruleSets: PolicyRuleSet[];
  readonly disabled: string[];
  readonly operands: string[];
}

function parse(args: string[]): Options {
  let format: Options['format'] = 'text';
  const ruleSets: PolicyRuleSet[] = [];
  const disabled: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      if (i + 1 >= args.length) throw new UsageError(`${arg} needs a value`);
      return args[++i];
    };
    if (arg === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'markdown') {
        throw new UsageError(`--format: ${JSON.stringify(f)} is not allowed. Allowed: text, json, markdown`);
      }
      format = f;
    } else if (arg === '--rule-set') {
      const set = value();
      if (set === 'all') ruleSets.push(...ALL_RULE_SETS);
      else if ((ALL_RULE_SETS as string[]).includes(set)) ruleSets.push(set as PolicyRuleSet);
      else throw new UsageError(`--rule-set: ${JSON.stringify(set)} is not allowed. Allowed: ${ALL_RULE_SETS.join(', ')}, all`);
    } else if (arg === '--disable') {
      disabled.push(value());
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      operands.push(arg);
    }
  }
  return { format, ruleSets: ruleSets.length > 0 ? [...new Set(ruleSets)] : [...BASELINE_RULE_SETS], disabled, operands };
}

class UsageError extends Error {}

function check(options: Options, out: (s: string) => void, err: (s: string) => void): number {
  if (options.operands.length === 0) throw new UsageError('check needs at least one template');
  const findings: Array<Finding & { readonly template: string }> = [];
  for (const file of options.operands) {
    let template: unknown;
    try {
      template = JSON.parse(fs.readFileSync(file, 'utf-8'));
      findings.push(...checkTemplate(template, { ruleSets: options.ruleSets, disabledRules: options.disabled }).map(f => ({ template: file, ...f })));
    } catch (e) {
      err(`gateway-policy: cannot read ${file} as a JSON CloudFormation template: ${(e as Error).message}`);
      return EXIT.unreadable;
    }
  }
  // Findings the template acknowledges (its resources' metadata, written by the app) are listed, not counted.
  const open = findings.filter(f => !f.acknowledgment);
  if (options.format === 'json') {
    out(JSON.stringify({
      findings: findings.map(f => ({
        template: f.template,
        ruleId: f.ruleId,
        severity: f.severity,
        logicalId: f.logicalId,
        resourceType: f.resourceType,
        location: f.location,
        message: f.message,
        fix: f.fix,
        mirrors: f.mirrors,
        ...(f.acknowledgment ? { acknowledged: f.acknowledgment.reason } : {}),
      })),
    }, undefined, 2));
  } else {
    for (const f of findings) {
      out(`${f.acknowledgment ? 'ACKNOWLEDGED' : f.severity.toUpperCase()} ${f.ruleId}: ${f.template} ${f.logicalId} (${f.resourceType}) ${f.location}`);
      out(`  ${f.message}`);
      if (f.acknowledgment) {
        out(`  reason: ${f.acknowledgment.reason}`);
        continue;
      }
      out(`  fix: ${f.fix}`);
      if (f.mirrors.length > 0) out(`  same as: ${f.mirrors.join(', ')}`);
    }
    const errors = open.filter(f => f.severity === 'error').length;
    out(`${open.length} finding(s), ${errors} error(s), ${findings.length - open.length} acknowledged`);
  }
  return open.some(f => f.severity === 'error') ? EXIT.errors : EXIT.clean;
}

function rules(options: Options, out: (s: string) => void): number {
  const list = RULES.map(rule => ({
    id: rule.id,
    severity: severityOf(rule, options.ruleSets),
    title: rule.title,
    fix: rule.fix,
    resourceTypes: rule.resourceTypes,
    mirrors: rule.mirrors,
    ruleSets: ruleSetsOf(rule),
    guard: rule.guard !== undefined,
  }));
  if (options.format === 'markdown') out(ruleTableMarkdown());
  else if (options.format === 'json') out(JSON.stringify({ rules: list }, undefined, 2));
  else for (const r of list) out(`${r.id} (${r.severity}): ${r.title}${r.mirrors.length ? ` [${r.mirrors.join(', ')}]` : ''}`);
  return EXIT.clean;
}

/** Runs the CLI; returns the exit code. */
export function main(args: string[], out: (s: string) => void = s => console.log(s), err: (s: string) => void = s => console.error(s)): number {
  try {
    const [command, ...rest] = args;
    const options = parse(rest);
    switch (command) {
      case 'check': return check(options, out, err);
      case 'rules': return rules(options, out);
      case 'export-guard': {
        if (options.operands.length !== 1) throw new UsageError('export-guard needs one directory');
        for (const file of exportGuardRules(options.operands[0])) out(file);
        return EXIT.clean;
      }
      default: throw new UsageError(command ? `unknown command ${command}` : 'no command');
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`gateway-policy: ${e.message}\n${USAGE}`);
    return EXIT.unreadable;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
