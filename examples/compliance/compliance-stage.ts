import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { Annotations, App, IPolicyValidationPlugin, Stack, Stage, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R4Checks, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks } from 'cdk-nag';
import { StageScopedPlugin } from './scoped-plugin';
import { Compliance, GatewayApi, GatewayPolicyValidator, Integration, PolicyRuleSet } from '../../src';

/** The cdk-nag packs each preset satisfies: its own, and every pack it is at least as strict as. */
const PACKS: { readonly [c in Compliance]: Array<() => IPolicyValidationPlugin> } = {
  [Compliance.AWS_SOLUTIONS]: [() => new AwsSolutionsChecks(), () => new ServerlessChecks()],
  [Compliance.HIPAA_SECURITY]: [
    () => new AwsSolutionsChecks(), () => new HIPAASecurityChecks(), () => new NIST80053R4Checks(), () => new ServerlessChecks(),
  ],
  [Compliance.NIST_800_53_R5]: [
    () => new AwsSolutionsChecks(), () => new HIPAASecurityChecks(), () => new NIST80053R4Checks(), () => new NIST80053R5Checks(),
    () => new PCIDSS321Checks(), () => new ServerlessChecks(),
  ],
  [Compliance.PCI_DSS_321]: [
    () => new AwsSolutionsChecks(), () => new HIPAASecurityChecks(), () => new NIST80053R4Checks(), () => new NIST80053R5Checks(),
    () => new PCIDSS321Checks(), () => new ServerlessChecks(),
  ],
};

/**
 * One stage per compliance preset, each holding an API built for it and judged at synth by the
 * engines a compliance-minded team runs: the cdk-nag packs the preset satisfies, every Control
 * Tower control (cfn-guard), and GatewayApi's validator with every rule set but checkov's
 * CKV_AWS_120 (cache on every stage; the baseline preset does not cache). A finding fails synth.
 */
export function addComplianceStages(app: App): void {
  for (const compliance of Object.values(Compliance)) {
    const stage = new Stage(app, `Compliance${compliance.replace(/_/g, '')}`);
    const api = new GatewayApi(new Stack(stage, 'Api'), 'Api', {
      compliance,
      description: `Built for ${compliance}`,
      routes: { 'GET /status': { integration: Integration.mock() } },
    });
    if (!api.webAcl) {
      const reason = `${compliance} does not require a WAF web ACL (only NIST 800-53 R5 and PCI DSS do); every route is `
        + 'IAM-authorized, so unsigned requests are refused before they reach a backend.';
      Validations.of(api.defaultStage).acknowledge({ id: 'AwsSolutions-APIG3', reason }, { id: 'GatewayApi::stage-waf', reason });
    }
    if (api.defaultStage.stage.cacheClusterEnabled) {
      // The presets that cache do so for every GET route; this one answers the same to every caller.
      Annotations.of(api.defaultStage).acknowledgeWarning('cdk-gateway-api:cachedWithoutIdentity',
        'GET /status answers the same to every caller, so its cached response may be shared.');
    }
    if (compliance === Compliance.AWS_SOLUTIONS) {
      Validations.of(api.defaultStage.accessLogGroup!).acknowledge({
        id: 'cdk-validator-cfnguard::cloudwatch_log_group_encrypted_check',
        reason: 'CloudWatch Logs encrypts log data at rest; a customer-managed key (CT.CLOUDWATCH.PR.3) comes with the NIST, PCI and HIPAA presets.',
      });
    }
    Validations.of(app).addPlugins(...[
      ...PACKS[compliance].map(pack => pack()),
      new CfnGuardValidator({ controlTowerRulesEnabled: true }),
      new GatewayPolicyValidator({ ruleSets: Object.values(PolicyRuleSet), disabledRules: compliance === Compliance.AWS_SOLUTIONS ? ['stage-cache-cluster-enabled'] : [] }),
    ].map(plugin => new StageScopedPlugin(stage, plugin)));
  }
}
