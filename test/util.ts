import { App, Stack, aws_lambda as lambda } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayApiProps } from '../src';

/**
 * A stack in a fresh app, with aws-cdk-lib's own run of the CloudFormation Validate engine off to
 * keep tests fast (the context flag alone only turns its errors into warnings). The engine's
 * verdicts are tested where they matter: test/properties and the policy parity suite.
 */
export function newStack(): Stack {
  const app = new App({ builtinCloudFormationValidation: false, context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  return new Stack(app, 'Test');
}

/** A Lambda function with inline code, so synthesis needs no bundling. */
export function newFunction(stack: Stack, id = 'Fn'): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
}

/** The synthesized pieces a test looks at. */
export interface Synthesized {
  readonly stack: Stack;
  readonly api: GatewayApi;
  readonly template: Template;
  /** The rendered OpenAPI body of the RestApi, tokens resolved as in the template. */
  readonly body: any;
}

/** Builds a GatewayApi with `build(stack)` props and synthesizes the stack. */
export function synthApi(build: (stack: Stack) => GatewayApiProps): Synthesized {
  const stack = newStack();
  const api = new GatewayApi(stack, 'Api', build(stack));
  return synthesized(stack, api);
}

export function synthesized(stack: Stack, api: GatewayApi): Synthesized {
  const template = Template.fromStack(stack);
  const apis = template.findResources('AWS::ApiGateway::RestApi');
  const logicalId = stack.getLogicalId(api.restApi);
  return { stack, api, template, body: apis[logicalId].Properties.Body };
}

/** The operation of `method` (lowercase, or `x-amazon-apigateway-any-method`) on `path`. */
export function operation(body: any, path: string, method: string): any {
  const op = body.paths?.[path]?.[method];
  if (!op) throw new Error(`no ${method} ${path} in the body; paths: ${Object.keys(body.paths ?? {}).join(', ')}`);
  return op;
}

/** The KMS keys of a template other than the stack's alarm topic key. */
export function keysBesidesAlarmTopic(template: Template): string[] {
  return Object.entries(template.findResources('AWS::KMS::Key'))
    .filter(([, key]) => !String(key.Properties?.Description).includes('GatewayApi alarms'))
    .map(([id]) => id);
}
