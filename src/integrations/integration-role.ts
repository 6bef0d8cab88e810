import { aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The role API Gateway assumes for one AWS service integration, allowed that integration's action only. */
export function integrationRole(scope: Construct, id: string, grant: (role: iam.IGrantable) => void): iam.Role {
  const role = new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
  grant(role);
  return role;
}
