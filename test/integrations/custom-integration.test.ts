import { aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IIntegrationContext, Integration, IntegrationConfig, IntegrationType } from '../../src';
import { newFunction, synthApi } from '../util';

/** A user's own integration: a Lambda function behind a versioned alias URI, one template. */
class AliasIntegration extends Integration {
  public readonly bound: string[] = [];

  constructor(private readonly fn: lambda.IFunction) {
    super();
  }

  public bind(context: IIntegrationContext): IntegrationConfig {
    this.bound.push(`${context.method} ${context.path} (${context.pathParameters.join(',')}) at ${context.prop}`);
    context.allowInvoke(this.fn);
    return {
      type: IntegrationType.AWS,
      method: 'POST',
      uri: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${this.fn.functionArn}:live/invocations`,
      requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
      responses: [{ statusCode: '200' }],
    };
  }
}

describe('an integration of your own', () => {
  test('is bound to each route with the route, and its config becomes the route\'s integration', () => {
    let integration!: AliasIntegration;
    const { body, template } = synthApi(stack => {
      integration = new AliasIntegration(newFunction(stack));
      return { routes: { 'GET /items/{id}': { integration }, 'DELETE /items/{id}': { integration } } };
    });
    expect(integration.bound).toEqual([
      "GET /items/{id} (id) at routes['GET /items/{id}'].integration",
      "DELETE /items/{id} (id) at routes['DELETE /items/{id}'].integration",
    ]);
    const rendered = body.paths['/items/{id}'].get['x-amazon-apigateway-integration'];
    expect(rendered).toMatchObject({
      type: 'aws',
      httpMethod: 'POST',
      requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
      responses: { default: { statusCode: '200' } },
    });
    expect(rendered.timeoutInMillis).toBeUndefined();
    // One invoke permission for the function, whatever the number of its routes.
    template.resourceCountIs('AWS::Lambda::Permission', 1);
  });

  test('may make the resources it needs in the API', () => {
    class WithResource extends Integration {
      public bind(context: IIntegrationContext): IntegrationConfig {
        if (!context.scope.node.tryFindChild('Helper')) new Construct(context.scope, 'Helper');
        return { type: IntegrationType.MOCK, requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: [{ statusCode: '200' }] };
      }
    }
    const { api } = synthApi(() => ({ routes: { 'GET /a': { integration: new WithResource() }, 'GET /b': { integration: new WithResource() } } }));
    expect(api.node.tryFindChild('Helper')).toBeDefined();
  });
});
