import * as path from 'path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { GatewayApi, Integration, OpenApiDocument, RequestValidation } from '../../src';
import { newFunction, newStack, operation, synthesized } from '../util';

const PETS = path.join(__dirname, 'fixtures', 'pets.yaml');

function petsApi(extra: any = {}) {
  const stack = newStack();
  const fn = newFunction(stack);
  const api = new GatewayApi(stack, 'Api', {
    openApi: OpenApiDocument.fromFile(PETS),
    // The fixture's parameters-only validator on GET /pets is what body-request-validation flags.
    policyValidation: false,
    operations: {
      listPets: { integration: Integration.lambda(fn) },
      createPet: { integration: Integration.lambda(fn), throttle: { rateLimit: 10, burstLimit: 20 } },
      getPet: { integration: Integration.lambda(fn) },
    },
    ...extra,
  });
  return synthesized(stack, api);
}

describe('building a GatewayApi from an OpenAPI document', () => {
  test('operations become routes bound by operationId, keeping parameters, bodies, models, validators and API keys', () => {
    const { body, template } = petsApi();
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: 'pets', Description: 'The pet store, as its designers wrote it.' });
    expect(Object.keys(body.paths).sort()).toEqual(['/pets', '/pets/{petId}']);

    const list = operation(body, '/pets', 'get');
    expect(list).toMatchObject({ operationId: 'listPets', summary: 'List the pets', security: [{ api_key: [], sigv4: [] }] });
    expect(list.parameters).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'limit', in: 'query', required: false }),
      expect.objectContaining({ name: 'X-Tenant', in: 'header', required: true }),
    ]));
    // The document's "params" validator checks parameters only; its "all" is the API's default.
    expect(body['x-amazon-apigateway-request-validators']['parameters-only']).toEqual({ validateRequestBody: false, validateRequestParameters: true });
    expect(list['x-amazon-apigateway-request-validator']).toBe('parameters-only');
    expect(body['x-amazon-apigateway-request-validator']).toBe('body-and-parameters');

    const create = operation(body, '/pets', 'post');
    expect(create.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/NewPet' });
    expect(create['x-amazon-apigateway-request-validator']).toBeUndefined();
    // Every model of the document, including those only other models refer to.
    expect(Object.keys(body.components.schemas).sort()).toEqual(['NewPet', 'Owner', 'Pet']);
    expect(body.components.schemas.NewPet.properties.owner).toEqual({ $ref: '#/components/schemas/Owner' });

    const get = operation(body, '/pets/{petId}', 'get');
    expect(get.parameters).toEqual([{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(get.security).toEqual([{ sigv4: [] }]);
    expect(get['x-amazon-apigateway-integration'].type).toBe('aws_proxy');
  });

  test('what the props say wins over the document', () => {
    const { body } = petsApi({ requestValidation: RequestValidation.OFF, apiName: 'mine' });
    expect(body.info.title).toBe('mine');
    // The API's validation replaces the document's default; an operation's own validator stays.
    expect(body['x-amazon-apigateway-request-validator']).toBeUndefined();
    expect(operation(body, '/pets', 'post')['x-amazon-apigateway-request-validator']).toBeUndefined();
    expect(operation(body, '/pets', 'get')['x-amazon-apigateway-request-validator']).toBe('parameters-only');
  });

  test('an unbound operation, a binding of nothing, or a reference that leads nowhere is refused at synth', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    const openApi = OpenApiDocument.fromFile(PETS);
    expect(() => new GatewayApi(stack, 'A', { openApi, operations: { listPets: { integration: Integration.lambda(fn) } } }))
      .toThrow(/\[Test\/A\] operations\['createPet'\]: undefined is not allowed\. Allowed: the options of operation createPet \(POST \/pets\), with its integration/);
    const mock = { integration: Integration.mock() };
    const all = { listPets: mock, createPet: mock, getPet: mock };
    expect(() => new GatewayApi(stack, 'B', { openApi, operations: { ...all, deletePet: { integration: Integration.mock() } } }))
      .toThrow(/\[Test\/B\] operations: \["deletePet"\] is not allowed\. Allowed: operationIds of the document: listPets, createPet, getPet/);
    const nowhere = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } };
    const broken = OpenApiDocument.fromObject({
      openapi: '3.0.1', info: { title: 'x', version: '1' }, paths: { '/x': { post: { operationId: 'x', requestBody: nowhere } } },
    });
    expect(() => new GatewayApi(stack, 'C', { openApi: broken, operations: { x: { integration: Integration.mock() } } }))
      .toThrow(/openApi paths\['\/x'\]\.post\.requestBody\.content\['application\/json'\]\.schema\.\$ref: "#\/components\/schemas\/Nope" is not allowed/);
    const cognito = OpenApiDocument.fromObject({
      openapi: '3.0.1',
      info: { title: 'x', version: '1' },
      components: { securitySchemes: { pool: { 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools' } } },
      paths: { '/x': { get: { operationId: 'x', security: [{ pool: [] }] } } },
    });
    expect(() => new GatewayApi(stack, 'D', { openApi: cognito, operations: { x: { integration: Integration.mock() } } }))
      .toThrow(/operations\['x'\]\.authorization: undefined is not allowed\. Allowed: an authorization for the security scheme\(s\) pool/);
    expect(() => OpenApiDocument.fromObject({ swagger: '2.0' })).toThrow(/is not allowed\. Allowed: an OpenAPI 3 document/);
    expect(() => new GatewayApi(stack, 'E', { operations: all })).toThrow(/operations only with an openApi document/);
  });

  test('import then export: the client document has the source\'s paths, parameters and models, and is valid OpenAPI', async () => {
    const { api } = petsApi();
    const exported = api.openApiDocument();
    await SwaggerParser.validate(JSON.parse(JSON.stringify(exported)));
    const source: any = await SwaggerParser.parse(PETS);
    expect(Object.keys(exported.paths)).toEqual(Object.keys(source.paths));
    expect(exported.components.schemas).toEqual(source.components.schemas);
    expect(exported.paths['/pets'].post.requestBody.content).toEqual(source.paths['/pets'].post.requestBody.content);
  });

  test('import then export keeps the contract: parameter schemas as declared (API Gateway\'s definition types them as strings) and declared responses', () => {
    const { api, body } = petsApi();
    expect(body.paths['/pets'].get.parameters.find((p: any) => p.name === 'limit').schema).toEqual({ type: 'string' });
    const exported = api.openApiDocument();
    const parameters = exported.paths['/pets'].get.parameters;
    expect(parameters.find((p: any) => p.name === 'limit')).toEqual({ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } });
    expect(parameters.find((p: any) => p.name === 'X-Tenant').schema).toEqual({ type: 'string' });
    expect(exported.paths['/pets'].post.responses).toEqual({ 201: { description: 'Created' } });
    expect(exported.paths['/pets/{petId}'].get.responses).toEqual({ 200: { description: 'The pet' } });
  });
});
