import { Stack } from 'aws-cdk-lib';
import { Authorization, Integration, RequestValidation } from '../../src';
import { ApiAuthorizers } from '../../src/auth/api-authorizers';
import { RouteKey } from '../../src/core/route-key';
import { IntegrationConfig, IntegrationType } from '../../src/integrations/integration-config';
import { RouteTable } from '../../src/model/route-table';


/** Route options as a user writes them; the table binds the integration through the callback it is given. */
const options = { integration: Integration.mock() };
/** The route table on its own: no API, no synthesis. */
function table(): RouteTable {
  const scope = new Stack();
  return new RouteTable(scope, RequestValidation.BODY_AND_PARAMETERS, Authorization.iam(), false, new ApiAuthorizers(scope, () => undefined));
}

const mock: IntegrationConfig = { type: IntegrationType.MOCK, requestTemplates: { 'application/json': '{"statusCode": 200}' } };

describe('the route table, alone', () => {
  test('models a route with its operation id, path parameters, validator and default authorization', () => {
    const route = table().add("routes['GET /pets/{petId}']", 'GET /pets/{petId}', options, () => mock);
    expect(route).toMatchObject({
      key: { method: 'GET', path: '/pets/{petId}', pathParameters: ['petId'] },
      operationId: 'getPetsPetId',
      parameters: [{ name: 'petId', in: 'path', required: true }],
      validator: 'body-and-parameters',
      authorizationType: 'AWS_IAM',
      apiKeyRequired: false,
      integration: mock,
    });
  });

  test('binds the integration only once the key is known to be valid, with the parsed key', () => {
    const keys: RouteKey[] = [];
    const routes = table();
    expect(() => routes.add("routes['GET pets']", 'GET pets', options, key => (keys.push(key), mock))).toThrow(/routes\['GET pets'\]: "GET pets" is not allowed/);
    routes.add("routes['ANY /files/{path+}']", 'ANY /files/{path+}', options, key => (keys.push(key), mock));
    expect(keys).toEqual([expect.objectContaining({ method: 'ANY', path: '/files/{path+}', greedy: true })]);
  });

  test('refuses a route twice, and two variables at one level', () => {
    const routes = table();
    routes.add("routes['GET /pets/{id}']", 'GET /pets/{id}', options, () => mock);
    expect(() => routes.add("routes['GET /pets/{id}']", 'GET /pets/{id}', options, () => mock)).toThrow(/GET \/pets\/\{id\}/);
    expect(() => routes.add("routes['GET /pets/{petId}/toys']", 'GET /pets/{petId}/toys', options, () => mock)).toThrow(/\/pets\/\{id\} and \/pets\/\{petId\}/);
    expect(routes.routes).toHaveLength(1);
  });

  test('an open route carries the reason it is open', () => {
    const route = table().add("routes['GET /health']", 'GET /health', { ...options, authorization: Authorization.none('A public health check.') }, () => mock);
    expect(route.authorizationType).toBe('NONE');
    expect(route.acknowledgments).toContainEqual(expect.objectContaining({ id: 'GatewayApi::body-authorization', reason: 'A public health check.' }));
  });
});
