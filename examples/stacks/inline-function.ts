import { aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** A Node.js function from inline source lines, so the example synthesizes with no bundling. */
export function inlineFunction(scope: Construct, id: string, source: string[]): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(source.join('\n')),
  });
}
