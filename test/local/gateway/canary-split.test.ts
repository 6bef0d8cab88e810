import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { ReleasesStack } from '../../../examples/stacks/releases-stack';
import { LocalGateway, LocalGatewayOptions } from '../../../src';
import { seededRandom } from '../../../src/local/gateway/canary-split';

/** The example's releases API; with the example's release file, prod's base serves deployment 1 while its canary serves the newest. */
function releases(releaseFile: boolean, options: LocalGatewayOptions = {}): LocalGateway {
  const context: { [key: string]: unknown } = { '@aws-cdk/core:validateAgainstDefaultRules': false, 'cdk-gateway-api:recordReleases': 'false' };
  if (releaseFile) context['cdk-gateway-api:releaseFile'] = path.join(__dirname, '../../../examples/gateway-api.releases.json');
  const app = new App({ context });
  Validations.of(app).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'The example, run locally.' });
  const stack = new ReleasesStack(app, 'GatewayApiReleasesExample');
  return LocalGateway.fromApi(stack.node.findChild('Api'), { stage: 'prod', ...options });
}

const signed = { iamPrincipal: 'arn:aws:iam::123456789012:role/tester' };

describe('a stage\'s canary', () => {
  test('takes its percentage of requests, drawn from a seeded source, with its stage variable overrides', async () => {
    const gateway = releases(false, { canarySeed: 7 });
    const flags: string[] = [];
    for (let i = 0; i < 200; i++) flags.push((await gateway.request('GET /version', signed)).json().variables.featureFlags);
    const canary = flags.filter(flag => flag === 'preview').length;
    expect(canary).toBeGreaterThan(8);
    expect(canary).toBeLessThan(40);
    const again = releases(false, { canarySeed: 7 });
    const replay: string[] = [];
    for (let i = 0; i < 200; i++) replay.push((await again.request('GET /version', signed)).json().variables.featureFlags);
    expect(replay).toEqual(flags);
  });

  test('a request may ask for its side', async () => {
    const gateway = releases(false);
    expect((await gateway.request('GET /version', { ...signed, canary: true })).json().variables.featureFlags).toBe('preview');
    expect((await gateway.request('GET /version', { ...signed, canary: false })).json().variables.featureFlags).toBe('stable');
  });

  test('a base serving an earlier deployment than the template\'s is refused, saying so; the canary, serving the template\'s, answers', async () => {
    const gateway = releases(true);
    await expect(gateway.request('GET /version', { ...signed, canary: false })).rejects.toThrow(
      /stage prod's base \(the 90% its canary leaves\) serves deployment ApiF70053CDDeployment[0-9A-F]{8}, an earlier definition than the template's/);
    expect((await gateway.request('GET /version/router', { ...signed, canary: true })).json()).toMatchObject({ stage: 'prod', variables: { featureFlags: 'preview' } });
  });
});

test('the seeded source is uniform enough and repeats per seed', () => {
  const draw = seededRandom(42);
  const values = Array.from({ length: 10_000 }, draw);
  expect(values.every(v => v >= 0 && v < 1)).toBe(true);
  expect(values.filter(v => v < 0.1).length).toBeGreaterThan(900);
  expect(values.filter(v => v < 0.1).length).toBeLessThan(1100);
  expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(values.slice(0, 5));
});
