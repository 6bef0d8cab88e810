import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { propError } from '../errors';

const ENHANCED_PREFIX = 'SecurityPolicy_';
const EDGE_SUFFIX = '_EDGE';

/** The enhanced policies (TLS 1.3 and the 2025 sets) need an endpoint access mode and refuse mutual TLS. */
export function isEnhancedPolicy(policy: apigw.SecurityPolicy): boolean {
  return !Token.isUnresolved(policy) && policy.startsWith(ENHANCED_PREFIX);
}

/** TLS 1.2 or newer, and an enhanced policy made for the domain's endpoint type. */
export function checkSecurityPolicy(scope: IConstruct, policy: apigw.SecurityPolicy, endpointType: apigw.EndpointType): void {
  if (Token.isUnresolved(policy)) return;
  if (policy === apigw.SecurityPolicy.TLS_1_0) {
    throw propError(scope, 'securityPolicy', policy, 'TLS_1_2 or an enhanced SecurityPolicy_* policy: TLS 1.0 and 1.1 are refused');
  }
  if (!isEnhancedPolicy(policy)) return;
  const edgePolicy = policy.endsWith(EDGE_SUFFIX);
  if (edgePolicy !== (endpointType === apigw.EndpointType.EDGE)) {
    throw propError(scope, 'securityPolicy', policy, edgePolicy
      ? 'a policy without the _EDGE suffix on a REGIONAL domain'
      : 'an _EDGE policy (or TLS_1_2) on an EDGE domain');
  }
}
