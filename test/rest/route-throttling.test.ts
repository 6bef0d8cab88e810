import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { GatewayApi, Integration } from '../../src';
import { newStack, synthApi } from '../util';

const mock = Integration.mock();

describe('route throttling', () => {
  test('a route\'s limits apply on every stage, with the stage\'s other settings repeated', () => {
    const { template } = synthApi(() => ({
      stages: [{ stageName: 'prod' }, { stageName: 'dev', throttlingRateLimit: 10, throttlingBurstLimit: 20, loggingLevel: undefined }],
      routes: {
        'GET /': { integration: mock, throttle: { rateLimit: 5 } },
        'ANY /pets/{proxy+}': { integration: mock, throttle: { rateLimit: 50, burstLimit: 100 } },
        'GET /pets': { integration: mock },
      },
    }));
    const stages = Object.values(template.findResources('AWS::ApiGateway::Stage')).map(s => s.Properties);
    const common = { LoggingLevel: 'ERROR', DataTraceEnabled: false, MetricsEnabled: true, CachingEnabled: false };
    expect(stages.find(s => s.StageName === 'prod').MethodSettings).toEqual([
      { HttpMethod: '*', ResourcePath: '/*', ...common, ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 },
      { HttpMethod: 'GET', ResourcePath: '/', ...common, ThrottlingRateLimit: 5, ThrottlingBurstLimit: 2000 },
      { HttpMethod: '*', ResourcePath: '/~1pets~1{proxy+}', ...common, ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    ]);
    expect(stages.find(s => s.StageName === 'dev').MethodSettings[1]).toEqual(
      { HttpMethod: 'GET', ResourcePath: '/', ...common, ThrottlingRateLimit: 5, ThrottlingBurstLimit: 20 });
  });

  test('warns where a route exceeds its stage or the account default, and where a stage exceeds the account default', () => {
    const { stack } = synthApi(() => ({
      stages: [{ throttlingRateLimit: 100, throttlingBurstLimit: 6000 }],
      routes: { 'GET /hot': { integration: mock, throttle: { rateLimit: 12000 } }, 'GET /cold': { integration: mock, throttle: { rateLimit: 1 } } },
    }));
    const warnings = Annotations.fromStack(stack).findWarning('/Test/Api/Stage.prod', Match.stringLikeRegexp('exceeds')).map(w => String(w.entry.data));
    expect(warnings).toEqual([
      expect.stringMatching(/^stages\[0\] throttling: burst 6000 exceeds the account default of 5000; the account's limit applies unless raised\./),
      expect.stringMatching(/^routes\['GET \/hot'\]\.throttle on stages\[0\]: rate 12000 exceeds the stage's 100; rate 12000 exceeds the account default of 10000 requests per second; the lower limit applies\./),
    ]);
  });

  test.each([
    [{ rateLimit: -5 }, /\[Test\/Api\] routes\['GET \/x'\]\.throttle\.rateLimit: -5 is not allowed\. Allowed: a number from 0/],
    [{ burstLimit: 2.5 }, /routes\['GET \/x'\]\.throttle\.burstLimit: 2\.5 is not allowed\. Allowed: a whole number from 0/],
  ])('refuses bad limits %j', (throttle, message) => {
    expect(() => new GatewayApi(newStack(), 'Api', { routes: { 'GET /x': { integration: mock, throttle } } })).toThrow(message);
  });
});
