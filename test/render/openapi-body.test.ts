import { Stack } from 'aws-cdk-lib';
import { Authorization, Integration, RequestValidation } from '../../src';
import { ApiAuthorizers } from '../../src/auth/api-authorizers';
import { IntegrationConfig, IntegrationType } from '../../src/integrations/integration-config';
import { ApiModel, RouteModel } from '../../src/model/api-model';
import { RouteTable } from '../../src/model/route-table';
import { renderOpenApiBody } from '../../src/render/openapi-body';


/** Route options as a user writes them; the table binds the integration through the callback it is given. */
const options = { integration: Integration.mock() };
/** The renderer on its own: a model in, the OpenAPI body out, no API and no synthesis. */
function routes(add: (table: RouteTable) => void): RouteModel[] {
  const scope = new Stack();
  const table = new RouteTable(scope, RequestValidation.BODY_AND_PARAMETERS, Authorization.iam(), false, new ApiAuthorizers(scope, () => undefined));
  add(table);
  return table.routes;
}

function model(routeModels: RouteModel[], extra: Partial<ApiModel> = {}): ApiModel {
  return {
    title: 'pets',
    defaultValidator: 'body-and-parameters',
    routes: routeModels,
    schemas: new Map(),
    gatewayResponses: new Map(),
    authorizers: new Map(),
    ...extra,
  };
}

const proxy: IntegrationConfig = { type: IntegrationType.HTTP_PROXY, method: 'GET', uri: 'https://pets.example.com/{petId}', timeoutInMillis: 5000 };

describe('the OpenAPI body renderer', () => {
  test('paths and methods sorted, one operation per route with its integration, IAM as sigv4', () => {
    const body: any = renderOpenApiBody(model(routes(t => {
      t.add('r1', 'POST /pets', options, () => proxy);
      t.add('r2', 'GET /pets/{petId}', options, () => proxy);
      t.add('r3', 'GET /pets', options, () => proxy);
    })));
    expect(Object.keys(body.paths)).toEqual(['/pets', '/pets/{petId}']);
    expect(Object.keys(body.paths['/pets'])).toEqual(['get', 'post']);
    expect(body.paths['/pets/{petId}'].get).toEqual({
      'operationId': 'getPetsPetId',
      'parameters': [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
      'responses': { 200: { description: 'The backend\'s response' } },
      'security': [{ sigv4: [] }],
      'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: 'https://pets.example.com/{petId}', timeoutInMillis: 5000 },
    });
    expect(body.components.securitySchemes.sigv4).toMatchObject({ 'type': 'apiKey', 'x-amazon-apigateway-authtype': 'awsSigv4' });
  });

  test('the API\'s validator is declared once; a route names its own only when it differs', () => {
    const body: any = renderOpenApiBody(model(routes(t => {
      t.add('r1', 'GET /a', options, () => proxy);
      t.add('r2', 'GET /b', { ...options, requestValidation: RequestValidation.OFF }, () => proxy);
    })));
    expect(body['x-amazon-apigateway-request-validator']).toBe('body-and-parameters');
    expect(Object.keys(body['x-amazon-apigateway-request-validators'])).toEqual(['body-and-parameters', 'none']);
    expect(body.paths['/a'].get['x-amazon-apigateway-request-validator']).toBeUndefined();
    expect(body.paths['/b'].get['x-amazon-apigateway-request-validator']).toBe('none');
  });

  test('CORS adds a preflight to each path without an OPTIONS route', () => {
    const body: any = renderOpenApiBody(model(routes(t => t.add('r1', 'GET /a', options, () => proxy)), {
      cors: { allowOrigins: ['https://shop.example.com'], allowHeaders: ['Content-Type'], allowCredentials: false, statusCode: 204 },
    }));
    expect(Object.keys(body.paths['/a'])).toEqual(['get', 'options']);
    expect(body.paths['/a'].options['x-amazon-apigateway-integration'].type).toBe('mock');
  });
});
