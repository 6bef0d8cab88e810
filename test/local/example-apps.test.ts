import * as http from 'http';
import { AddressInfo } from 'net';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { AgentToolsStack } from '../../examples/stacks/agent-tools-stack';
import { AuthorizersStack } from '../../examples/stacks/authorizers-stack';
import { CdnStack } from '../../examples/stacks/cdn-stack';
import { EndpointsStack } from '../../examples/stacks/endpoints-stack';
import { HttpBackendStack } from '../../examples/stacks/http-backend-stack';
import { LambdaApiStack } from '../../examples/stacks/lambda-api-stack';
import { LargeDefinitionStack } from '../../examples/stacks/large-definition-stack';
import { ObservabilityStack } from '../../examples/stacks/observability-stack';
import { ReleasesStack } from '../../examples/stacks/releases-stack';
import { UsagePlansStack } from '../../examples/stacks/usage-plans-stack';
import { LocalGateway } from '../../src';

function exampleApp(): App {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  Validations.of(app).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'The example, run locally.' });
  return app;
}

const signed = { iamPrincipal: 'arn:aws:iam::123456789012:role/tester' };
const json = { 'Content-Type': 'application/json' };

/**
 * The example app's APIs, run by the local gateway: the behaviour README's tour promises,
 * in milliseconds. The deploy-and-call suite makes the same calls on the emulator.
 */
