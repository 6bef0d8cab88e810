import { CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ApiKey, GatewayApi, Integration, QuotaPeriod, UsagePlan, UsagePlanProps } from '../../src';
import { newStack } from '../util';

const routes = {
  'GET /pets': { integration: Integration.mock() },
  'GET /pets/{petId}': { integration: Integration.mock() },
  'GET /': { integration: Integration.mock() },
};

function apiWithPlan(planProps: (api: GatewayApi) => UsagePlanProps): { stack: Stack; api: GatewayApi; plan: UsagePlan; template: Template } {
  const stack = newStack();
  const api = new GatewayApi(stack, 'Api', { routes, apiKeyRequired: true });
  const plan = new UsagePlan(stack, 'Pro', planProps(api));
  return { stack, api, plan, template: Template.fromStack(stack) };
}

describe('usage plans', () => {
  test('a tier: quota, throttle and per-route throttles on the stage it serves', () => {
    const { template, stack, api } = apiWithPlan(a => ({
      usagePlanName: 'pro',
      stages: [a.defaultStage],
      quota: { limit: 100000, period: QuotaPeriod.MONTH, offset: 3 },
      throttle: { rateLimit: 50, burstLimit: 100 },
      routeThrottles: { 'GET /pets/{petId}': { rateLimit: 5, burstLimit: 10 }, 'GET /': { rateLimit: 1, burstLimit: 2 } },
    }));
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'pro',
      Quota: { Limit: 100000, Period: 'MONTH', Offset: 3 },
      Throttle: { RateLimit: 50, BurstLimit: 100 },
      ApiStages: [{
        ApiId: { Ref: stack.getLogicalId(api.restApi) },
        Stage: { Ref: stack.getLogicalId(api.defaultStage.stage) },
        Throttle: { '/pets/{petId}/GET': { RateLimit: 5, BurstLimit: 10 }, '//GET': { RateLimit: 1, BurstLimit: 2 } },
      }],
    });
  });

  test('one plan serves stages of two APIs; route throttles go only where the route is', () => {
    const stack = newStack();
    const pets = new GatewayApi(stack, 'Pets', { routes, stages: [{ stageName: 'prod' }, { stageName: 'dev' }] });
    const orders = new GatewayApi(stack, 'Orders', { routes: { 'GET /orders': { integration: Integration.mock() } } });
    const plan = new UsagePlan(stack, 'Free', {
      stages: [pets.stages[1], orders.defaultStage],
      routeThrottles: { 'GET /orders': { rateLimit: 1 } },
    });
    plan.addStage(pets.defaultStage);
    const template = Template.fromStack(stack);
    const apiStages = Object.values(template.findResources('AWS::ApiGateway::UsagePlan'))[0].Properties.ApiStages;
    expect(apiStages).toEqual([
      { ApiId: { Ref: stack.getLogicalId(pets.restApi) }, Stage: { Ref: stack.getLogicalId(pets.stages[1].stage) } },
      { ApiId: { Ref: stack.getLogicalId(orders.restApi) }, Stage: { Ref: stack.getLogicalId(orders.defaultStage.stage) }, Throttle: { '/orders/GET': { RateLimit: 1 } } },
      { ApiId: { Ref: stack.getLogicalId(pets.restApi) }, Stage: { Ref: stack.getLogicalId(pets.defaultStage.stage) } },
    ]);
    expect(plan.stages).toHaveLength(3);
  });

  test('keys: generated, bound to the plan, retained', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes, apiKeyRequired: true });
    const key = new ApiKey(stack, 'AcmeKey', { description: 'Acme Corp' });
    const plan = new UsagePlan(stack, 'Pro', { stages: [api.defaultStage], apiKeys: [key] });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::ApiGateway::ApiKey', {
      Properties: { Description: 'Acme Corp', Enabled: true, Value: Match.absent() },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::ApiGateway::UsagePlanKey', {
      KeyId: { Ref: stack.getLogicalId(key.cfnApiKey) },
      KeyType: 'API_KEY',
      UsagePlanId: { Ref: stack.getLogicalId(plan.cfnUsagePlan) },
    });
  });

  test('adding, removing or reordering keys changes no other logical id or resource', () => {
    const resources = (names: string[]): { [logicalId: string]: any } => {
      const stack = newStack();
      const api = new GatewayApi(stack, 'Api', { routes });
      const plan = new UsagePlan(stack, 'Pro', { stages: [api.defaultStage] });
      for (const name of names) plan.addApiKey(new ApiKey(stack, name));
      return Template.fromStack(stack).toJSON().Resources;
    };
    const keyIds = (r: { [logicalId: string]: any }) => Object.keys(r).filter(id => /ApiKey|UsagePlanKey/.test(r[id].Type));
    const all = resources(['Alice', 'Bob', 'Carol']);
    expect(keyIds(all)).toHaveLength(6);
    // Reordered: the same template.
    expect(resources(['Carol', 'Alice', 'Bob'])).toEqual(all);
    // Removed: every remaining resource is unchanged, only Bob's key and binding are gone.
    const withoutBob = resources(['Alice', 'Carol']);
    for (const [id, resource] of Object.entries(withoutBob)) expect(all[id]).toEqual(resource);
    expect(Object.keys(all).filter(id => !(id in withoutBob)).sort()).toEqual([
      expect.stringMatching(/^Bob/), expect.stringMatching(/^ProKey/),
    ]);
    // Added first: every earlier resource is unchanged.
    const withDave = resources(['Dave', 'Alice', 'Bob', 'Carol']);
    for (const [id, resource] of Object.entries(all)) expect(withDave[id]).toEqual(resource);
  });

  test('an existing key is bound by id', () => {
    const stack = newStack();
    const plan = new UsagePlan(stack, 'Pro');
    plan.addApiKey(ApiKey.fromApiKeyId(stack, 'Legacy', 'abc123'));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::UsagePlanKey', { KeyId: 'abc123' });
  });

  test('a key may serve a stage through one plan only', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes });
    const key = new ApiKey(stack, 'Key');
    new UsagePlan(stack, 'Free', { stages: [api.defaultStage], apiKeys: [key] });
    new UsagePlan(stack, 'Pro', { stages: [api.defaultStage], apiKeys: [key] });
    expect(() => Template.fromStack(stack)).toThrow(/\[Test\/Pro\] apiKeys: "Test\/Key" is not allowed\. Allowed: a key that no other plan serving stage Test\/Api\/Stage\.prod has \(Test\/Free has it\)/);
  });

  test('a route throttle must name a route of one of the plan\'s stages', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes });
    new UsagePlan(stack, 'Pro', { stages: [api.defaultStage], routeThrottles: { 'POST /pets': { rateLimit: 1 } } });
    expect(() => Template.fromStack(stack)).toThrow(/\[Test\/Pro\] routeThrottles\['POST \/pets'\]: "POST \/pets" is not allowed\. Allowed: a route of one of the plan's stages \(GET \/, GET \/pets, GET \/pets\/\{petId\}\)/);
  });

  test.each([
    ['quota.limit', { quota: { limit: 0, period: QuotaPeriod.DAY } }, /quota\.limit: 0 is not allowed\. Allowed: a whole number from 1 to 2147483647 requests/],
    ['quota.offset for DAY', { quota: { limit: 10, period: QuotaPeriod.DAY, offset: 1 } }, /quota\.offset: 1 is not allowed\. Allowed: a whole number from 0 to 0 for period DAY/],
    ['quota.offset for WEEK', { quota: { limit: 10, period: QuotaPeriod.WEEK, offset: 7 } }, /quota\.offset: 7 is not allowed\. Allowed: a whole number from 0 to 6 for period WEEK/],
    ['quota.offset for MONTH', { quota: { limit: 10, period: QuotaPeriod.MONTH, offset: 28 } }, /quota\.offset: 28 is not allowed\. Allowed: a whole number from 0 to 27 for period MONTH/],
    ['throttle.rateLimit', { throttle: { rateLimit: -1 } }, /\[Test\/Plan\] throttle\.rateLimit: -1 is not allowed/],
    ['throttle.burstLimit', { throttle: { burstLimit: 1.5 } }, /throttle\.burstLimit: 1\.5 is not allowed\. Allowed: a whole number/],
    ['routeThrottles key', { routeThrottles: { 'FETCH /x': {} } }, /routeThrottles key: "FETCH \/x" is not allowed/],
    ['routeThrottles limits', { routeThrottles: { 'GET /x': { burstLimit: -2 } } }, /routeThrottles\['GET \/x'\]\.burstLimit: -2 is not allowed/],
  ])('refuses a bad %s', (_, props, message) => {
    const stack = newStack();
    expect(() => new UsagePlan(stack, 'Plan', props as UsagePlanProps)).toThrow(message);
  });

  test('warns where limits exceed the plan\'s or the account default', () => {
    const { stack } = apiWithPlan(a => ({
      stages: [a.defaultStage],
      throttle: { rateLimit: 20000, burstLimit: 100 },
      routeThrottles: { 'GET /pets': { rateLimit: 10, burstLimit: 500 } },
    }));
    const warnings = Annotations.fromStack(stack).findWarning('/Test/Pro', Match.anyValue()).map(w => String(w.entry.data));
    expect(warnings).toEqual([
      expect.stringMatching(/^throttle: rate 20000 exceeds the account default of 10000 requests per second; the account's limit applies unless raised\./),
      expect.stringMatching(/^routeThrottles\['GET \/pets'\]: burst 500 exceeds the plan's 100; the lower limit applies\./),
    ]);
  });

  test('a stage with key-required routes and no plan gets a warning; with a plan, none', () => {
    const stack = newStack();
    new GatewayApi(stack, 'Api', { routes, apiKeyRequired: true });
    Annotations.fromStack(stack).hasWarning('/Test/Api/Stage.prod', Match.stringLikeRegexp('stages\\[0\\] has routes that require an API key, but no usage plan'));
    const { stack: planned } = apiWithPlan(a => ({ stages: [a.defaultStage] }));
    Annotations.fromStack(planned).hasNoWarning('/Test/Api/Stage.prod', Match.stringLikeRegexp('require an API key'));
  });
});

