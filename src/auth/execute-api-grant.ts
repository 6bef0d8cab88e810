import { aws_iam as iam } from 'aws-cdk-lib';

/** Grants an execute-api action (calling routes, invalidating their cache entries, or managing WebSocket connections) on one ARN. */
export function grantExecuteApi(grantee: iam.IGrantable, action: 'Invoke' | 'InvalidateCache' | 'ManageConnections', resourceArn: string): iam.Grant {
  return iam.Grant.addToPrincipal({ grantee, actions: [`execute-api:${action}`], resourceArns: [resourceArn] });
}
