// A release walked through on the emulator, one synth per step as a user would do it (README,
// "A canary, step by step"): `live` serves GET /version; `start` adds GET /version/{component}
// and serves it on a canary; `promote` moves the base to the canary's deployment, and the canary
// remover custom resource takes the canary off the stage.
//
//   ts-node test/deploy/release-walk.ts <output dir>     (one cloud assembly per step in <output dir>/<step>)
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { inlineFunction } from '../../examples/stacks/inline-function';
import { GatewayApi, Integration, Release, RouteOptions } from '../../src';

export const RELEASE_WALK_STACK = 'GatewayApiReleaseWalk';
const STEPS: Record<string, Release> = {
  live: Release.latest(),
  start: Release.canary({ percentTraffic: 50, stageVariableOverrides: { side: 'canary' } }),
  promote: Release.promote(),
};

/** One step's app, synthesized into `<outdir>/<step>`; each step reads and records the same release file. */
function synthStep(step: string, outdir: string): void {
  const releaseFile = path.join(outdir, 'releases.json');
  const app = new App({
    outdir: path.join(outdir, step),
    context: { 'cdk-gateway-api:releaseFile': releaseFile, 'cdk-gateway-api:recordReleases': true },
  });
  Validations.of(app).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A release walked through on the emulator.' });
  const stack = new Stack(app, RELEASE_WALK_STACK);
  const version = Integration.lambda(inlineFunction(stack, 'VersionFunction', [
    'exports.handler = async (event) => ({',
    '  statusCode: 200,',
    "  headers: { 'Content-Type': 'application/json' },",
    '  body: JSON.stringify({ resource: event.resource, variables: event.stageVariables }),',
    '});',
  ]));
  const routes: Record<string, RouteOptions> = { 'GET /version': { integration: version } };
  if (step !== 'live') routes['GET /version/{component}'] = { integration: version };
  new GatewayApi(stack, 'Api', {
    routes,
    stages: [{ stageName: 'prod', variables: { side: 'base' }, release: STEPS[step] }],
  });
  app.synth();
}

const outdir = process.argv[2];
if (!outdir) throw new Error('usage: release-walk.ts <output dir>');
fs.rmSync(outdir, { recursive: true, force: true });
for (const step of Object.keys(STEPS)) synthStep(step, outdir);
