import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { GatewayApi, Integration, RequestValidation } from '../../src';
import { newStack, operation, synthApi, synthesized } from '../util';

const mock = () => Integration.mock();
const petSchema: apigw.JsonSchema = {
  type: apigw.JsonSchemaType.OBJECT,
  required: ['name'],
  properties: { name: { type: apigw.JsonSchemaType.STRING, minLength: 1 }, tags: { type: apigw.JsonSchemaType.ARRAY, items: { ref: '#/components/schemas/Tag' } } },
};

describe('routes', () => {
  test('routes from props and from addRoute land in one body, paths and methods sorted', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes: { 'POST /pets': { integration: mock() }, 'GET /pets': { integration: mock() } } });
    api.addRoute('GET /', { integration: mock() });
    api.addRoute('DELETE /pets/{petId}', { integration: mock() });
    const { body } = synthesized(stack, api);
    expect(Object.keys(body.paths)).toEqual(['/', '/pets', '/pets/{petId}']);
    expect(Object.keys(body.paths['/pets'])).toEqual(['get', 'post']);
    expect(operation(body, '/', 'get').operationId).toBe('getRoot');
    expect(operation(body, '/pets/{petId}', 'delete').operationId).toBe('deletePetsPetId');
  });

  test('ANY renders as the any-method extension and may sit beside GET on the same path', () => {
    const { body } = synthApi(() => ({ routes: { 'ANY /x': { integration: mock() }, 'GET /x': { integration: mock() } } }));
    expect(Object.keys(body.paths['/x'])).toEqual(['x-amazon-apigateway-any-method', 'get']);
  });

  test('rejects a duplicate route key', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes: { 'GET /pets': { integration: mock() } } });
    expect(() => api.addRoute('GET /pets', { integration: mock() }))
      .toThrow("[Test/Api] routes['GET /pets']: \"GET /pets\" is not allowed. Allowed: each route key once per API (it is already defined)");
  });

  test('rejects two differently named variables at the same level, as API Gateway would', () => {
    expect(() => synthApi(() => ({ routes: { 'GET /pets/{id}': { integration: mock() }, 'GET /pets/{petId}/toys': { integration: mock() } } })))
      .toThrow(/one variable path segment per level; \/pets\/\{id\} and \/pets\/\{petId\} differ only in their parameter name/);
  });

  test('rejects a bad route key with the construct path and the prop', () => {
    expect(() => synthApi(() => ({ routes: { 'GET pets': { integration: mock() } } })))
      .toThrow(/^\[Test\/Api\] routes\['GET pets'\]: "GET pets" is not allowed\. Allowed: "METHOD \/path"/);
  });

  test('operation ids: custom ones are used, clashes and bad ids are rejected', () => {
    const { body } = synthApi(() => ({ routes: { 'GET /pets': { integration: mock(), operationId: 'listPets', summary: 'List pets' } } }));
    expect(operation(body, '/pets', 'get')).toMatchObject({ operationId: 'listPets', summary: 'List pets' });
    expect(() => synthApi(() => ({ routes: { 'GET /a-b': { integration: mock() }, 'GET /a/b': { integration: mock() } } })))
      .toThrow(/operationId: "getAB" is not allowed\. Allowed: an operationId not used by another route \(GET \/a-b has it\)/);
    expect(() => synthApi(() => ({ routes: { 'GET /a': { integration: mock(), operationId: '1st' } } })))
      .toThrow(/operationId: "1st" is not allowed/);
  });
});

