import { IResolvable } from 'aws-cdk-lib';
import { shortHash } from '../core/hash';

/** The API-level settings a stage only picks up through a new deployment. */
export interface DeployedSettings {
  /** The resource policy. */
  readonly policy?: unknown;
  readonly binaryMediaTypes?: string[];
  readonly minimumCompressionSize?: number;
  /** Takes effect at the next deployment (API Gateway developer guide, "Disable the default endpoint"). */
  readonly disableExecuteApiEndpoint?: boolean | IResolvable;
}

/**
 * The hash of everything a deployment snapshots: the resolved definition (routes,
 * integrations, mapping templates, authorizers, models, validators, gateway responses, CORS)
 * and the API settings that need a deployment. The definition's `info` (the API's name and
 * description) is left out: it changes nothing a stage serves.
 */
export function deploymentFingerprint(definition: unknown, settings: DeployedSettings): string {
  const { info: _info, ...deployed } = definition as { [key: string]: unknown };
  return shortHash(JSON.stringify({ definition: deployed, settings }));
}
