import { PolicyRuleSet } from './rule-set';
import { TemplateIndex } from './template/template-index';

/** The two engines that run cfn-lint's rules: python cfn-lint, and the CloudFormation Validate engine aws-cdk-lib bundles. */
export type CfnLintEngine = 'cfn-lint' | 'CloudFormation Validate';

/** How bad a finding is: errors fail `cdk synth` and the CLI, warnings are reported. */
export type Severity = 'error' | 'warning';

/** One resource a rule judged non-compliant. */
export interface Violation {
  readonly logicalId: string;
  /** Where in the resource, e.g. `Properties/MethodSettings`. */
  readonly location: string;
  /** What is wrong with this resource, in a sentence. */
  readonly message: string;
}

/**
 * A policy rule: a pure function over a template, and what a user needs to act on its findings.
 */
export interface Rule {
  /** Stable id, kebab-case; acknowledged as `GatewayApi::<id>`. */
  readonly id: string;
  readonly severity: Severity;
  /** A different severity where a rule set says so (cdk-nag's AwsSolutions warns where NIST fails). */
  readonly severityIn?: { readonly [ruleSet: string]: Severity };
  /** What the rule requires, in a line. */
  readonly title: string;
  /** How to fix a finding, in GatewayApi's terms and in CloudFormation's. */
  readonly fix: string;
  /** The resource types the rule reads (findings are on the first one listed that applies). */
  readonly resourceTypes: readonly string[];
  /**
   * Engine rules whose verdict this rule reproduces on every template, spelled as the engine
   * spells them. The parity suite fails if any (rule, logical id) verdict differs.
   */
  readonly mirrors: readonly string[];
  /**
   * Mirrored cfn-lint ids on which python cfn-lint and the CloudFormation Validate engine that
   * aws-cdk-lib bundles disagree: the engine this rule follows, and why. The parity suite holds
   * the rule to that engine, and checks that the other one still disagrees.
   */
  readonly follows?: { readonly [cfnLintId: string]: { readonly engine: CfnLintEngine; readonly why: string } };
  /**
   * Engine rules this rule is stricter than: it fails every template they fail, and more.
   * `why` says what the engine misses or gets wrong.
   */
  readonly stricterThan?: { readonly ids: readonly string[]; readonly why: string };
  /**
   * The rule sets that enforce this rule. Engine-derived sets follow from `mirrors` and
   * `stricterThan`; rules of the validator's own name the packs whose intent they carry.
   * Rules that catch values API Gateway rejects at deploy apply to every rule set.
   */
  readonly ruleSets?: readonly PolicyRuleSet[] | 'all';
  /** The rule in cfn-guard's language, when Guard can express it with the same verdicts. */
  readonly guard?: string;
  check(template: TemplateIndex): Violation[];
}
