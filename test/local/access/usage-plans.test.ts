import { Duration, Validations } from 'aws-cdk-lib';
import { ApiKey, Authorization, GatewayApi, Integration, LocalGateway, LocalGatewayOptions, QuotaPeriod, UsagePlan } from '../../../src';
import { newStack } from '../../util';

const open = Authorization.none('A local gateway test.');
const ok = Integration.mock({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } }] });

/**
 * A catalog sold in one tier: 3 requests a day, a burst of 2 at 1 a second, and POST /orders at
 * 1 at a time; one key written in clear, one generated, one disabled, one in no plan.
 */
function catalog(options: LocalGatewayOptions = {}, stageThrottle?: { rate: number; burst: number }): LocalGateway {
  const stack = newStack();
  const api = new GatewayApi(stack, 'Api', {
    policyValidation: false,
    apiKeyRequired: true,
    routes: {
      'GET /products': { integration: ok, authorization: open },
      'POST /orders': { integration: ok, authorization: open },
      'GET /health': { integration: ok, authorization: open, apiKeyRequired: false },
    },
    stages: [{ stageName: 'prod', throttlingRateLimit: stageThrottle?.rate, throttlingBurstLimit: stageThrottle?.burst }],
  });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A local gateway test.' });
  const plan = new UsagePlan(stack, 'Free', {
    stages: [api.defaultStage],
    quota: { limit: 3, period: QuotaPeriod.DAY },
    throttle: { rateLimit: 1, burstLimit: 2 },
    routeThrottles: { 'POST /orders': { rateLimit: 1, burstLimit: 1 } },
  });
  plan.addApiKey(new ApiKey(stack, 'Written', { value: 'written-key-0123456789' }));
  plan.addApiKey(new ApiKey(stack, 'Generated'));
  plan.addApiKey(new ApiKey(stack, 'Disabled', { value: 'disabled-key-0123456789', enabled: false }));
  new ApiKey(stack, 'Unplanned', { value: 'unplanned-key-0123456789' });
  return LocalGateway.fromApi(api, options);
}

const withKey = (key: string) => ({ headers: { 'x-api-key': key } });

describe('API keys and usage plans', () => {
  test('a route that requires a key admits an enabled key of a plan serving the stage; others are 403 Forbidden', async () => {
    const gateway = catalog({ apiKeys: { 'Test/Generated': 'generated-by-the-test', 'partner': 'outside-key' } });
    const status = async (key?: string) => (await gateway.request('GET /products', key === undefined ? {} : withKey(key))).statusCode;
    expect(await status('written-key-0123456789')).toBe(200);
    expect(await status('generated-by-the-test')).toBe(200);
    expect(await status('outside-key')).toBe(200);
    for (const refused of [undefined, 'disabled-key-0123456789', 'unplanned-key-0123456789', 'guessed']) expect(await status(refused)).toBe(403);
    const forbidden = await gateway.request('GET /products');
    expect([forbidden.json().message, forbidden.headers['x-amzn-ErrorType']]).toEqual(['Forbidden', 'ForbiddenException']);
    expect(await status()).toBe(403);
    expect((await gateway.request('GET /health')).statusCode).toBe(200);
  });

  test('the plan\'s throttle holds per key: the burst, then 429 Too Many Requests until the bucket refills', async () => {
    const gateway = catalog({ apiKeys: { 'Test/Generated': 'second-key' } });
    const status = async (key: string) => (await gateway.request('GET /products', withKey(key))).statusCode;
    expect([await status('written-key-0123456789'), await status('written-key-0123456789')]).toEqual([200, 200]);
    const throttled = await gateway.request('GET /products', withKey('written-key-0123456789'));
    expect([throttled.statusCode, throttled.json().message, throttled.headers['x-amzn-ErrorType']]).toEqual([429, 'Too Many Requests', 'TooManyRequestsException']);
    expect(await status('second-key')).toBe(200);
    gateway.advanceClock(Duration.seconds(1));
    expect(await status('written-key-0123456789')).toBe(200);
  });

  test('a route\'s own throttle in the plan replaces the plan\'s for that route', async () => {
    const gateway = catalog();
    const order = async () => (await gateway.request('POST /orders', withKey('written-key-0123456789'))).statusCode;
    expect([await order(), await order()]).toEqual([200, 429]);
    expect((await gateway.request('GET /products', withKey('written-key-0123456789'))).statusCode).toBe(200);
  });

  test('the quota counts each key\'s requests per day: 429 Limit Exceeded beyond it, renewed the next day', async () => {
    const gateway = catalog();
    const call = async () => {
      gateway.advanceClock(Duration.seconds(2));
      return gateway.request('GET /products', withKey('written-key-0123456789'));
    };
    gateway.advanceClock(Duration.millis(86_400_000 - (Date.now() % 86_400_000) + 1000));
    expect([(await call()).statusCode, (await call()).statusCode, (await call()).statusCode]).toEqual([200, 200, 200]);
    const exceeded = await call();
    expect([exceeded.statusCode, exceeded.json().message]).toEqual([429, 'Limit Exceeded']);
    gateway.advanceClock(Duration.days(1));
    expect((await call()).statusCode).toBe(200);
  });

  test('the stage\'s throttle holds for every caller of a route, with or without a key', async () => {
    const gateway = catalog({}, { rate: 1, burst: 1 });
    expect([(await gateway.request('GET /health')).statusCode, (await gateway.request('GET /health')).statusCode]).toEqual([200, 429]);
  });
});
