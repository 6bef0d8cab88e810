import { CfnResource, aws_lambda as lambda } from 'aws-cdk-lib';

/**
 * aws-cdk-lib makes every Function DependsOn its role, which the function's `GetAtt` of the
 * role's ARN already orders, and cfn-lint flags the repeat (W3005). This keeps only the
 * dependencies a `GetAtt` does not imply: the role's policies, which must be attached before the
 * function first runs.
 */
export function dependOnlyOnPolicies(fn: lambda.Function, policies: CfnResource[]): void {
  const resource = fn.node.defaultChild as CfnResource;
  if (policies.length === 0) {
    resource.addDeletionOverride('DependsOn');
  } else {
    resource.addOverride('DependsOn', policies.map(policy => policy.logicalId));
  }
}
