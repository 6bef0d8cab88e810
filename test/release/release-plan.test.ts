import { Release } from '../../src';
import { ReleasePlan, ReleaseRefusal, StageRelease, planReleases } from '../../src/release/release-plan';
import { ApiReleaseState } from '../../src/release/release-state';

/** One synthesis: plans from the state the previous one recorded. */
function plan(previous: ApiReleaseState | undefined, current: string, stages: StageRelease[], history = 3): ReleasePlan {
  const outcome = planReleases(previous, current, stages, history);
  if (outcome instanceof ReleaseRefusal) throw new Error(`refused: ${outcome.allowed}`);
  return outcome;
}

const prod = (release: Release): StageRelease[] => [{ stageName: 'prod', release }];

describe('planning releases', () => {
  test('latest: the stage serves the current definition, and the history keeps what it served before', () => {
    const first = plan(undefined, 'A', prod(Release.latest()));
    expect(first.stages).toEqual({ prod: { base: 'A' } });
    expect(first.state).toEqual({ lastNumber: 1, deployments: [{ number: 1, definition: 'A' }], stages: { prod: { deployment: 1 } } });
    const second = plan(first.state, 'B', prod(Release.latest()));
    expect(second.stages).toEqual({ prod: { base: 'B' } });
    expect(second.retained).toEqual(['B', 'A']);
    expect(plan(second.state, 'B', prod(Release.latest()))).toEqual({ ...second, warnings: [] });
  });

  test('canary, shift, promote: the base holds until the canary is promoted, then the canary is gone', () => {
    const live = plan(undefined, 'A', prod(Release.latest())).state;
    const start = plan(live, 'B', prod(Release.canary({ percentTraffic: 10 })));
    expect(start.stages).toEqual({ prod: { base: 'A', canary: 'B' } });
    expect(start.state.stages).toEqual({ prod: { deployment: 1, canary: 2 } });
    const again = plan(start.state, 'B', prod(Release.canary({ percentTraffic: 50 })));
    expect(again.stages).toEqual(start.stages);
    const changedDuringCanary = plan(start.state, 'C', prod(Release.canary({ percentTraffic: 50 })));
    expect(changedDuringCanary.stages).toEqual({ prod: { base: 'A', canary: 'C' } });
    const promoted = plan(start.state, 'B', prod(Release.promote()));
    expect(promoted.stages).toEqual({ prod: { base: 'B' } });
    expect(promoted.state.stages).toEqual({ prod: { deployment: 2 } });
    // Synthesized again (cdk deploy synthesizes too): the same outcome.
    expect(plan(promoted.state, 'B', prod(Release.promote())).stages).toEqual(promoted.stages);
  });

  test('promote moves the base to what the canary served, even if the definition changed since', () => {
    const start = plan(plan(undefined, 'A', prod(Release.latest())).state, 'B', prod(Release.canary({ percentTraffic: 10 })));
    const promoted = plan(start.state, 'C', prod(Release.promote()));
    expect(promoted.stages).toEqual({ prod: { base: 'B' } });
    expect(promoted.retained).toContain('C');
  });

  test('rollback: the canary goes, the base stays; so does a repeat synthesis', () => {
    const start = plan(plan(undefined, 'A', prod(Release.latest())).state, 'B', prod(Release.canary({ percentTraffic: 10 })));
    const rolledBack = plan(start.state, 'B', prod(Release.rollback()));
    expect(rolledBack.stages).toEqual({ prod: { base: 'A' } });
    expect(plan(rolledBack.state, 'B', prod(Release.rollback())).stages).toEqual({ prod: { base: 'A' } });
  });

  test('latest while a canary is recorded is refused: the canary would stay on the stage', () => {
    const start = plan(plan(undefined, 'A', prod(Release.latest())).state, 'B', prod(Release.canary({ percentTraffic: 10 })));
    const refusal = planReleases(start.state, 'B', prod(Release.latest()), 3);
    expect(refusal).toBeInstanceOf(ReleaseRefusal);
    expect((refusal as ReleaseRefusal).allowed).toMatch(/Release\.promote\(\) or Release\.rollback\(\): a canary \(deployment 2\) is in progress/);
  });

  test('pin: a stage goes back to a deployment the history keeps, and only to one', () => {
    let state = plan(undefined, 'A', prod(Release.latest())).state;
    for (const definition of ['B', 'C', 'D', 'E']) state = plan(state, definition, prod(Release.latest())).state;
    expect(state.deployments.map(d => d.number)).toEqual([2, 3, 4, 5]);
    const pinned = plan(state, 'E', prod(Release.pin(3)));
    expect(pinned.stages).toEqual({ prod: { base: 'C' } });
    const refusal = planReleases(state, 'E', prod(Release.pin(1)), 3) as ReleaseRefusal;
    expect(refusal.value).toBe(1);
    expect(refusal.allowed).toBe('a deployment the template still keeps: 2, 3, 4, 5');
  });

  test('each stage keeps its own base: dev follows the definition while prod tries it as a canary', () => {
    const stages = (prodRelease: Release): StageRelease[] => [
      { stageName: 'dev', release: Release.latest() }, { stageName: 'prod', release: prodRelease },
    ];
    const live = plan(undefined, 'A', stages(Release.latest())).state;
    const trying = plan(live, 'B', stages(Release.canary({ percentTraffic: 5 })));
    expect(trying.stages).toEqual({ dev: { base: 'B' }, prod: { base: 'A', canary: 'B' } });
  });

  test('warns when a canary would serve what the base serves', () => {
    expect(plan(undefined, 'A', prod(Release.canary({ percentTraffic: 5 }))).warnings)
      .toEqual([expect.stringMatching(/stage 'prod': no deployment of it is recorded/)]);
    const live = plan(undefined, 'A', prod(Release.latest())).state;
    expect(plan(live, 'A', prod(Release.canary({ percentTraffic: 5 }))).warnings)
      .toEqual([expect.stringMatching(/the canary serves the definition the base already serves \(deployment 1\)/)]);
  });

  test('history 0 keeps only what the stages serve and the current definition', () => {
    let state = plan(undefined, 'A', prod(Release.latest()), 0).state;
    state = plan(state, 'B', prod(Release.latest()), 0).state;
    expect(state.deployments).toEqual([{ number: 2, definition: 'B' }]);
    expect(state.lastNumber).toBe(2);
  });
});
