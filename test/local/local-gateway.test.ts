import { Validations, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Authorization, GatewayApi, GatewayApiProps, Integration, LocalGateway, LocalGatewayOptions } from '../../src';
import { newStack } from '../util';

const open = Authorization.none('A local gateway test.');

/** A GatewayApi in a fresh app, and its local gateway. */
function localApi(props: Omit<GatewayApiProps, 'policyValidation'>, options: LocalGatewayOptions = {}): LocalGateway {
  const stack = newStack();
  const api = new GatewayApi(stack, 'Api', { ...props, policyValidation: false });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A local gateway test.' });
  return LocalGateway.fromApi(api, options);
}

const hello = Integration.mock({
  integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"hello": "$stageVariables.who", "stage": "$context.stage"}' } }],
});

describe('a MOCK route', () => {
  test('answers its response template, with the stage\'s variables and context', async () => {
    const gateway = localApi({ routes: { 'GET /hello': { integration: hello, authorization: open } }, stages: [{ stageName: 'prod', variables: { who: 'world' } }] });
    const response = await gateway.request('GET /hello');
    expect(response.statusCode).toBe(200);
    expect(response.headers['Content-Type']).toBe('application/json');
    expect(response.json()).toEqual({ hello: 'world', stage: 'prod' });
  });

  test('the request template picks the status; the integration response whose pattern matches answers', async () => {
    const gateway = localApi({
      routes: {
        'GET /orders/{id}': {
          authorization: open,
          integration: Integration.mock({
            requestTemplates: { 'application/json': "#if($input.params('id') == 'missing'){\"statusCode\": 404}#else{\"statusCode\": 200}#end" },
            integrationResponses: [
              { statusCode: '200', responseTemplates: { 'application/json': '{"id": "$input.params(\'id\')", "path": "$context.resourcePath"}' } },
              {
                statusCode: '404',
                selectionPattern: '404',
                responseTemplates: { 'application/json': '#set($context.responseOverride.header.X-Reason = "gone"){"message": "no such order"}' },
                responseParameters: { 'method.response.header.Cache-Control': "'no-store'" },
              },
            ],
          }),
        },
      },
    });
    const found = await gateway.request('GET /orders/7');
    expect([found.statusCode, found.json()]).toEqual([200, { id: '7', path: '/orders/{id}' }]);
    const missing = await gateway.request('GET /orders/missing');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ message: 'no such order' });
    expect(missing.headers).toMatchObject({ 'Cache-Control': 'no-store', 'X-Reason': 'gone' });
  });

  test('$context.responseOverride.status changes the status', async () => {
    const gateway = localApi({
      routes: {
        'GET /teapot': {
          authorization: open,
          integration: Integration.mock({
            integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '#set($context.responseOverride.status = 418){"short": true}' } }],
          }),
        },
      },
    });
    const response = await gateway.request('GET /teapot');
    expect([response.statusCode, response.json()]).toEqual([418, { short: true }]);
  });
});

