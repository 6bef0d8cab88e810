import * as http from 'http';
import { AddressInfo } from 'net';
import { App, Duration, Validations } from 'aws-cdk-lib';
import { HttpApiStack } from '../../examples/stacks/http-api-stack';
import { ILocalAwsService, ILocalHandler, LocalAwsRequest, LocalGateway, LocalGatewayOptions } from '../../src';

/** The example's HTTP API (payload 2.0, JWT and Lambda authorizers, CORS, SQS, parameter mapping), run locally. */
function itemsApi(options: LocalGatewayOptions = {}): LocalGateway {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  Validations.of(app).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'The example, run locally.' });
  const stack = new HttpApiStack(app, 'GatewayApiHttpExample');
  return LocalGateway.fromApi(stack.node.findChild('Api'), options);
}

describe('GatewayApiHttpExample: an HTTP API', () => {
  test('a JWT of the pool for the app client reaches the function (payload 2.0, its claims); none is a 401, a scope missing a 403', async () => {
    const gateway = itemsApi();
    const token = gateway.userPoolToken({ claims: { sub: 'ann' } });
    const item = await gateway.request('GET /items/7', { headers: { Authorization: `Bearer ${token}` } });
    expect([item.statusCode, item.headers['content-type']]).toEqual([200, 'application/json']);
    expect(item.json()).toMatchObject({ route: 'GET /items/{id}', claims: { sub: 'ann', token_use: 'id', aud: expect.stringMatching(/^UsersWeb/) } });
    const none = await gateway.request('GET /items');
    expect([none.statusCode, none.json()]).toEqual([401, { message: 'Unauthorized' }]);
    const reader = gateway.userPoolToken({ scopes: ['items/read'] });
    expect((await gateway.request('POST /items', { headers: { Authorization: reader }, body: '{}' })).statusCode).toBe(403);
    const writer = gateway.userPoolToken({ scopes: ['items/write'] });
    expect((await gateway.request('POST /items', { headers: { Authorization: writer }, body: '{}' })).json().route).toBe('POST /items');
    gateway.advanceClock(Duration.hours(2));
    expect((await gateway.request('GET /items', { headers: { Authorization: token } })).statusCode).toBe(401);
  });

  test('payload 2.0 carries a body of a type that is not text base64-encoded, and text as it is', async () => {
    const events: any[] = [];
    const items: ILocalHandler = { handle: (event: any) => { events.push(event); return { ok: true }; } };
    const gateway = itemsApi({ handlers: { 'GatewayApiHttpExample/ItemsFunction': items } });
    const headers = (type: string) => ({ 'Authorization': gateway.userPoolToken({ scopes: ['items/write'] }), 'Content-Type': type });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]);
    const image = await gateway.request('POST /items', { headers: headers('image/png'), body: bytes.toString('base64'), isBase64Encoded: true });
    expect([image.statusCode, image.json()]).toEqual([200, { ok: true }]);
    expect([events[0].isBase64Encoded, events[0].body]).toEqual([true, bytes.toString('base64')]);
    await gateway.request('POST /items', { headers: headers('application/json'), body: '{"name": "kettle"}' });
    expect([events[1].isBase64Encoded, events[1].body]).toEqual([false, '{"name": "kettle"}']);
  });

  test('no route is a 404 Not Found; the stage\'s route throttle is a 429', async () => {
    const gateway = itemsApi();
    expect((await gateway.request('GET /nowhere')).json()).toEqual({ message: 'Not Found' });
    const writer = { headers: { Authorization: gateway.userPoolToken({ scopes: ['items/write'] }) }, body: '{}' };
    const statuses = [];
    for (let i = 0; i < 41; i++) statuses.push((await gateway.request('POST /items', writer)).statusCode);
    expect(statuses.filter(s => s === 200)).toHaveLength(40);
    expect(statuses[40]).toBe(429);
  });

  test('the partner Lambda authorizer\'s simple response admits or forbids, and its answer is kept per token for its minute', async () => {
    const tokens: string[] = [];
    const partners: ILocalHandler = {
      handle: (event: any) => {
        tokens.push(event.identitySource[0]);
        return { isAuthorized: event.headers['x-partner-token'] === 'allow', context: { partner: 'acme' } };
      },
    };
    const gateway = itemsApi({ handlers: { 'GatewayApiHttpExample/PartnerAuthorizer': partners } });
    expect((await gateway.request('GET /partners/items')).statusCode).toBe(401);
    expect((await gateway.request('GET /partners/items', { headers: { 'X-Partner-Token': 'deny' } })).json()).toEqual({ message: 'Forbidden' });
    const allowed = await gateway.request('GET /partners/items', { headers: { 'X-Partner-Token': 'allow' } });
    expect([allowed.statusCode, allowed.json().route]).toEqual([200, 'GET /partners/items']);
    await gateway.request('GET /partners/items', { headers: { 'X-Partner-Token': 'allow' } });
    expect(tokens).toEqual(['deny', 'allow']);
    gateway.advanceClock(Duration.minutes(1));
    await gateway.request('GET /partners/items', { headers: { 'X-Partner-Token': 'allow' } });
    expect(tokens).toEqual(['deny', 'allow', 'allow']);
  });

  test('CORS: API Gateway answers the preflight; an allowed origin gets its headers on the answer', async () => {
    const gateway = itemsApi();
    const preflight = await gateway.request('OPTIONS /items', { headers: { 'Origin': 'https://app.example.com', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example.com', 'access-control-allow-credentials': 'true', 'access-control-max-age': '3600',
    });
    const token = gateway.userPoolToken();
    const answer = await gateway.request('GET /items', { headers: { Origin: 'https://app.example.com', Authorization: token } });
    expect(answer.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect((await gateway.request('GET /items', { headers: { Origin: 'https://evil.example.com', Authorization: token } })).headers['access-control-allow-origin']).toBeUndefined();
  });

  test('SQS SendMessage (an integration subtype): the mapped parameters go to the service', async () => {
    const sent: LocalAwsRequest[] = [];
    const sqs: ILocalAwsService = { call: request => { sent.push(request); return { body: { SendMessageResponse: {} } }; } };
    const gateway = itemsApi({ awsServices: sqs });
    const response = await gateway.request('POST /orders', { headers: { Authorization: gateway.userPoolToken() }, body: '{"sku": "tea"}' });
    expect(response.statusCode).toBe(200);
    expect([sent[0].service, sent[0].action]).toEqual(['sqs', 'SendMessage']);
    expect(Object.fromEntries(new URLSearchParams(sent[0].body))).toEqual({
      Action: 'SendMessage', QueueUrl: expect.stringMatching(/\/OrdersQueue/), MessageBody: '{"sku": "tea"}',
    });
  });

  test('IAM: a signed request only', async () => {
    const gateway = itemsApi();
    expect((await gateway.request('POST /internal/reindex')).statusCode).toBe(403);
    expect((await gateway.request('POST /internal/reindex', { iamPrincipal: 'arn:aws:iam::123456789012:role/job' })).statusCode).toBe(200);
  });

  test('a private integration goes to the test\'s server for its target, with the request and response parameter mapping', async () => {
    const seen: { url?: string; headers?: http.IncomingHttpHeaders } = {};
    const server = http.createServer((req, res) => {
      Object.assign(seen, { url: req.url, headers: req.headers });
      res.writeHead(req.url?.includes('missing') ? 404 : 200, { 'Content-Type': 'application/json' }).end('{"stock": 3}');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const gateway = itemsApi({ httpOrigins: { 'GatewayApiHttpExample/Namespace/Inventory': origin } });
      const token = gateway.userPoolToken({ claims: { sub: 'ann' } });
      const stock = await gateway.request('GET /inventory/teas/green?debug=1&size=l', { headers: { Authorization: token } });
      expect([stock.statusCode, stock.json(), stock.headers['X-Request-Id']]).toEqual([200, { stock: 3 }, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
      expect(seen.url).toBe('/stock/teas/green?size=l');
      expect(seen.headers?.['x-user-id']).toBe('ann');
      expect((await gateway.request('GET /inventory/missing', { headers: { Authorization: token } })).statusCode).toBe(204);
    } finally {
      server.close();
    }
  });

  test('a private integration without a server of the test\'s fails the test, saying what to give', async () => {
    const gateway = itemsApi();
    await expect(gateway.request('GET /inventory/teas', { headers: { Authorization: gateway.userPoolToken() } }))
      .rejects.toThrow(/GET \/inventory\/\{proxy\+\} is a private integration through a VPC link .*give httpOrigins an entry for it/);
  });
});