describe('usage plans with unresolved values', () => {
  test('parameters are passed through, not judged', () => {
    const stack = newStack();
    const limit = new CfnParameter(stack, 'Limit', { type: 'Number' });
    const rate = new CfnParameter(stack, 'Rate', { type: 'Number' });
    const api = new GatewayApi(stack, 'Api', { routes, stages: [{ throttlingRateLimit: rate.valueAsNumber }] });
    new UsagePlan(stack, 'Plan', {
      stages: [api.defaultStage],
      quota: { limit: limit.valueAsNumber, period: QuotaPeriod.WEEK, offset: limit.valueAsNumber },
      throttle: { rateLimit: rate.valueAsNumber },
      routeThrottles: { 'GET /pets': { rateLimit: rate.valueAsNumber, burstLimit: 20000 } },
    });
    new ApiKey(stack, 'Key', { value: Fn.importValue('SharedKeyValue') });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Quota: { Limit: { Ref: 'Limit' }, Offset: { Ref: 'Limit' }, Period: 'WEEK' },
      ApiStages: [Match.objectLike({ Throttle: { '/pets/GET': { RateLimit: { Ref: 'Rate' }, BurstLimit: 20000 } } })],
    });
    // Only the literal burst is compared with the account default.
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('exceeds')).map(w => String(w.entry.data));
    expect(warnings).toEqual([expect.stringMatching(/^routeThrottles\['GET \/pets'\]: burst 20000 exceeds the account default of 5000/)]);
  });
});
