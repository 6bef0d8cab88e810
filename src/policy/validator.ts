import { Rule, Severity } from './rule';
import { ALL_RULE_SETS, PolicyRuleSet, ruleSetOfEngineId } from './rule-set';
import { RULES } from './rules';
import { TemplateAcknowledgment, acknowledgmentOf, acknowledgmentsOf } from './template/acknowledgments';
import { TemplateIndex } from './template/template-index';

/** One finding: which rule, which resource, which property, and how to fix it. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly logicalId: string;
  readonly resourceType: string;
  /** Where in the resource, e.g. `Properties/MethodSettings`. */
  readonly location: string;
  readonly message: string;
  readonly fix: string;
  /** The engine rules that report the same finding. */
  readonly mirrors: readonly string[];
  /** The acknowledgment the template records for this finding (its resource's metadata), if any. */
  readonly acknowledgment?: TemplateAcknowledgment;
}

/** What a check enforces. */
export interface CheckOptions {
  /** @default BASELINE_RULE_SETS */
  readonly ruleSets?: readonly PolicyRuleSet[];
  /** Rule ids not to run. */
  readonly disabledRules?: readonly string[];
}

/**
 * The rule sets enforced when none are chosen: what a CDK team runs out of the box
 * (cdk-nag's AwsSolutions, the Control Tower controls, cfn-lint through CloudFormation Validate).
 */
export const BASELINE_RULE_SETS: readonly PolicyRuleSet[] = [
  PolicyRuleSet.AWS_SOLUTIONS, PolicyRuleSet.CONTROL_TOWER, PolicyRuleSet.CFN_LINT,
];

/** The rule sets a rule belongs to: declared, or those of the engine rules it mirrors or tightens. */
export function ruleSetsOf(rule: Rule): readonly PolicyRuleSet[] {
  if (rule.ruleSets === 'all') return ALL_RULE_SETS;
  const engineIds = [...rule.mirrors, ...(rule.stricterThan?.ids ?? [])];
  return [...new Set([...(rule.ruleSets ?? []), ...engineIds.map(ruleSetOfEngineId)])];
}

/** The rules enforced by the given rule sets, minus the disabled ones. */
export function selectRules(options: CheckOptions = {}): Rule[] {
  const sets = new Set(options.ruleSets ?? BASELINE_RULE_SETS);
  const disabled = new Set(options.disabledRules ?? []);
  return RULES.filter(rule => !disabled.has(rule.id) && ruleSetsOf(rule).some(set => sets.has(set)));
}

/** A rule's severity under the given rule sets: the most severe any of them gives it. */
export function severityOf(rule: Rule, ruleSets: readonly PolicyRuleSet[] = BASELINE_RULE_SETS): Severity {
  if (!rule.severityIn) return rule.severity;
  const applicable = ruleSetsOf(rule).filter(set => ruleSets.includes(set));
  return applicable.some(set => (rule.severityIn![set] ?? rule.severity) === 'error') ? 'error' : 'warning';
}

/** Runs the selected rules over one template. */
export function checkTemplate(template: unknown, options: CheckOptions = {}): Finding[] {
  const index = TemplateIndex.of(template);
  const ruleSets = options.ruleSets ?? BASELINE_RULE_SETS;
  return selectRules(options).flatMap(rule => {
    const severity = severityOf(rule, ruleSets);
    return rule.check(index).map(violation => {
      const resource = index.resource(violation.logicalId);
      const acknowledgment = acknowledgmentOf(acknowledgmentsOf(resource?.metadata), rule.id, violation.location);
      return {
        ruleId: rule.id,
        severity,
        logicalId: violation.logicalId,
        resourceType: resource?.type ?? 'unknown',
        location: violation.location,
        message: violation.message,
        fix: rule.fix,
        mirrors: rule.mirrors,
        ...(acknowledgment ? { acknowledgment } : {}),
      };
    });
  });
}
