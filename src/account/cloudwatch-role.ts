import { Aws, RemovalPolicy, Stack, Validations, aws_apigateway as apigw, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

const SINGLETON_ID = 'GatewayApiCloudWatchAccount';
const LOGS_IN_ACCOUNT = `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:*`;

/**
 * API Gateway writes execution and access logs with one IAM role set per account and region
 * (AWS::ApiGateway::Account). One stack-level singleton serves every GatewayApi in the stack.
 * Both resources are retained: deleting them would stop every API in the account from logging.
 */
export function cloudWatchRoleSetting(scope: IConstruct): apigw.CfnAccount {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(SINGLETON_ID) as apigw.CfnAccount | undefined;
  if (existing) return existing;
  // A customer-managed policy, not an inline one: the NIST, PCI and HIPAA packs refuse inline policies.
  const policy = new iam.ManagedPolicy(stack, `${SINGLETON_ID}Policy`, {
    description: 'Lets API Gateway write execution and access logs to CloudWatch Logs in this account and region',
    statements: [new iam.PolicyStatement({
      actions: [
        'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams',
        'logs:PutLogEvents', 'logs:GetLogEvents', 'logs:FilterLogEvents',
      ],
      resources: [LOGS_IN_ACCOUNT],
    })],
  });
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:*]',
    reason: 'API Gateway\'s account-wide logging role creates and writes the execution log groups of every API and stage '
      + 'in the account (API-Gateway-Execution-Logs_{restApiId}/{stage}), named only at deploy time; these are the actions '
      + 'of AWS\'s AmazonAPIGatewayPushToCloudWatchLogs policy.',
  });
  const role = new iam.Role(stack, `${SINGLETON_ID}Role`, {
    assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    description: 'Lets API Gateway write execution and access logs to CloudWatch Logs in this account and region',
    managedPolicies: [policy],
  });
  role.applyRemovalPolicy(RemovalPolicy.RETAIN);
  policy.applyRemovalPolicy(RemovalPolicy.RETAIN);
  const account = new apigw.CfnAccount(stack, SINGLETON_ID, { cloudWatchRoleArn: role.roleArn });
  account.applyRemovalPolicy(RemovalPolicy.RETAIN);
  return account;
}
