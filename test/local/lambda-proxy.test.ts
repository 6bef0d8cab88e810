import { Duration, Validations, aws_lambda as lambda } from 'aws-cdk-lib';
import { Authorization, GatewayApi, ILocalHandler, Integration, LocalGateway, LocalGatewayOptions } from '../../src';
import { newStack } from '../util';

const open = Authorization.none('A local gateway test.');

function withFunction(source: string, options: LocalGatewayOptions = {}, environment?: { [name: string]: string }): LocalGateway {
  const stack = newStack();
  const fn = new lambda.Function(stack, 'Echo', {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline(source), environment,
  });
  const api = new GatewayApi(stack, 'Api', {
    policyValidation: false,
    binaryMediaTypes: ['image/png'],
    routes: {
      'GET /pets/{petId}': { integration: Integration.lambda(fn), authorization: open },
      'ANY /{proxy+}': { integration: Integration.lambda(fn), authorization: open },
    },
    stages: [{ stageName: 'prod', variables: { env: 'test' } }],
  });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A local gateway test.' });
  return LocalGateway.fromApi(api, options);
}

const ECHO = `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json', 'X-Env': process.env.GREETING ?? 'none' },
  body: JSON.stringify({ resource: event.resource, path: event.path, method: event.httpMethod, petId: event.pathParameters?.petId ?? null,
    query: event.queryStringParameters, stage: event.requestContext.stage, fullPath: event.requestContext.path,
    variables: event.stageVariables, body: event.body, base64: event.isBase64Encoded, accept: event.headers?.Accept ?? null }),
});`;

describe('a Lambda proxy route', () => {
  test('the function\'s inline code gets the proxy event (payload 1.0) and shapes the whole response, with its environment', async () => {
    const gateway = withFunction(ECHO, {}, { GREETING: 'hello' });
    const response = await gateway.request('GET /pets/7?verbose=true', { headers: { Accept: 'application/json' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['X-Env']).toBe('hello');
    expect(process.env.GREETING).toBeUndefined();
    expect(response.json()).toEqual({
      resource: '/pets/{petId}',
      path: '/pets/7',
      method: 'GET',
      petId: '7',
      query: { verbose: 'true' },
      stage: 'prod',
      fullPath: '/prod/pets/7',
      variables: { env: 'test' },
      body: null,
      base64: false,
      accept: 'application/json',
    });
  });

  test('a greedy route, any method; a binary body arrives base64-encoded', async () => {
    const gateway = withFunction(ECHO);
    const response = await gateway.request('PUT /toys/ball/red', { headers: { 'Content-Type': 'image/png' }, body: 'PNG!' });
    expect(response.json()).toMatchObject({ resource: '/{proxy+}', path: '/toys/ball/red', method: 'PUT', body: Buffer.from('PNG!').toString('base64'), base64: true });
  });

  test('bytes sent base64-encoded reach the function as they were sent; a text body of another type arrives as text', async () => {
    const gateway = withFunction(ECHO);
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]);
    const png = await gateway.request('PUT /toys', { headers: { 'Content-Type': 'image/png' }, body: bytes.toString('base64'), isBase64Encoded: true });
    expect(png.json()).toMatchObject({ body: bytes.toString('base64'), base64: true });
    const text = await gateway.request('PUT /toys', { headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('héllo').toString('base64'), isBase64Encoded: true });
    expect(text.json()).toMatchObject({ body: 'héllo', base64: false });
  });

  test('a base64 answer is binary for a client that accepts a binary media type, and base64 text for another', async () => {
    const gateway = withFunction('exports.handler = async () => ({ statusCode: 200, isBase64Encoded: true, headers: { "Content-Type": "image/png" }, body: "iVBORw==" });');
    const image = await gateway.request('GET /pets/1', { headers: { Accept: 'image/png' } });
    expect([image.isBase64Encoded, image.body]).toEqual([true, 'iVBORw==']);
    const text = await gateway.request('GET /pets/1', { headers: { Accept: 'application/json' } });
    expect([text.isBase64Encoded, text.body]).toEqual([false, 'iVBORw==']);
  });

  test('a handler of the test\'s, by construct path, runs instead of the inline code', async () => {
    const handler: ILocalHandler = { handle: (event: any) => ({ statusCode: 201, body: `made ${event.pathParameters.petId}` }) };
    const gateway = withFunction(ECHO, { handlers: { 'Test/Echo': handler } });
    const response = await gateway.request('GET /pets/9');
    expect([response.statusCode, response.body]).toEqual([201, 'made 9']);
    // An answer that names no content type is sent as JSON.
    expect(response.headers['Content-Type']).toBe('application/json');
  });

  test('a function that fails, or answers out of format, is a 502', async () => {
    for (const source of [
      'exports.handler = async () => { throw new Error("boom"); };',
      'exports.handler = async () => "not an object";',
      'exports.handler = async () => ({ statusCode: 200, body: { not: "a string" } });',
      'exports.handler = async () => ({ statusCode: 200, unexpected: true });',
    ]) {
      const response = await withFunction(source).request('GET /pets/1');
      expect([response.statusCode, response.json().message]).toEqual([502, 'Internal server error']);
    }
  });

  test('a function without inline code needs a handler', async () => {
    const stack = newStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'Elsewhere', 'arn:aws:lambda:eu-west-1:111122223333:function:elsewhere');
    const api = new GatewayApi(stack, 'Api', { policyValidation: false, routes: { 'GET /x': { integration: Integration.lambda(fn), authorization: open } } });
    Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A local gateway test.' });
    await expect(LocalGateway.fromApi(api).request('GET /x')).rejects.toThrow(
      'LocalGateway: function elsewhere has no inline Node.js code to run; give it a handler (the handlers option, by its construct path or logical id elsewhere)');
  });
});

describe('API Gateway\'s limits', () => {
  function slowApi(delayMs: number) {
    const stack = newStack();
    const fn = new lambda.Function(stack, 'Slow', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({});') });
    const api = new GatewayApi(stack, 'Api', {
      policyValidation: false,
      routes: { 'POST /work': { integration: Integration.lambda(fn, { timeout: Duration.millis(100) }), authorization: open } },
    });
    Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A local gateway test.' });
    const slow: ILocalHandler = { handle: () => new Promise(resolve => setTimeout(() => resolve({ statusCode: 200, body: 'done' }), delayMs)) };
    return LocalGateway.fromApi(api, { handlers: { 'Test/Slow': slow } });
  }

  test('a function slower than the integration\'s timeout is a 504; one within it answers', async () => {
    const late = await slowApi(400).request('POST /work', { body: '{}' });
    expect([late.statusCode, late.json().message]).toEqual([504, 'Endpoint request timed out']);
    expect((await slowApi(10).request('POST /work', { body: '{}' })).body).toBe('done');
  });

  test('a body over 10 MB is refused with 413 before any route is chosen', async () => {
    const tooLarge = await slowApi(0).request('POST /work', { body: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect([tooLarge.statusCode, tooLarge.json().message]).toEqual([413, 'Request Too Long']);
  });
});
