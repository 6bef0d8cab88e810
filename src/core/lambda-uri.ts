import { Aws, aws_lambda as lambda } from 'aws-cdk-lib';

/** The URI API Gateway invokes a Lambda function by, for integrations and authorizers alike. */
export function lambdaInvocationUri(handler: lambda.IFunction): string {
  return `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2015-03-31/functions/${handler.functionArn}/invocations`;
}
