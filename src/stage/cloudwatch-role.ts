import { Aws, RemovalPolicy, Stack, aws_apigateway as apigw, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

const SINGLETON_ID = 'GatewayApiCloudWatchAccount';

/**
 * API Gateway writes execution and access logs with one IAM role set per account and region
 * (AWS::ApiGateway::Account). One stack-level singleton serves every GatewayApi in the stack.
 * Both resources are retained: deleting them would stop every API in the account from logging.
 */
export function cloudWatchAccount(scope: IConstruct): apigw.CfnAccount {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(SINGLETON_ID) as apigw.CfnAccount | undefined;
  if (existing) return existing;
  const role = new iam.Role(stack, `${SINGLETON_ID}Role`, {
    assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    description: 'Lets API Gateway write execution and access logs to CloudWatch Logs in this account and region',
    inlinePolicies: {
      PushToCloudWatchLogs: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({
          actions: [
            'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams',
            'logs:PutLogEvents', 'logs:GetLogEvents', 'logs:FilterLogEvents',
          ],
          resources: [`arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:*`],
        })],
      }),
    },
  });
  role.applyRemovalPolicy(RemovalPolicy.RETAIN);
  const account = new apigw.CfnAccount(stack, SINGLETON_ID, { cloudWatchRoleArn: role.roleArn });
  account.applyRemovalPolicy(RemovalPolicy.RETAIN);
  return account;
}
