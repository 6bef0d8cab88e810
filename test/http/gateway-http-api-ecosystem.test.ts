import { aws_apigatewayv2 as apigwv2, aws_apigatewayv2_integrations as integrations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayHttpApi, HttpIntegration } from '../../src';
import { newStack } from '../util';

describe('aws-cdk-lib takes a GatewayHttpApi as an IHttpApi (asHttpApi)', () => {
  test('a stage and a route of aws-cdk-lib\'s go into the API', () => {
    const stack = newStack();
    const api = new GatewayHttpApi(stack, 'Api', { routes: { 'GET /items': { integration: HttpIntegration.url('https://items.example.com') } } });
    expect(api.asHttpApi).toBe(api.asHttpApi);
    expect(api.asHttpApi.apiId).toBe(api.apiId);
    new apigwv2.HttpStage(stack, 'Canary', { httpApi: api.asHttpApi, stageName: 'canary' });
    new apigwv2.HttpRoute(stack, 'Legacy', {
      httpApi: api.asHttpApi,
      routeKey: apigwv2.HttpRouteKey.with('/legacy', apigwv2.HttpMethod.GET),
      integration: new integrations.HttpUrlIntegration('Legacy', 'https://legacy.example.com'),
    });
    const template = Template.fromStack(stack);
    const apiRef = stack.resolve(api.apiId);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { ApiId: apiRef, StageName: 'canary' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { ApiId: apiRef, RouteKey: 'GET /legacy' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { ApiId: apiRef, IntegrationUri: 'https://legacy.example.com' });
    // Nothing else is made for the view: no second API.
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    expect(stack.resolve(api.asHttpApi.apiEndpoint)).toEqual(stack.resolve(api.httpApi.attrApiEndpoint));
  });
});
