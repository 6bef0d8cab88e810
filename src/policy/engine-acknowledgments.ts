import { CfnResource, Validations } from 'aws-cdk-lib';
import { RULES } from './rules';
import { TemplateAcknowledgment } from './template/acknowledgments';

/** The Guard rule names of the Control Tower controls this library's rules mirror, as cdk-validator-cfnguard reports them. */
export const CONTROL_TOWER_GUARD_RULES: { readonly [control: string]: string } = {
  'CT.APIGATEWAY.PR.1': 'api_gw_v1_execution_logging_enabled_check',
  'CT.APIGATEWAY.PR.2': 'api_gw_xray_enabled_check',
  'CT.APIGATEWAY.PR.3': 'api_gw_cache_encrypted_check',
  'CT.APIGATEWAY.PR.4': 'api_gw_v2_access_logs_enabled_check',
  'CT.APIGATEWAY.PR.5': 'api_gw_v2_authorization_type_configured_check',
  'CT.APIGATEWAY.PR.6': 'api_gw_domain_tls_check',
};

/** cdk-nag's packs, as their rule ids begin. */
const NAG_PACK = /^(AwsSolutions|HIPAA\.Security|NIST\.800\.53\.R[45]|PCI\.DSS\.321|Serverless)-/;

/**
 * The id a CDK validation plugin reports an engine rule under (cdk-nag 3's packs,
 * cdk-validator-cfnguard), for `Validations.of(scope).acknowledge()`.
 */
export function pluginIdOf(engineRule: string): string | undefined {
  const pack = NAG_PACK.exec(engineRule)?.[1];
  if (pack) return `${pack}::${engineRule}`;
  const guardRule = CONTROL_TOWER_GUARD_RULES[engineRule];
  return guardRule ? `cdk-validator-cfnguard::${guardRule}` : undefined;
}

/**
 * An acknowledgment of this library's finding on a whole resource is an acknowledgment of the
 * same finding under every engine its rule mirrors: the CDK plugins (cdk-nag, cfn-guard) get
 * it through `Validations`, checkov through the resource's `checkov.skip` metadata and
 * cfn-lint through `cfn-lint.config.ignore_checks`. Only resources the rule judges get it.
 */
export function acknowledgeUnderMirroredEngines(resource: CfnResource, acknowledgments: readonly TemplateAcknowledgment[]): void {
  const checkov: { id: string; comment: string }[] = [];
  const cfnLint: string[] = [];
  for (const { id, reason, location } of acknowledgments) {
    const rule = RULES.find(r => `GatewayApi::${r.id}` === id);
    if (location !== undefined || !rule?.resourceTypes.includes(resource.cfnResourceType)) continue;
    for (const mirror of rule.mirrors) {
      const pluginId = pluginIdOf(mirror);
      if (pluginId) Validations.of(resource).acknowledge({ id: pluginId, reason });
      else if (mirror.startsWith('CKV')) checkov.push({ id: mirror, comment: reason });
      else if (/^[EW]\d{4}$/.test(mirror)) cfnLint.push(mirror);
    }
  }
  // The app may have written these entries itself: the acknowledgments are appended to them.
  if (checkov.length > 0) resource.addMetadata('checkov', appended(resource.getMetadata('checkov'), 'skip', checkov));
  if (cfnLint.length > 0) {
    const entry = resource.getMetadata('cfn-lint') ?? {};
    resource.addMetadata('cfn-lint', { ...entry, config: appended(entry.config, 'ignore_checks', cfnLint) });
  }
}

function appended(object: any, list: string, entries: unknown[]): object {
  return { ...object, [list]: [...object?.[list] ?? [], ...entries] };
}
