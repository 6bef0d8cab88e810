import { Duration, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Integration } from '../../src';
import { operation, synthApi } from '../util';

const withTimeout = (timeout: Duration, extra: { timeoutQuotaRaised?: boolean; endpointType?: apigw.EndpointType } = {}) =>
  synthApi(() => ({
    endpointType: extra.endpointType,
    routes: { 'GET /x': { integration: Integration.url('https://b.example.com', { timeout, timeoutQuotaRaised: extra.timeoutQuotaRaised }) } },
  }));

describe('integration timeout', () => {
  test.each([50, 1000, 29000])('accepts %d ms', ms => {
    const { body } = withTimeout(Duration.millis(ms));
    expect(operation(body, '/x', 'get')['x-amazon-apigateway-integration'].timeoutInMillis).toBe(ms);
  });

  test.each([49, 29001, 120000])('rejects %d ms without the quota opt-in, naming the quota', ms => {
    expect(() => withTimeout(Duration.millis(ms))).toThrow(
      new RegExp(`\\[Test/Api\\] routes\\['GET /x'\\]\\.integration\\.timeout: "${ms} ms" is not allowed\\. Allowed: `),
    );
    if (ms > 29000) expect(() => withTimeout(Duration.millis(ms))).toThrow(/Maximum integration timeout in milliseconds.*timeoutQuotaRaised: true/);
  });

  test('allows more than 29 s on a REGIONAL API once the quota is declared raised', () => {
    const { body } = withTimeout(Duration.seconds(120), { timeoutQuotaRaised: true });
    expect(operation(body, '/x', 'get')['x-amazon-apigateway-integration'].timeoutInMillis).toBe(120000);
  });

  test('refuses more than 29 s on an EDGE API even with the quota raised', () => {
    expect(() => withTimeout(Duration.seconds(60), { timeoutQuotaRaised: true, endpointType: apigw.EndpointType.EDGE }))
      .toThrow(/at most 29000 ms on an EDGE API/);
  });
});