describe('GatewayApiLambdaExample: the pets API', () => {
  let gateway: LocalGateway;

  beforeAll(() => {
    const stack = new LambdaApiStack(exampleApp(), 'GatewayApiLambdaExample');
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

  test('a streamed answer arrives whole, as the function wrote it (awslambda.streamifyResponse)', async () => {
    const story = await gateway.request('GET /pets/7/story', signed);
    expect([story.statusCode, story.headers['Content-Type']]).toEqual([200, 'text/event-stream']);
    expect(story.body).toBe('data: Once upon a time\n\ndata: pet 7\n\ndata: slept all day.\n\n');
  });

  test('a binary answer arrives as bytes for a client that accepts PNGs', async () => {
    const photo = await gateway.request('GET /pets/7/photo', { ...signed, headers: { Accept: 'image/png' } });
    expect(photo.isBase64Encoded).toBe(true);
    expect(Buffer.from(photo.body, 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  test('CORS: the preflight admits the app origin', async () => {
    const preflight = await gateway.request('OPTIONS /pets', { headers: { 'Origin': 'https://app.example.com', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({ 'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Max-Age': '600' });
  });
});

describe('GatewayApiHttpBackendExample: the facade in front of HTTP backends', () => {
  let gateway: LocalGateway;
  let server: http.Server;
  const received: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    // Stands in for the legacy service (it echoes) and the payments service (it charges).
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => { body += chunk; });
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        const url = new URL(req.url!, 'http://local');
        if (url.pathname === '/v2/charges') {
          const charge = `ch_${JSON.parse(body).amount_cents}`;
          res.writeHead(201, { 'Content-Type': 'application/json', 'Location': `/v2/charges/${charge}` });
          res.end(JSON.stringify({ charge_id: charge, state: 'succeeded' }));
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ method: req.method, path: url.pathname, query: url.search.slice(1) }));
        }
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const stack = new HttpBackendStack(exampleApp(), 'GatewayApiHttpBackendExample');
    gateway = LocalGateway.fromApi(stack.node.findChild('FacadeApi'), {
      httpOrigins: { 'https://legacy.example.com': origin, 'https://payments.example.com': origin },
    });
  });

  afterAll(() => server.close());

  test('HTTP proxy: the path and query reach the backend, its answer comes back', async () => {
    const response = await gateway.request('GET /legacy/accounts/42?verbose=1', signed);
    expect([response.statusCode, response.json()]).toEqual([200, { method: 'GET', path: '/accounts/42', query: 'verbose=1' }]);
  });

  test('HTTP with templates: a required header missing; then templates both ways, parameters and the status mapped', async () => {
    const missing = await gateway.request('POST /payments', { ...signed, headers: json, body: '{"amount": 1250, "currency": "EUR"}' });
    expect([missing.statusCode, missing.json().message]).toEqual([400, 'Missing required request parameters: [Idempotency-Key]']);
    const paid = await gateway.request('POST /payments', { ...signed, headers: { ...json, 'Idempotency-Key': 'key-1' }, body: '{"amount": 1250, "currency": "EUR"}' });
    expect([paid.statusCode, paid.json()]).toEqual([201, { paymentId: 'ch_1250', status: 'succeeded' }]);
    expect(paid.headers.Location).toBe('/v2/charges/ch_1250');
    const charge = received.find(r => r.url?.startsWith('/v2/charges'))!;
    expect(JSON.parse(charge.body)).toEqual({ amount_cents: 1250, currency: 'EUR', caller_ip: '127.0.0.1' });
    expect(charge.url).toBe('/v2/charges?source=gateway-api-example');
    expect(charge.headers['idempotency-key']).toBe('key-1');
  });
});

describe('GatewayApiAuthorizersExample: four ways to be let in', () => {
  let gateway: LocalGateway;

  beforeAll(() => {
    const stack = new AuthorizersStack(exampleApp(), 'GatewayApiAuthorizersExample');
    gateway = LocalGateway.fromApi(stack.node.findChild('Api'));
  });

  test('the user pool: any of its tokens for /me, an access token with pets/read for /pets', async () => {
    const idToken = gateway.userPoolToken({ claims: { sub: 'ann' } });
    const me = await gateway.request('GET /me', { headers: { Authorization: idToken } });
    expect([me.statusCode, me.json().caller.claims.sub]).toEqual([200, 'ann']);
    expect((await gateway.request('GET /pets', { headers: { Authorization: idToken } })).statusCode).toBe(401);
    const reader = gateway.userPoolToken({ scopes: ['pets/read'] });
    expect((await gateway.request('GET /pets', { headers: { Authorization: reader } })).json().route).toBe('/pets');
  });

  test('the partner TOKEN authorizer\'s inline code: its regex first, then its policy', async () => {
    const call = async (token: string) => (gateway.request('GET /partners/orders', { headers: { Authorization: token } }));
    expect((await call('Basic x')).statusCode).toBe(401);
    expect((await call('Bearer deny')).statusCode).toBe(403);
    const allowed = await call('Bearer allow');
    expect([allowed.statusCode, allowed.json().caller.principalId]).toEqual([200, 'partner']);
  });

  test('the tenant REQUEST authorizer hands its context on; IAM admits signed requests only', async () => {
    const usage = await gateway.request('GET /tenants/t1/usage', { headers: { 'X-Tenant': 'acme' } });
    expect([usage.statusCode, usage.json().caller.tenant]).toEqual([200, 'acme']);
    expect((await gateway.request('GET /tenants/t1/usage')).statusCode).toBe(401);
    expect((await gateway.request('POST /internal/reindex')).statusCode).toBe(403);
    expect((await gateway.request('POST /internal/reindex', signed)).json().caller).toBe(signed.iamPrincipal);
  });
});

describe('GatewayApiUsagePlansExample: a catalog sold in tiers', () => {
  let gateway: LocalGateway;

  beforeEach(() => {
    const stack = new UsagePlansStack(exampleApp(), 'GatewayApiUsagePlansExample');
    gateway = LocalGateway.fromApi(stack.node.findChild('Api'), {
      apiKeys: { 'GatewayApiUsagePlansExample/TrialKey': 'trial-key-for-the-test', 'GatewayApiUsagePlansExample/AcmeKey': 'acme-key-for-the-test' },
    });
  });

  test('the catalog needs a signed request with a key of a tier; the health check needs neither', async () => {
    expect((await gateway.request('GET /products', signed)).json().message).toBe('Forbidden');
    expect((await gateway.request('GET /products', { headers: { 'x-api-key': 'acme-key-for-the-test' } })).statusCode).toBe(403);
    const page = await gateway.request('GET /products?page=2', { ...signed, headers: { 'x-api-key': 'acme-key-for-the-test' } });
    expect(page.json()).toEqual({ route: '/products', page: '2' });
    expect((await gateway.request('GET /health')).statusCode).toBe(200);
  });

  test('the free tier orders one at a time; the pro tier has room', async () => {
    const order = async (key: string) => (await gateway.request('POST /orders', { ...signed, headers: { 'x-api-key': key } })).statusCode;
    expect([await order('trial-key-for-the-test'), await order('trial-key-for-the-test')]).toEqual([200, 429]);
    expect([await order('acme-key-for-the-test'), await order('acme-key-for-the-test')]).toEqual([200, 200]);
  });
});

describe('GatewayApiLargeDefinitionExample: a definition imported from S3', () => {
  test('its routes run from the definition\'s asset, the function\'s ARN put back where the import puts it', async () => {
    const stack = new LargeDefinitionStack(exampleApp(), 'GatewayApiLargeDefinitionExample');
    const gateway = LocalGateway.fromApi(stack.node.findChild('CatalogApi'));
    for (const i of [0, 117, 199]) {
      const response = await gateway.request(`GET /catalog/section${i}/item-${i}`, signed);
      expect([response.statusCode, response.body]).toEqual([200, expect.stringContaining(`/catalog/section${i}/item-${i}`)]);
    }
  });
});

/** The example's other APIs, called as the deploy-and-call suite calls them on the emulator. */
describe.each([
  ['GatewayApiReleasesExample', () => new ReleasesStack(exampleApp(), 'GatewayApiReleasesExample'), 'Api', [
    ['prod', 'GET /version', 200, { stage: 'prod', variables: { env: 'prod', featureFlags: 'stable' } }],
    ['dev', 'GET /version', 200, { stage: 'dev', variables: { env: 'dev', featureFlags: 'preview' } }],
    ['prod-canary', 'GET /version/router', 200, { stage: 'prod-canary', variables: { env: 'prod', featureFlags: 'preview' } }],
  ]],
  ['GatewayApiObservabilityExample', () => new ObservabilityStack(exampleApp(), 'GatewayApiObservabilityExample'), 'OrdersApi', [
    ['prod', 'GET /orders?status=open', 200, { operation: '/orders' }],
    ['test', 'GET /orders/o-1', 200, { operation: '/orders/{orderId}' }],
  ]],
  ['GatewayApiEndpointsExample', () => new EndpointsStack(exampleApp(), 'GatewayApiEndpointsExample'), 'EdgeApi', [
    ['prod', 'GET /hello', 200, { hello: 'world' }],
  ]],
  ['GatewayApiEndpointsExample (private)', () => new EndpointsStack(exampleApp(), 'GatewayApiEndpointsExample'), 'PrivateApi', [
    ['prod', 'GET /hello', 200, { hello: 'world' }],
  ]],
  ['GatewayApiEndpointsExample (custom domain only)', () => new EndpointsStack(exampleApp(), 'GatewayApiEndpointsExample'), 'CustomDomainOnlyApi', [
    ['v1', 'GET /version', 200, { version: '1.4.0' }],
    ['v2', 'GET /version', 200, { version: '2.0.0-beta.1' }],
  ]],
  ['GatewayApiEndpointsExample (partners)', () => new EndpointsStack(exampleApp(), 'GatewayApiEndpointsExample'), 'PartnerApi', [
    ['prod', 'GET /catalog', 200, { hello: 'world' }],
  ]],
  ['GatewayApiAgentToolsExample', () => new AgentToolsStack(exampleApp(), 'GatewayApiAgentToolsExample'), 'CatalogueApi', [
    ['prod', 'GET /products/p1', 200, { id: 'p1', name: 'Kettle', price: 39 }],
    ['prod', 'GET /products/p9', 404, { message: 'no such product' }],
  ]],
  ['GatewayApiCdnExample', () => new CdnStack(exampleApp(), 'GatewayApiCdnExample'), 'ArticlesApi', [
    ['prod', 'GET /articles/a1', 200, { id: 'a1', title: 'Kettles, a history' }],
  ]],
] as Array<[string, () => Stack, string, Array<[string, string, number, object]>]>)('%s', (_name, build, apiId, calls) => {
  const stack = build();
  test.each(calls)('stage %s: %s answers %d', async (stage, line, status, body) => {
    const gateway = LocalGateway.fromApi(stack.node.findChild(apiId), { stage });
    const response = await gateway.request(line, signed);
    expect([response.statusCode, response.json()]).toEqual([status, expect.objectContaining(body)]);
  });
});

describe('GatewayApiObservabilityExample: the imported document\'s models', () => {
  test('a valid order is created; a nested item out of range is refused', async () => {
    const stack = new ObservabilityStack(exampleApp(), 'GatewayApiObservabilityExample');
    const gateway = LocalGateway.fromApi(stack.node.findChild('OrdersApi'));
    const created = await gateway.request('POST /orders', { ...signed, headers: json, body: '{"items": [{"sku": "TEA-1", "quantity": 2}]}' });
    expect(created.statusCode).toBe(201);
    const refused = await gateway.request('POST /orders', { ...signed, headers: json, body: '{"items": [{"sku": "tea", "quantity": 0}]}' });
    expect([refused.statusCode, refused.json().message]).toEqual([400, 'Invalid request body']);
  });
});

describe('GatewayApiEndpointsExample: the partners\' orders behind a private load balancer', () => {
  test('the private integration goes to the test\'s server for the load balancer\'s URL, the greedy path filled', async () => {
    const paths: string[] = [];
    const server = http.createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"order": "o-1"}');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const stack = new EndpointsStack(exampleApp(), 'GatewayApiEndpointsExample');
      const gateway = LocalGateway.fromApi(stack.node.findChild('PartnerApi'), {
        httpOrigins: { 'https://orders.internal.example.com': `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
      });
      const order = await gateway.request('GET /orders/o-1/lines', signed);
      expect([order.statusCode, order.json()]).toEqual([200, { order: 'o-1' }]);
      expect(paths).toEqual(['/orders/o-1/lines']);
    } finally {
      server.close();
    }
  });
});
