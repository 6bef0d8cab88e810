import { isObject } from './template-index';

/**
 * The resource metadata key under which a template carries its acknowledged findings, so that
 * the validator's three doors (the CDK plugin, the CLI, the Guard export's users) agree on them:
 * `Metadata: { "cdk-gateway-api:acknowledged": [{ id, reason, location? }] }`.
 */
export const ACKNOWLEDGED_METADATA = 'cdk-gateway-api:acknowledged';

/** One acknowledged finding: the rule (`GatewayApi::<rule id>`), why, and where, when it is narrower than the resource. */
export interface TemplateAcknowledgment {
  readonly id: string;
  readonly reason: string;
  /** A location within the resource (e.g. one operation of its Body); a finding there or below it is acknowledged. */
  readonly location?: string;
}

/** The acknowledgments a resource's metadata records. */
export function acknowledgmentsOf(metadata: unknown): TemplateAcknowledgment[] {
  const recorded = isObject(metadata) ? metadata[ACKNOWLEDGED_METADATA] : undefined;
  if (!Array.isArray(recorded)) return [];
  return recorded.filter((a): a is TemplateAcknowledgment => isObject(a) && typeof a.id === 'string' && typeof a.reason === 'string');
}

/** The acknowledgment that covers a finding of `ruleId` at `location`, if any. */
export function acknowledgmentOf(
  acknowledgments: readonly TemplateAcknowledgment[], ruleId: string, location: string,
): TemplateAcknowledgment | undefined {
  return acknowledgments.find(a => a.id === `GatewayApi::${ruleId}`
    && (a.location === undefined || location === a.location || location.startsWith(`${a.location}/`)));
}

/** Where an operation of a REST API's inline definition is, e.g. `Properties/Body/paths/~1pets/get` (JSON pointer escaping). */
export function bodyOperationLocation(path: string, methodKey: string): string {
  return `Properties/Body/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${methodKey}`;
}
