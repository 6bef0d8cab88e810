import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { propError } from '../core/errors';

const ENHANCED_PREFIX = 'SecurityPolicy_';
const EDGE_SUFFIX = '_EDGE';

/**
 * The default of an API's execute-api endpoint: the strongest policy that still admits TLS 1.2
 * clients, with forward secrecy and post-quantum key exchange (the enhanced policies Security
 * Hub's APIGateway.11 accepts). AWS's own default for REGIONAL and EDGE APIs is TLS_1_0.
 */
export const DEFAULT_API_SECURITY_POLICY = {
  edge: apigw.SecurityPolicy.TLS12_PFS_2025_EDGE,
  other: apigw.SecurityPolicy.TLS13_1_2_PFS_PQ_2025_09,
};

/** What the RestApi resource carries about TLS. */
export interface EndpointTls {
  readonly securityPolicy: string;
  readonly endpointAccessMode?: string;
}

/** The enhanced policies (TLS 1.3 and the 2025 sets) need an endpoint access mode and refuse mutual TLS. */
export function isEnhancedPolicy(policy: apigw.SecurityPolicy | string): boolean {
  return !Token.isUnresolved(policy) && policy.startsWith(ENHANCED_PREFIX);
}

/**
 * The security policy and endpoint access mode of an API's execute-api endpoint: as given, or
 * the default for its endpoint type; an enhanced policy gets STRICT access (BASIC for PRIVATE
 * APIs, whose callers reach them through VPC endpoint host names that STRICT's SNI check refuses).
 */
export function apiEndpointTls(
  scope: IConstruct, endpointType: apigw.EndpointType,
  securityPolicy: apigw.SecurityPolicy | undefined, endpointAccessMode: apigw.EndpointAccessMode | undefined,
): EndpointTls {
  const edge = endpointType === apigw.EndpointType.EDGE;
  const policy = securityPolicy ?? (edge ? DEFAULT_API_SECURITY_POLICY.edge : DEFAULT_API_SECURITY_POLICY.other);
  checkSecurityPolicy(scope, 'securityPolicy', policy, endpointType, 'API');
  // An EDGE API's endpoint takes the _EDGE policies; TLS_1_2 is for edge custom domains only.
  if (edge && policy === apigw.SecurityPolicy.TLS_1_2) {
    throw propError(scope, 'securityPolicy', policy, 'an _EDGE policy on an EDGE API (TLS_1_2 is for custom domains only)');
  }
  const defaultMode = endpointType === apigw.EndpointType.PRIVATE ? apigw.EndpointAccessMode.BASIC : apigw.EndpointAccessMode.STRICT;
  return { securityPolicy: policy, endpointAccessMode: accessMode(scope, policy, endpointAccessMode, defaultMode) };
}

/**
 * The access mode an enhanced policy needs (the default unless given); a legacy policy takes
 * none, and one given for it is refused.
 */
export function accessMode(
  scope: IConstruct, policy: string, given: apigw.EndpointAccessMode | undefined, defaultMode: apigw.EndpointAccessMode,
): string | undefined {
  if (Token.isUnresolved(policy)) return given;
  if (isEnhancedPolicy(policy)) return given ?? defaultMode;
  if (given !== undefined) {
    throw propError(scope, 'endpointAccessMode', given, `no access mode with the legacy policy ${policy}: only SecurityPolicy_* policies take one`);
  }
  return undefined;
}

/** TLS 1.2 or newer, and an enhanced policy made for the endpoint's type (`what` is API or domain). */
export function checkSecurityPolicy(
  scope: IConstruct, prop: string, policy: string, endpointType: apigw.EndpointType, what: 'API' | 'domain',
): void {
  if (Token.isUnresolved(policy)) return;
  if (policy === apigw.SecurityPolicy.TLS_1_0) {
    throw propError(scope, prop, policy, 'TLS_1_2 or an enhanced SecurityPolicy_* policy: TLS 1.0 and 1.1 are refused');
  }
  if (!isEnhancedPolicy(policy)) return;
  const edgePolicy = policy.endsWith(EDGE_SUFFIX);
  if (edgePolicy !== (endpointType === apigw.EndpointType.EDGE)) {
    throw propError(scope, prop, policy, edgePolicy
      ? `a policy without the _EDGE suffix on a ${endpointType} ${what}`
      : `an _EDGE policy on an EDGE ${what}`);
  }
}
