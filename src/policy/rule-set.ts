/**
 * A family of rules the policy validator can enforce: one per engine or compliance pack whose
 * API Gateway rules it reproduces.
 */
export enum PolicyRuleSet {
  /** cdk-nag's AwsSolutions pack (`AwsSolutions-APIG1` ...). */
  AWS_SOLUTIONS = 'AwsSolutions',
  /** cdk-nag's HIPAA Security pack. */
  HIPAA_SECURITY = 'HIPAA.Security',
  /** cdk-nag's NIST 800-53 rev 4 pack. */
  NIST_800_53_R4 = 'NIST.800.53.R4',
  /** cdk-nag's NIST 800-53 rev 5 pack. */
  NIST_800_53_R5 = 'NIST.800.53.R5',
  /** cdk-nag's PCI DSS 3.2.1 pack. */
  PCI_DSS_321 = 'PCI.DSS.321',
  /** cdk-nag's Serverless pack. */
  SERVERLESS = 'Serverless',
  /** The AWS Control Tower proactive controls (`CT.APIGATEWAY.PR.1` ...), as cfn-guard runs them. */
  CONTROL_TOWER = 'ControlTower',
  /** cfn-lint's rules, as CloudFormation Validate runs them at synth. */
  CFN_LINT = 'cfn-lint',
  /** checkov's CloudFormation checks (`CKV_AWS_76` ...). */
  CHECKOV = 'checkov',
  /** The AWS Guard Rules Registry (`API_GW_EXECUTION_LOGGING_ENABLED` ...). */
  GUARD_RULES_REGISTRY = 'GuardRulesRegistry',
}

/** Every rule set, in declaration order. */
export const ALL_RULE_SETS: PolicyRuleSet[] = Object.values(PolicyRuleSet);

/** The rule set an engine rule id belongs to, from the way each engine spells its ids. */
export function ruleSetOfEngineId(engineId: string): PolicyRuleSet {
  for (const prefix of ['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R4', 'NIST.800.53.R5', 'PCI.DSS.321', 'Serverless']) {
    if (engineId.startsWith(`${prefix}-`)) return prefix as PolicyRuleSet;
  }
  if (engineId.startsWith('CT.')) return PolicyRuleSet.CONTROL_TOWER;
  if (/^[EWI]\d{4}$/.test(engineId)) return PolicyRuleSet.CFN_LINT;
  if (/^CKV2?_AWS_\d+$/.test(engineId)) return PolicyRuleSet.CHECKOV;
  if (/^API_GW/.test(engineId)) return PolicyRuleSet.GUARD_RULES_REGISTRY;
  throw new Error(`unknown engine rule id: ${engineId}`);
}
