import * as fs from 'fs';
import * as path from 'path';
import {
  IPolicyValidationContext, IPolicyValidationContextBeta1, IPolicyValidationPlugin, IPolicyValidationPluginBeta1,
  PolicyValidationPluginReport, PolicyValidationPluginReportBeta1, PolicyViolationBeta1,
} from 'aws-cdk-lib';
import { ownedResources } from './ownership';
import { PolicyRuleSet } from './rule-set';
import { BASELINE_RULE_SETS, Finding, checkTemplate, selectRules } from './validator';

/** The plugin name, and so the namespace of acknowledgments: `GatewayApi::<rule id>`. */
export const PLUGIN_NAME = 'GatewayApi';

/**
 * Options of the policy validator.
 */
export interface GatewayPolicyValidatorProps {
  /**
   * The rule sets to enforce.
   *
   * @default - AwsSolutions, Control Tower and cfn-lint (what a CDK project runs out of the box)
   */
  readonly ruleSets?: PolicyRuleSet[];

  /**
   * Rule ids not to run, e.g. `['stage-waf']`.
   *
   * @default - none
   */
  readonly disabledRules?: string[];
}

/**
 * GatewayApi's policy rules as a CDK policy validation plugin, for any API Gateway resource of
 * the app: `Validations.of(app).addPlugins(new GatewayPolicyValidator())`.
 *
 * Findings name the construct and the property to fix; acknowledge one with
 * `Validations.of(scope).acknowledge({ id: 'GatewayApi::stage-waf', reason: '...' })`.
 * GatewayApi constructs validate themselves already, so this plugin leaves their resources to them.
 */
export class GatewayPolicyValidator implements IPolicyValidationPlugin {
  public readonly name = PLUGIN_NAME;
  public readonly version?: string;
  public readonly ruleIds?: string[];
  private readonly ruleSets: PolicyRuleSet[];
  private readonly disabledRules: string[];

  constructor(props: GatewayPolicyValidatorProps = {}) {
    this.version = packageVersion();
    this.ruleSets = props.ruleSets ?? [...BASELINE_RULE_SETS];
    this.disabledRules = props.disabledRules ?? [];
    this.ruleIds = selectRules({ ruleSets: this.ruleSets, disabledRules: this.disabledRules }).map(r => r.id);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this._validate(context);
  }

  /** @internal */
  public _validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const owners = context.appConstruct ? ownedResources(context.appConstruct) : [];
    return runPlugin(context.templatePaths, templateFile => ({
      ruleSets: this.ruleSets,
      disabledRules: this.disabledRules,
      skip: new Set(owners.flatMap(owner => [...owner.logicalIds.get(templateFile) ?? []])),
    }));
  }
}

/**
 * The same plugin for the Beta1 interface: `new App({ policyValidationBeta1: [new GatewayPolicyValidatorBeta1()] })`.
 */
export class GatewayPolicyValidatorBeta1 implements IPolicyValidationPluginBeta1 {
  public readonly name = PLUGIN_NAME;
  public readonly version?: string;
  public readonly ruleIds?: string[];
  private readonly plugin: GatewayPolicyValidator;

  constructor(props: GatewayPolicyValidatorProps = {}) {
    this.plugin = new GatewayPolicyValidator(props);
    this.version = this.plugin.version;
    this.ruleIds = this.plugin.ruleIds;
  }

  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    return this.plugin._validate(context);
  }
}

/** What to run on one template. */
export interface TemplateScope {
  readonly ruleSets: readonly PolicyRuleSet[];
  readonly disabledRules?: readonly string[];
  /** Logical ids to leave out. */
  readonly skip?: ReadonlySet<string>;
  /** If given, the only logical ids to judge. */
  readonly only?: ReadonlySet<string>;
}

/** Runs the rules over each template and renders the findings as a CDK validation report. */
export function runPlugin(
  templatePaths: readonly string[],
  scopeOf: (templateFile: string) => TemplateScope | TemplateScope[],
): PolicyValidationPluginReportBeta1 {
  const violations = new Map<string, PolicyViolationBeta1>();
  for (const templatePath of templatePaths) {
    const template = JSON.parse(fs.readFileSync(templatePath, 'utf-8'));
    const scopes = ([] as TemplateScope[]).concat(scopeOf(path.basename(templatePath)));
    for (const scope of scopes) {
      const findings = checkTemplate(template, { ruleSets: scope.ruleSets, disabledRules: scope.disabledRules })
        .filter(f => !scope.skip?.has(f.logicalId) && (!scope.only || scope.only.has(f.logicalId)));
      for (const finding of findings) addViolation(violations, finding, templatePath);
    }
  }
  const list = [...violations.values()];
  return { success: !list.some(v => v.severity === 'error'), violations: list, pluginVersion: packageVersion() };
}

function addViolation(violations: Map<string, PolicyViolationBeta1>, finding: Finding, templatePath: string): void {
  const { severity, description } = reported(finding);
  const key = `${finding.ruleId}\u0000${severity}\u0000${description}`;
  const existing = violations.get(key);
  const resource = { resourceLogicalId: finding.logicalId, templatePath, locations: [finding.location] };
  if (existing) {
    if (!existing.violatingResources.some(r => r.resourceLogicalId === finding.logicalId && r.templatePath === templatePath)) {
      (existing.violatingResources as Array<typeof resource>).push(resource);
    }
    return;
  }
  violations.set(key, {
    ruleName: finding.ruleId,
    description,
    fix: finding.fix,
    severity,
    violatingResources: [resource],
    ruleMetadata: finding.mirrors.length > 0 ? { mirrors: finding.mirrors.join(', ') } : undefined,
  });
}

/**
 * How the CDK report shows a finding. One acknowledged for a part of its resource (a route of
 * a REST API's definition, by `Authorization.none(reason)` or the route's `acknowledgments`)
 * is information, with its reason: aws-cdk-lib's acknowledgments cover whole constructs, so
 * they could not hide one route's finding and keep another's. Acknowledgments of whole
 * resources are left to aws-cdk-lib, which lists them as acknowledged.
 */
function reported(finding: Finding): { severity: string; description: string } {
  const ack = finding.acknowledgment;
  return ack?.location
    ? { severity: 'info', description: `${finding.message} (acknowledged for this route: ${ack.reason})` }
    : { severity: finding.severity, description: finding.message };
}

function packageVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8')).version;
  } catch {
    return '0.0.0';
  }
}