describe('request validation', () => {
  test('validates body and parameters by default, with the body model in components', () => {
    const { body } = synthApi(() => ({
      routes: { 'POST /pets': { integration: mock(), requestBody: { schema: petSchema }, requestParameters: { 'method.request.header.X-Tenant': true } } },
    }));
    const op = operation(body, '/pets', 'post');
    expect(body['x-amazon-apigateway-request-validator']).toBe('body-and-parameters');
    expect(op['x-amazon-apigateway-request-validator']).toBeUndefined();
    expect(op.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PostPetsRequest' } } } });
    expect(op.parameters).toEqual([{ name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } }]);
    expect(body['x-amazon-apigateway-request-validators']).toEqual({
      'body-and-parameters': { validateRequestBody: true, validateRequestParameters: true },
    });
    expect(body.components.schemas.PostPetsRequest).toEqual({
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', minLength: 1 }, tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } },
    });
  });

  test('a route may narrow or turn off validation; the API default may change', () => {
    const { body } = synthApi(() => ({
      policyValidation: false,
      requestValidation: RequestValidation.PARAMETERS_ONLY,
      routes: {
        'GET /a': { integration: mock() },
        'POST /b': { integration: mock(), requestValidation: RequestValidation.BODY_ONLY },
        'POST /c': { integration: mock(), requestValidation: RequestValidation.OFF },
      },
    }));
    expect(body['x-amazon-apigateway-request-validator']).toBe('parameters-only');
    expect(operation(body, '/a', 'get')['x-amazon-apigateway-request-validator']).toBeUndefined();
    expect(operation(body, '/b', 'post')['x-amazon-apigateway-request-validator']).toBe('body-only');
    expect(operation(body, '/c', 'post')['x-amazon-apigateway-request-validator']).toBe('none');
    expect(body['x-amazon-apigateway-request-validators']).toEqual({
      'body-only': { validateRequestBody: true, validateRequestParameters: false },
      'none': { validateRequestBody: false, validateRequestParameters: false },
      'parameters-only': { validateRequestBody: false, validateRequestParameters: true },
    });
  });

  test('with validation off for the API, only the routes that ask for it are validated', () => {
    const { body } = synthApi(() => ({
      policyValidation: false,
      requestValidation: RequestValidation.OFF,
      routes: { 'GET /a': { integration: mock() }, 'POST /b': { integration: mock(), requestValidation: RequestValidation.BODY_ONLY } },
    }));
    expect(body['x-amazon-apigateway-request-validator']).toBeUndefined();
    expect(operation(body, '/a', 'get')['x-amazon-apigateway-request-validator']).toBeUndefined();
    expect(operation(body, '/b', 'post')['x-amazon-apigateway-request-validator']).toBe('body-only');
    expect(Object.keys(body['x-amazon-apigateway-request-validators'])).toEqual(['body-only']);
  });

  test('routes sharing a model name share the model; a name reused for another schema is rejected', () => {
    const { body } = synthApi(() => ({
      routes: {
        'POST /pets': { integration: mock(), requestBody: { schema: petSchema, modelName: 'Pet' } },
        'PUT /pets/{id}': { integration: mock(), requestBody: { schema: petSchema, modelName: 'Pet' } },
      },
    }));
    expect(Object.keys(body.components.schemas)).toEqual(['Pet']);
    expect(() => synthApi(() => ({
      routes: {
        'POST /pets': { integration: mock(), requestBody: { schema: petSchema, modelName: 'Pet' } },
        'PUT /pets/{id}': { integration: mock(), requestBody: { schema: { type: apigw.JsonSchemaType.STRING }, modelName: 'Pet' } },
      },
    }))).toThrow(/routes\['PUT \/pets\/\{id\}'\]\.requestBody\.modelName: "Pet" is not allowed\. Allowed: a name not already used by a different schema/);
    expect(() => synthApi(() => ({ routes: { 'POST /p': { integration: mock(), requestBody: { schema: petSchema, modelName: 'Pet-1' } } } })))
      .toThrow(/modelName: "Pet-1" is not allowed\. Allowed: letters and digits only/);
  });

  test('rejects request parameters that are not query strings or headers of the route', () => {
    expect(() => synthApi(() => ({ routes: { 'GET /a': { integration: mock(), requestParameters: { 'querystring.page': true } } } })))
      .toThrow(/requestParameters key: "querystring\.page" is not allowed\. Allowed: method\.request\.querystring\.NAME or method\.request\.header\.NAME/);
    expect(() => synthApi(() => ({ routes: { 'GET /a': { integration: mock(), requestParameters: { 'method.request.path.id': true } } } })))
      .toThrow(/Allowed: a path parameter of GET \/a: \(none\)/);
  });
});
