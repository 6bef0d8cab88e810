import { App, Duration, Validations } from 'aws-cdk-lib';
import { UsagePlansStack } from '../../../examples/stacks/usage-plans-stack';
import { ILocalHandler, LocalGateway } from '../../../src';

/** The catalog function, answering what it was asked and counting its calls. */
class Catalog implements ILocalHandler {
  public calls = 0;
  public handle(event: any): any {
    this.calls++;
    return { statusCode: 200, body: JSON.stringify({ path: event.path, call: this.calls }) };
  }
}

/** The example's tiered catalog: a cached stage (5 minutes; GET /products for 1 minute per page, products per id, orders never). */
function catalog(): { gateway: LocalGateway; fn: Catalog } {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  Validations.of(app).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'The example, run locally.' });
  const stack = new UsagePlansStack(app, 'GatewayApiUsagePlansExample');
  const fn = new Catalog();
  const gateway = LocalGateway.fromApi(stack.node.findChild('Api'), {
    apiKeys: { 'GatewayApiUsagePlansExample/AcmeKey': 'acme-key-for-the-test' },
    handlers: { 'GatewayApiUsagePlansExample/CatalogFunction': fn },
  });
  return { gateway, fn };
}

const as = (principal: string, headers: { [name: string]: string } = {}) => ({ iamPrincipal: principal, headers: { 'x-api-key': 'acme-key-for-the-test', ...headers } });
const customer = as('arn:aws:iam::123456789012:role/customer');

describe('the stage\'s response cache', () => {
  test('keeps a route\'s answer for its TTL, one entry per value of its cache key parameters', async () => {
    const { gateway, fn } = catalog();
    const call = async (line: string) => (await gateway.request(line, customer)).json().call;
    expect([await call('GET /products?page=1'), await call('GET /products?page=1'), await call('GET /products?page=2')]).toEqual([1, 1, 2]);
    gateway.advanceClock(Duration.seconds(59));
    expect(await call('GET /products?page=1')).toBe(1);
    gateway.advanceClock(Duration.seconds(2));
    expect(await call('GET /products?page=1')).toBe(3);
    expect(fn.calls).toBe(3);
  });

  test('routes that turn caching off, and methods other than GET, reach the integration each time', async () => {
    const { gateway, fn } = catalog();
    for (const line of ['GET /orders', 'GET /orders', 'POST /orders', 'POST /orders']) await gateway.request(line, customer);
    expect(fn.calls).toBe(4);
  });

  test('Cache-Control: max-age=0 refreshes an entry for a role allowed to invalidate it, and is ignored for others', async () => {
    const { gateway } = catalog();
    const team = 'GatewayApiUsagePlansExample/CatalogTeam';
    const call = async (line: string, options: object) => (await gateway.request(line, options)).json().call;
    const refresh = { 'Cache-Control': 'max-age=0' };
    expect(await call('GET /products/p-1', customer)).toBe(1);
    expect(await call('GET /products/p-1', as('arn:aws:iam::123456789012:role/customer', refresh))).toBe(1);
    expect(await call('GET /products/p-1', as(team, refresh))).toBe(2);
    expect(await call('GET /products/p-1', customer)).toBe(2);
    // The team's grant covers /products/* only: the list's entry stays.
    expect(await call('GET /products', customer)).toBe(3);
    expect(await call('GET /products', as(team, refresh))).toBe(3);
  });
});