describe('what the gateway answers itself', () => {
  const routes = { 'GET /hello': { integration: hello, authorization: open } };

  test('an unknown path or method: 403 Missing Authentication Token, in the API\'s JSON error body', async () => {
    const gateway = localApi({ routes });
    for (const line of ['GET /nowhere', 'DELETE /hello']) {
      const response = await gateway.request(line);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ message: 'Missing Authentication Token', type: 'MISSING_AUTHENTICATION_TOKEN' });
      expect(response.headers['x-amzn-ErrorType']).toBe('MissingAuthenticationTokenException');
    }
  });

  test('an IAM route refuses an unsigned request and admits a signed one', async () => {
    const gateway = localApi({ routes: { 'GET /hello': { integration: hello } }, stages: [{ variables: { who: 'you' } }] });
    expect((await gateway.request('GET /hello')).statusCode).toBe(403);
    const signed = await gateway.request('GET /hello', { iamPrincipal: 'arn:aws:iam::111122223333:role/tester' });
    expect([signed.statusCode, signed.json().hello]).toEqual([200, 'you']);
  });

  test('a route that requires an API key admits only the keys the callers hold', async () => {
    const gateway = localApi({ routes: { 'GET /hello': { integration: hello, authorization: open, apiKeyRequired: true } } }, { apiKeys: { partner: 'k-123' } });
    expect((await gateway.request('GET /hello')).statusCode).toBe(403);
    expect((await gateway.request('GET /hello', { headers: { 'x-api-key': 'wrong' } })).json()).toMatchObject({ message: 'Forbidden' });
    expect((await gateway.request('GET /hello', { headers: { 'X-Api-Key': 'k-123' } })).statusCode).toBe(200);
  });

  test('request validation: required parameters, then the body\'s model', async () => {
    const gateway = localApi({
      routes: {
        'POST /pets': {
          authorization: open,
          integration: hello,
          requestParameters: { 'method.request.querystring.owner': true, 'method.request.header.X-Tenant': true },
          requestBody: {
            schema: {
              type: apigw.JsonSchemaType.OBJECT,
              required: ['name'],
              additionalProperties: false,
              properties: { name: { type: apigw.JsonSchemaType.STRING, minLength: 1 }, age: { type: apigw.JsonSchemaType.INTEGER, minimum: 0 } },
            },
          },
        },
      },
    });
    const headers = { 'Content-Type': 'application/json', 'x-tenant': 'acme' };
    const missing = await gateway.request('POST /pets', { headers: { 'Content-Type': 'application/json' }, body: '{"name": "Rex"}' });
    expect([missing.statusCode, missing.json().message]).toEqual([400, 'Missing required request parameters: [owner, X-Tenant]']);
    for (const body of ['{}', '{"name": ""}', '{"name": "Rex", "age": -1}', '{"name": "Rex", "colour": "red"}', 'not json']) {
      const invalid = await gateway.request('POST /pets?owner=ann', { headers, body });
      expect([invalid.statusCode, invalid.json().message]).toEqual([400, 'Invalid request body']);
    }
    expect((await gateway.request('POST /pets?owner=ann', { headers, body: '{"name": "Rex", "age": 3}' })).statusCode).toBe(200);
  });

  test('a content type without a template is refused when the passthrough behavior says so', async () => {
    const gateway = localApi({ routes: { 'POST /hello': { integration: hello, authorization: open, requestValidation: undefined } } });
    const refused = await gateway.request('POST /hello', { headers: { 'Content-Type': 'text/plain' }, body: 'hi' });
    expect([refused.statusCode, refused.json().message]).toEqual([415, 'Unsupported Media Type']);
  });

  test('CORS preflights are answered by the API\'s own preflight routes', async () => {
    const gateway = localApi({ routes: { 'GET /hello': { integration: hello, authorization: open } }, cors: { allowOrigins: ['https://app.example.com'] } });
    const preflight = await gateway.request('OPTIONS /hello', { headers: { 'Origin': 'https://app.example.com', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['Access-Control-Allow-Origin']).toBe('https://app.example.com');
  });
});

describe('choosing what to run', () => {
  test('a stage the API does not have is refused; a template without the API\'s definition too', () => {
    expect(() => localApi({ routes: { 'GET /hello': { integration: hello, authorization: open } } }, { stage: 'dev' }))
      .toThrow('LocalGateway: ApiF70053CD has no stage dev; its stages: prod');
    expect(() => LocalGateway.fromTemplate({ Resources: {} })).toThrow('the template has no REST API (AWS::ApiGateway::RestApi) or HTTP or WebSocket API');
  });

  test('a request line must be METHOD /path', async () => {
    const gateway = localApi({ routes: { 'GET /hello': { integration: hello, authorization: open } } });
    await expect(gateway.request('hello')).rejects.toThrow('a request is "METHOD /path?query"');
  });
});
