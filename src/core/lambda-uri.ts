import { Aws, aws_lambda as lambda } from 'aws-cdk-lib';

/** The URI API Gateway invokes a Lambda function by, for integrations and authorizers alike. */
export function lambdaInvocationUri(handler: lambda.IFunction): string {
  return `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2015-03-31/functions/${handler.functionArn}/invocations`;
}

/** The URI of a streamed Lambda proxy integration: Lambda's InvokeWithResponseStream. */
export function lambdaStreamingInvocationUri(handler: lambda.IFunction): string {
  return `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2021-11-15/functions/${handler.functionArn}/response-streaming-invocations`;
}

/** Whether a literal integration URI invokes a function in the buffered way. */
export function isBufferedLambdaUri(uri: string): boolean {
  return /:lambda:path\/2015-03-31\/functions\/.+\/invocations$/.test(uri);
}

/** Whether a literal integration URI invokes a function with response streaming. */
export function isStreamingLambdaUri(uri: string): boolean {
  return /:lambda:path\/2021-11-15\/functions\/.+\/response-streaming-invocations$/.test(uri);
}
