// The example app run by LocalGateway: after `npm run example`, `npm run example:local` reads
// the synthesized templates in cdk.out/ and calls a route of each kind of API in-process, as a
// test would (README, "Testing the API's behaviour in-process"). It exits 1 if one answers
// other than the tour expects.
import * as fs from 'fs';
import * as path from 'path';
import { LocalGateway, LocalGatewayOptions } from '../src';

const signed = { iamPrincipal: 'arn:aws:iam::123456789012:role/tour' };

function gatewayOf(assembly: string, stack: string, options: LocalGatewayOptions = {}): LocalGateway {
  const template = JSON.parse(fs.readFileSync(path.join(assembly, `${stack}.template.json`), 'utf-8'));
  return LocalGateway.fromTemplate(template, { assemblyDirectory: assembly, ...options });
}

/** Each stop of the tour: what it calls, the status it expects, and what it got. */
export async function localTour(assembly: string): Promise<{ line: string; expected: number; status: number; body: string }[]> {
  const stops = [];
  const call = async (gateway: LocalGateway, line: string, expected: number, options = {}) => {
    const response = await gateway.request(line, { ...signed, ...options });
    stops.push({ line, expected, status: response.statusCode, body: response.body.slice(0, 80) });
  };

  const pets = gatewayOf(assembly, 'GatewayApiLambdaExample');
  await call(pets, 'GET /pets/7', 200);
  await call(pets, 'GET /owners/nobody', 404);
  await call(pets, 'POST /pets', 400, { headers: { 'Content-Type': 'application/json' }, body: '{"name": "Rex"}' });

  const authorizers = gatewayOf(assembly, 'GatewayApiAuthorizersExample');
  await call(authorizers, 'GET /pets', 200, { headers: { Authorization: authorizers.userPoolToken({ scopes: ['pets/read'] }) } });
  await call(authorizers, 'GET /partners/orders', 403, { headers: { Authorization: 'Bearer deny' } });

  const items = gatewayOf(assembly, 'GatewayApiHttpExample');
  await call(items, 'GET /items/1', 200, { headers: { Authorization: items.userPoolToken() } });

  const chat = gatewayOf(assembly, 'GatewayApiWebSocketExample', { awsServices: { call: () => ({ body: '{}' }) } });
  const connection = await chat.connect({ query: { token: 'allow' } });
  await connection.send('hello');
  stops.push({ line: 'WebSocket: connect, then "hello"', expected: 200, status: connection.statusCode, body: connection.received.join(' ') });
  return stops;
}

if (require.main === module) {
  void localTour(process.argv[2] ?? 'cdk.out').then(stops => {
    for (const stop of stops) console.log(`${stop.status === stop.expected ? 'ok  ' : 'FAIL'} ${stop.line} → ${stop.status} ${stop.body}`);
    process.exitCode = stops.every(stop => stop.status === stop.expected) ? 0 : 1;
  });
}
