import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations, aws_lambda as lambda } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Authorization, GatewayApi, Integration } from '../../src';
import { main, parseServe } from '../../src/cli/gateway-api';
import { canonicalRequest, signature } from '../../src/local/aws/sigv4';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-api-'));

/** A stack's template in a file, as `cdk synth` leaves it: a MOCK route, an IAM route, a Lambda route with a key. */
function templateFile(): string {
  // As `cdk synth` writes it: with each resource's construct path.
  const stack = new Stack(new App({ context: { 'aws:cdk:enable-path-metadata': true, '@aws-cdk/core:validateAgainstDefaultRules': false } }), 'Test');
  const python = new lambda.Function(stack, 'Report', { runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler', code: lambda.Code.fromInline('def handler(e, c): pass') });
  const fn = new lambda.Function(stack, 'Orders', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('throw new Error("not run")') });
  const api = new GatewayApi(stack, 'Api', {
    policyValidation: false,
    routes: {
      'GET /health': {
        authorization: Authorization.none('A CLI test.'),
        integration: Integration.mock({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"status": "ok", "via": "$input.params(\'X-Via\')"}' } }] }),
      },
      'GET /me': {
        integration: Integration.mock({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"caller": "$context.identity.userArn"}' } }] }),
      },
      'POST /orders': { integration: Integration.lambda(fn), authorization: Authorization.none('A CLI test.'), apiKeyRequired: true },
      'GET /python': { integration: Integration.lambda(python), authorization: Authorization.none('A CLI test.') },
    },
  });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A CLI test.' });
  const file = path.join(dir, 'Test.template.json');
  fs.writeFileSync(file, JSON.stringify(Template.fromStack(stack).toJSON()));
  return file;
}

function send(url: string, method: string, headers: { [name: string]: string } = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(url, { method, headers }, response => {
      const chunks: Buffer[] = [];
      response.on('data', chunk => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('gateway-api serve', () => {
  let server: http.Server;
  let url: string;
  const errors: string[] = [];

  beforeAll(async () => {
    const handler = path.join(dir, 'orders.js');
    fs.writeFileSync(handler, 'exports.placed = async (event) => ({ statusCode: 201, body: JSON.stringify({ placed: JSON.parse(event.body) }) });');
    const out: string[] = [];
    const result = await main(['serve', templateFile(), '--port', '0', '--api-key', 'partner=k-123456',
      '--iam-credentials', 'AKIDCLI:cli-secret:arn:aws:iam::111122223333:role/cli', '--handler', `Test/Orders=${handler}#placed`], s => out.push(s), s => errors.push(s));
    server = result as http.Server;
    url = out[0];
  });
  afterAll(() => server?.close());

  test('prints the URL it serves at, on loopback', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('answers the stage\'s routes over HTTP: templates, headers as sent, the gateway\'s own refusals', async () => {
    const health = await send(`${url}/health`, 'GET', { 'X-Via': 'curl' });
    expect([health.status, JSON.parse(health.body), health.headers['content-type']]).toEqual([200, { status: 'ok', via: 'curl' }, 'application/json']);
    const unknown = await send(`${url}/nowhere`, 'GET');
    expect([unknown.status, JSON.parse(unknown.body).message]).toEqual([403, 'Missing Authentication Token']);
    expect(errors).toContainEqual(expect.stringMatching(/^GET \/health 200 \d+\.\d ms$/));
  });

  test('a key and a handler module from the command line', async () => {
    expect((await send(`${url}/orders`, 'POST', {}, '{"sku": "A-1"}')).status).toBe(403);
    const placed = await send(`${url}/orders`, 'POST', { 'x-api-key': 'k-123456' }, '{"sku": "A-1"}');
    expect([placed.status, JSON.parse(placed.body)]).toEqual([201, { placed: { sku: 'A-1' } }]);
  });

  test('a request signed with the credentials the command line gives', async () => {
    const host = url.replace('http://', '');
    const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const scope = `${amzDate.slice(0, 8)}/us-east-1/execute-api/aws4_request`;
    const headers = { 'Host': host, 'X-Amz-Date': amzDate };
    const value = signature(canonicalRequest({ method: 'GET', path: '/me', query: {}, headers, body: '' }, ['host', 'x-amz-date']), amzDate, scope, 'cli-secret');
    const authorization = `AWS4-HMAC-SHA256 Credential=AKIDCLI/${scope}, SignedHeaders=host;x-amz-date, Signature=${value}`;
    const me = await send(`${url}/me`, 'GET', { ...headers, Authorization: authorization });
    expect([me.status, JSON.parse(me.body).caller]).toEqual([200, 'arn:aws:iam::111122223333:role/cli']);
    expect((await send(`${url}/me`, 'GET')).status).toBe(403);
  });

  test('a route the local gateway cannot run is a 500 that says why', async () => {
    const python = await send(`${url}/python`, 'GET');
    expect([python.status, python.headers['x-local-gateway-error']]).toEqual([500, 'true']);
    expect(JSON.parse(python.body).message).toMatch(/function Test\/Report has no inline Node.js code to run; give it a handler/);
  });
});

describe('gateway-api\'s command line', () => {
  test('reads the options of serve', () => {
    const command = parseServe(['cdk.out/App.template.json', '--stage', 'beta', '--api', 'Api1', '--port', '8080', '--host', '::1',
      '--api-key', 'App/TrialKey=trial', '--origin', 'https://legacy.example.com=http://127.0.0.1:9000'], '/work');
    expect(command).toEqual({
      template: '/work/cdk.out/App.template.json',
      host: '::1',
      port: 8080,
      options: expect.objectContaining({
        stage: 'beta', api: 'Api1', apiKeys: { 'App/TrialKey': 'trial' }, httpOrigins: { 'https://legacy.example.com': 'http://127.0.0.1:9000' },
      }),
    });
  });

  test('reads where AWS integrations go: an endpoint, its credentials, the deployed resources\' ids', () => {
    const ids = path.join(dir, 'physical-ids.json');
    fs.writeFileSync(ids, JSON.stringify({ 'App/Orders': 'orders-table-1' }));
    expect(parseServe(['t.json', '--aws-endpoint', 'http://localhost:4566', '--aws-credentials', 'test:secret', '--physical-ids', ids]).options)
      .toMatchObject({ awsEndpoint: 'http://localhost:4566', awsCredentials: { accessKeyId: 'test', secretAccessKey: 'secret' }, physicalIds: { 'App/Orders': 'orders-table-1' } });
  });

  test.each([
    [['--port', '99999', 't.json'], /--port takes a port number, 0 to 65535; got "99999"/],
    [['t.json', '--api-key', 'novalue'], /--api-key takes NAME=VALUE; got "novalue"/],
    [['t.json', '--verbose'], /unknown argument --verbose/],
    [[], /serve needs the TEMPLATE to serve/],
  ])('refuses %j with what is wrong', (args, message) => {
    expect(() => parseServe(args)).toThrow(message);
  });

  test('without serve, it prints its usage', async () => {
    const err: string[] = [];
    expect(await main(['lint'], () => undefined, s => err.push(s))).toBe(2);
    expect(err.join('\n')).toMatch(/^Usage:\n {2}gateway-api serve TEMPLATE/);
    expect(await main(['serve', path.join(dir, 'missing.json')], () => undefined, s => err.push(s))).toBe(2);
    expect(err.pop()).toMatch(/^gateway-api: ENOENT/);
  });
});
