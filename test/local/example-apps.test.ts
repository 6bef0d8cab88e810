import { App, Validations } from 'aws-cdk-lib';
import { LambdaApiStack } from '../../examples/stacks/lambda-api-stack';
import { LocalGateway } from '../../src';

/**
 * The example app's APIs, run by the local gateway: the behaviour README's tour promises,
 * in milliseconds. The deploy-and-call suite makes the same calls on the emulator.
 */
describe('GatewayApiLambdaExample: the pets API', () => {
  let gateway: LocalGateway;
  const signed = { iamPrincipal: 'arn:aws:iam::123456789012:role/tester' };
  const json = { 'Content-Type': 'application/json' };

  beforeAll(() => {
    const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
    Validations.of(app).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'The example, run locally.' });
    const stack = new LambdaApiStack(app, 'GatewayApiLambdaExample');
    gateway = LocalGateway.fromApi(stack.node.findChild('PetsApi'));
  });

  test('Lambda proxy routes: a list, a path parameter, a greedy path, any method', async () => {
    expect((await gateway.request('GET /pets', signed)).json()).toMatchObject({ route: '/pets', petId: null });
    expect((await gateway.request('GET /pets/7', signed)).json()).toMatchObject({ route: '/pets/{petId}', petId: '7' });
    expect((await gateway.request('GET /toys/ball/red', signed)).json()).toMatchObject({ route: '/{proxy+}' });
    expect((await gateway.request('DELETE /toys', signed)).json()).toMatchObject({ route: '/{proxy+}' });
  });

  test('the body model: a valid pet reaches the function; a missing field, a value outside the enum, an unknown property do not', async () => {
    expect((await gateway.request('POST /pets', { ...signed, headers: json, body: '{"name": "Rex", "species": "dog", "age": 3}' })).statusCode).toBe(200);
    for (const body of ['{"name": "Rex"}', '{"name": "Rex", "species": "horse"}', '{"name": "Rex", "species": "cat", "colour": "red"}']) {
      const response = await gateway.request('POST /pets', { ...signed, headers: json, body });
      expect([response.statusCode, response.json().message]).toEqual([400, 'Invalid request body']);
    }
  });

  test('Lambda behind templates: the request template builds the event, the response template the answer, an error message selects the 404', async () => {
    expect((await gateway.request('GET /owners/ann?verbose=true', signed)).json()).toEqual({ owner: 'ann', petCount: 0 });
    expect((await gateway.request("GET /owners/O'Brien", signed)).json()).toEqual({ owner: "O'Brien", petCount: 0 });
    const nobody = await gateway.request('GET /owners/nobody', signed);
    expect([nobody.statusCode, nobody.json()]).toEqual([404, { message: 'owner not found' }]);
  });

  test('CORS: the preflight admits the app origin', async () => {
    const preflight = await gateway.request('OPTIONS /pets', { headers: { 'Origin': 'https://app.example.com', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({ 'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Max-Age': '600' });
  });
});
