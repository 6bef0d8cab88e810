import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { cleanUp, judge, newApp, scratchDirectory } from './judge';
import { CI_RUNS, runs } from './settings';
import { GatewayApi, Integration, Release, ReleaseKind, RouteOptions } from '../../src';
import { RECORD_RELEASES_CONTEXT, RELEASE_FILE_CONTEXT } from '../../src/release/release-location';

/**
 * One `cdk synth` of a release lifecycle: what the user asks of the prod stage, and whether the
 * API changed since the previous synth. `latest` during a canary is read as `promote`, the one
 * refusal of the lifecycle (a canary left out of the template would stay on the stage).
 */
interface Step {
  readonly ask: 'latest' | 'canary' | 'promote' | 'rollback';
  readonly percent: number;
  readonly change: boolean;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  ask: fc.constantFrom<Step['ask']>('latest', 'canary', 'promote', 'rollback'),
  percent: fc.integer({ min: 0, max: 100 }),
  change: fc.boolean(),
});

afterAll(cleanUp);

test('any release lifecycle synthesizes clean at every step, never replacing the API or its stage', () => {
  jest.spyOn(console, 'error').mockImplementation(() => {});
  fc.assert(fc.property(fc.array(stepArb, { minLength: 2, maxLength: 5 }), steps => {
    const file = path.join(scratchDirectory(), 'releases.json');
    const routes: { [key: string]: RouteOptions } = { 'GET /v0': { integration: Integration.mock() } };
    let canaryActive = false;
    let identities: string | undefined;
    for (const [i, step] of steps.entries()) {
      if (step.change) routes[`GET /v${i + 1}`] = { integration: Integration.mock() };
      const release = releaseFor(step, canaryActive);
      const app = newApp({ [RELEASE_FILE_CONTEXT]: file, [RECORD_RELEASES_CONTEXT]: true });
      const stack = new Stack(app, 'Test');
      const api = new GatewayApi(stack, 'Api', { webAcl: true, stages: [{ stageName: 'prod', release }], routes: { ...routes } });
      const stageId = stack.getLogicalId(api.defaultStage.stage);
      let canarySetting: any;
      expect(judge(app, [], templates => { canarySetting = templates.Test.Resources[stageId].Properties.CanarySetting; }))
        .toEqual({ cloudFormationValidate: [], policyValidator: [], annotationErrors: [] });

      canaryActive = release.kind === ReleaseKind.CANARY;
      expect({ step: i, canary: canarySetting?.PercentTraffic }).toEqual({ step: i, canary: canaryActive ? step.percent : undefined });
      const now = `${stack.getLogicalId(api.restApi)} ${stageId}`;
      expect(now).toEqual(identities ?? now);
      identities = now;
    }
  }), runs(CI_RUNS.releases));
});

function releaseFor(step: Step, canaryActive: boolean): Release {
  switch (step.ask) {
    case 'latest': return canaryActive ? Release.promote() : Release.latest();
    case 'canary': return Release.canary({ percentTraffic: step.percent });
    case 'promote': return Release.promote();
    case 'rollback': return Release.rollback();
  }
}
