import { isIP, isIPv6 } from 'net';
import { Annotations, Fn, Stack, Token, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ResourcePolicyOptions } from './resource-policy-options';
import { propError } from '../core/errors';

const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;
const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/;
const ACCOUNT_ID = /^\d{12}$/;
/** Every stage, method and path of the API the policy is attached to. */
const WHOLE_API = 'execute-api:/*';

/** What the resource policy is built from: the options, and the private endpoint binding. */
export interface ResourcePolicyInput {
  readonly options?: ResourcePolicyOptions;
  readonly isPrivate: boolean;
  /** The PRIVATE API's own VPC endpoints. */
  readonly vpcEndpointIds: string[];
  /** Whether IPv6 callers reach the API too. */
  readonly dualStack: boolean;
}

/**
 * The API's resource policy: one Deny per condition a caller must meet or must not meet, then
 * the Allows. Undefined when neither options nor a private endpoint ask for one, because any
 * resource policy makes API Gateway demand an explicit Allow for every call.
 */
export function buildResourcePolicy(scope: IConstruct, input: ResourcePolicyInput): iam.PolicyDocument | undefined {
  const options = input.options;
  if (!options && !input.isPrivate) return undefined;
  const o = options ?? {};
  const onlyPrivate = (prop: keyof ResourcePolicyOptions) => {
    if (o[prop] !== undefined && !input.isPrivate) {
      throw propError(scope, `resourcePolicy.${prop}`, o[prop], 'VPC conditions only on a PRIVATE API: API Gateway knows the source VPC and VPC endpoint of calls through a VPC endpoint only');
    }
  };
  onlyPrivate('allowSourceVpcs');
  onlyPrivate('denySourceVpcs');
  onlyPrivate('allowVpcEndpoints');
  onlyPrivate('denyVpcEndpoints');

  const allowSourceIps = checkedList(scope, 'allowSourceIps', o.allowSourceIps, isIpOrCidr, 'IPv4 or IPv6 addresses or CIDR ranges, e.g. 203.0.113.0/24');
  const denySourceIps = checkedList(scope, 'denySourceIps', o.denySourceIps, isIpOrCidr, 'IPv4 or IPv6 addresses or CIDR ranges, e.g. 203.0.113.0/24');
  const allowSourceVpcs = checkedList(scope, 'allowSourceVpcs', o.allowSourceVpcs, id => VPC_ID.test(id), 'VPC ids, e.g. vpc-0a1b2c3d');
  const denySourceVpcs = checkedList(scope, 'denySourceVpcs', o.denySourceVpcs, id => VPC_ID.test(id), 'VPC ids, e.g. vpc-0a1b2c3d');
  const allowVpcEndpoints = checkedList(scope, 'allowVpcEndpoints', o.allowVpcEndpoints, id => VPC_ENDPOINT_ID.test(id), 'VPC endpoint ids, e.g. vpce-0a1b2c3d');
  const denyVpcEndpoints = checkedList(scope, 'denyVpcEndpoints', o.denyVpcEndpoints, id => VPC_ENDPOINT_ID.test(id), 'VPC endpoint ids, e.g. vpce-0a1b2c3d');
  const allowAccounts = checkedList(scope, 'allowAccounts', o.allowAccounts, id => ACCOUNT_ID.test(id), 'AWS account ids of 12 digits');
  const denyAccounts = checkedList(scope, 'denyAccounts', o.denyAccounts, id => ACCOUNT_ID.test(id), 'AWS account ids of 12 digits');
  if (input.dualStack && denySourceIps && !Token.isUnresolved(denySourceIps) && denySourceIps.every(ip => !isIpv6(ip))) {
    Annotations.of(scope).addWarningV2('cdk-gateway-api:ipv4DenyOnDualStack',
      'resourcePolicy.denySourceIps names IPv4 addresses only, but the API is dual-stack: IPv6 callers are not denied. Add their IPv6 ranges too.');
  }
  const ownAccount = Stack.of(scope).account;
  if (allowAccounts && !Token.isUnresolved(allowAccounts) && allowAccounts.includes(ownAccount)) {
    throw propError(scope, 'resourcePolicy.allowAccounts', ownAccount,
      'accounts other than the API\'s own: listing it would admit every principal of the account, whatever its IAM policy says');
  }

  const statements: iam.PolicyStatement[] = [];
  const deny = (conditions: Record<string, Record<string, unknown>>) => statements.push(invoke(iam.Effect.DENY, conditions));
  if (input.isPrivate) deny({ StringNotEquals: { 'aws:SourceVpce': joinLists(input.vpcEndpointIds, allowVpcEndpoints) } });
  if (denyVpcEndpoints) deny({ StringEquals: { 'aws:SourceVpce': denyVpcEndpoints } });
  if (allowSourceVpcs) deny({ StringNotEquals: { 'aws:SourceVpc': allowSourceVpcs } });
  if (denySourceVpcs) deny({ StringEquals: { 'aws:SourceVpc': denySourceVpcs } });
  // Behind a VPC endpoint, aws:SourceIp is the endpoint's; the caller's address is aws:VpcSourceIp.
  const ipKey = input.isPrivate ? 'aws:VpcSourceIp' : 'aws:SourceIp';
  if (allowSourceIps) deny({ NotIpAddress: { [ipKey]: allowSourceIps } });
  if (denySourceIps) deny({ IpAddress: { [ipKey]: denySourceIps } });
  if (denyAccounts) deny({ StringEquals: { 'aws:PrincipalAccount': denyAccounts } });

  // Unsigned calls (routes authorized by Cognito, a Lambda authorizer, or no one) carry no IAM
  // principal. Allowing only those leaves IAM-authorized routes to IAM: an unconditional
  // Allow * would admit every principal of the account, with or without an IAM policy.
  statements.push(invoke(iam.Effect.ALLOW, { Null: { 'aws:PrincipalArn': 'true' } }));
  if (allowAccounts) statements.push(invoke(iam.Effect.ALLOW, { StringEquals: { 'aws:PrincipalAccount': allowAccounts } }));
  statements.push(...(o.statements ?? []));
  return new iam.PolicyDocument({ statements });
}

function invoke(effect: iam.Effect, conditions: Record<string, Record<string, unknown>>): iam.PolicyStatement {
  return new iam.PolicyStatement({
    effect, actions: ['execute-api:Invoke'], principals: [new iam.AnyPrincipal()], resources: [WHOLE_API], conditions,
  });
}

/** Concatenates two lists; a list token cannot be spread, so CloudFormation joins it in. */
function joinLists(first: string[], second: string[] | undefined): string[] {
  if (!second) return first;
  if (!Token.isUnresolved(second)) return [...first, ...second];
  return Fn.split(',', Fn.join(',', [...first, Fn.join(',', second)]));
}

/** Validates a list of the resource policy; a token list, or a token element, is taken as given. */
function checkedList(
  scope: IConstruct, prop: keyof ResourcePolicyOptions, list: string[] | undefined, valid: (value: string) => boolean, allowed: string,
): string[] | undefined {
  if (list === undefined || Token.isUnresolved(list)) return list;
  if (list.length === 0) {
    throw propError(scope, `resourcePolicy.${prop}`, list, `at least one entry (leave ${prop} out for no condition)`);
  }
  list.forEach((value, i) => {
    if (!Token.isUnresolved(value) && !valid(value)) throw propError(scope, `resourcePolicy.${prop}[${i}]`, value, allowed);
  });
  return list;
}

function isIpOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/** Whether an address or CIDR range is IPv6. */
function isIpv6(ipOrCidr: string): boolean {
  return isIPv6(ipOrCidr.split('/')[0]);
}
