import { PolicyRuleSet } from './rule-set';

/**
 * The compliance standard a GatewayApi is built for: it sets the defaults the standard's
 * cdk-nag pack requires and makes the API's own policy validation enforce that pack, with the
 * Control Tower controls and cfn-lint.
 */
export enum Compliance {
  /** cdk-nag's AwsSolutions: access and execution logs, request validation, authorization. */
  AWS_SOLUTIONS = 'AWS_SOLUTIONS',
  /** NIST 800-53 rev 5: adds an encrypted cache, a client certificate and a WAF web ACL, and logs must be encrypted with a customer-managed key. */
  NIST_800_53_R5 = 'NIST_800_53_R5',
  /** PCI DSS 3.2.1: adds an encrypted cache, a client certificate and a WAF web ACL, and logs must be encrypted with a customer-managed key. */
  PCI_DSS_321 = 'PCI_DSS_321',
  /** HIPAA Security: adds an encrypted cache and a client certificate, and logs must be encrypted with a customer-managed key. */
  HIPAA_SECURITY = 'HIPAA_SECURITY',
}

/** What a standard adds to GatewayApi's defaults. */
export interface ComplianceDefaults {
  readonly encryptedCache: boolean;
  readonly clientCertificate: boolean;
  readonly webAcl: boolean;
  /** How the standard reads in an error when it refuses logs without a customer-managed key; undefined when it does not. */
  readonly customerKeyRequiredBy?: string;
}

const PACKS: { readonly [c in Compliance]: PolicyRuleSet } = {
  [Compliance.AWS_SOLUTIONS]: PolicyRuleSet.AWS_SOLUTIONS,
  [Compliance.NIST_800_53_R5]: PolicyRuleSet.NIST_800_53_R5,
  [Compliance.PCI_DSS_321]: PolicyRuleSet.PCI_DSS_321,
  [Compliance.HIPAA_SECURITY]: PolicyRuleSet.HIPAA_SECURITY,
};

/** The rule sets a GatewayApi built for this standard enforces on itself. */
export function complianceRuleSets(compliance: Compliance): PolicyRuleSet[] {
  return [PACKS[compliance], PolicyRuleSet.CONTROL_TOWER, PolicyRuleSet.CFN_LINT];
}

/** The defaults the standard's pack requires beyond the baseline. */
export function complianceDefaults(compliance: Compliance): ComplianceDefaults {
  const strict = compliance !== Compliance.AWS_SOLUTIONS;
  return {
    encryptedCache: strict,
    clientCertificate: strict,
    webAcl: compliance === Compliance.NIST_800_53_R5 || compliance === Compliance.PCI_DSS_321,
    customerKeyRequiredBy: strict ? `compliance: Compliance.${compliance}` : undefined,
  };
}
