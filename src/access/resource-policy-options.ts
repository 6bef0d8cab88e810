import { aws_iam as iam } from 'aws-cdk-lib';

/**
 * Who may reach the API, judged by API Gateway before any authorizer runs. Every `allow`
 * list is a condition all callers must meet (anyone else is denied); every `deny` list
 * refuses its callers outright. Lists are combined: a caller must pass them all.
 *
 * Routes that are not IAM-authorized stay open to every caller who passes the lists (their
 * authorizer then decides). IAM-authorized routes keep IAM's own answer: callers of the
 * API's account need an IAM policy that allows them, callers of other accounts need
 * `allowAccounts` as well.
 */
export interface ResourcePolicyOptions {
  /**
   * Source IPv4 or IPv6 addresses or CIDR ranges; calls from anywhere else are denied. For a
   * PRIVATE API these are addresses inside the VPC (`aws:VpcSourceIp`).
   *
   * @default - any source address
   */
  readonly allowSourceIps?: string[];

  /**
   * Source IPv4 or IPv6 addresses or CIDR ranges whose calls are denied.
   *
   * @default - none
   */
  readonly denySourceIps?: string[];

  /**
   * VPC ids (`vpc-...`) a PRIVATE API may be called from; calls from other VPCs are denied.
   *
   * @default - any VPC the endpoints admit
   */
  readonly allowSourceVpcs?: string[];

  /**
   * VPC ids (`vpc-...`) whose calls to a PRIVATE API are denied.
   *
   * @default - none
   */
  readonly denySourceVpcs?: string[];

  /**
   * Interface VPC endpoint ids (`vpce-...`), for example in other accounts, through which a
   * PRIVATE API may be called besides its own `vpcEndpoints`.
   *
   * @default - only the API's own `vpcEndpoints`
   */
  readonly allowVpcEndpoints?: string[];

  /**
   * Interface VPC endpoint ids (`vpce-...`) whose calls to a PRIVATE API are denied.
   *
   * @default - none
   */
  readonly denyVpcEndpoints?: string[];

  /**
   * AWS accounts (12 digits) whose IAM principals may call the IAM-authorized routes. Callers
   * of other accounts are refused there; those of the API's own account need only their IAM
   * policy, as without a resource policy.
   *
   * @default - IAM callers of the API's own account only
   */
  readonly allowAccounts?: string[];

  /**
   * AWS accounts (12 digits) whose IAM principals are denied every route.
   *
   * @default - none
   */
  readonly denyAccounts?: string[];

  /**
   * Further statements, appended as given (their resources are `execute-api:/stage/METHOD/path`
   * patterns, e.g. `execute-api:/*`).
   *
   * @default - none
   */
  readonly statements?: iam.PolicyStatement[];
}
