/**
 * `npm run bench -- --local`: the local gateway's latency, one JSON line per route kind. Each
 * route answers 2,000 requests after 200 to warm up; the line gives the median and p99 in ms.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Authorization, GatewayApi, Integration, LocalGateway } from '../src';

const WARM_UP = 200;
const REQUESTS = 2000;

async function measure(gateway: LocalGateway, line: string, options = {}): Promise<{ medianMs: number; p99Ms: number }> {
  for (let i = 0; i < WARM_UP; i++) await gateway.request(line, options);
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = process.hrtime.bigint();
    const response = await gateway.request(line, options);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (response.statusCode !== 200) throw new Error(`${line} answered ${response.statusCode}: ${response.body}`);
  }
  times.sort((a, b) => a - b);
  return { medianMs: round(times[Math.floor(times.length / 2)]), p99Ms: round(times[Math.floor(times.length * 0.99)]) };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

async function main(): Promise<void> {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  const stack = new Stack(app, 'Bench');
  const open = Authorization.none('A benchmark.');
  const api = new GatewayApi(stack, 'Api', {
    routes: {
      'GET /health': { authorization: open, integration: Integration.mock({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"status": "ok"}' } }] }) },
      'POST /orders/{id}': {
        authorization: open,
        integration: Integration.mock({
          requestTemplates: { 'application/json': "#if($input.path('$.items').size() > 0){\"statusCode\": 200}#else{\"statusCode\": 400}#end" },
          integrationResponses: [{
            statusCode: '200',
            responseTemplates: {
              'application/json': "#set($items = $input.params('id'))"
                + '{"order": "$util.escapeJavaScript($input.params(\'id\'))", "stage": "$context.stage", "request": "$context.requestId"}',
            },
          }],
        }),
      },
    },
  });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A benchmark.' });
  const gateway = LocalGateway.fromApi(api);
  const body = JSON.stringify({ items: [{ sku: 'tea', quantity: 2 }] });
  for (const [kind, line, options] of [
    ['MOCK', 'GET /health', {}],
    ['MOCK with VTL both ways', 'POST /orders/o-1', { headers: { 'Content-Type': 'application/json' }, body }],
  ] as const) {
    process.stdout.write(`${JSON.stringify({ bench: 'LocalGateway', kind, route: line, requests: REQUESTS, ...(await measure(gateway, line, options)) })}\n`);
  }
}

void main().catch(e => {
  process.stderr.write(`bench: ${e}\n`);
  process.exitCode = 1;
});
