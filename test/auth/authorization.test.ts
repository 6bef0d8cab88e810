import { aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Authorization, GatewayApi, Integration } from '../../src';
import { newStack, operation, synthApi } from '../util';

const mock = () => Integration.mock();

test('routes are IAM-authorized by default; a route or the API may open them', () => {
  const { body } = synthApi(() => ({
    policyValidation: false,
    routes: { 'GET /private': { integration: mock() }, 'GET /public': { integration: mock(), authorization: Authorization.none('A test of an open route.') } },
  }));
  expect(operation(body, '/private', 'get').security).toEqual([{ sigv4: [] }]);
  expect(operation(body, '/public', 'get').security).toBeUndefined();

  const open = synthApi(() => ({ policyValidation: false, defaultAuthorization: Authorization.none('A test of an open route.'), routes: { 'GET /a': { integration: mock() } } }));
  expect(operation(open.body, '/a', 'get').security).toBeUndefined();
  expect(open.body.components).toBeUndefined();
});

test('grantInvoke lets a principal call every stage\'s routes, or one stage\'s, all or one', () => {
  const stack = newStack();
  const api = new GatewayApi(stack, 'Api', {
    routes: { 'GET /pets': { integration: mock() } },
    stages: [{ stageName: 'prod' }, { stageName: 'dev' }],
  });
  const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
  api.grantInvoke(caller);
  api.stages[1].grantInvoke(caller, 'GET', '/pets');
  const statements = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  const resources = Object.values(statements).flatMap((p: any) => p.Properties.PolicyDocument.Statement)
    .filter((s: any) => s.Action === 'execute-api:Invoke').flatMap((s: any) => [].concat(s.Resource));
  const arns = JSON.stringify(resources);
  expect(arns).toMatch(/ApiF70053CD"\},"\/\*\/\*\/\*"/);
  expect(arns).toMatch(/ApiF70053CD"\},"\/dev\/GET\/pets"/);
  expect(arns).not.toMatch(/\/prod\//);
});
