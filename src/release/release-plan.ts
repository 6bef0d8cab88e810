import { Release, ReleaseKind } from './release';
import { ApiReleaseState, RecordedDeployment, RecordedStage } from './release-state';

/** A stage and the release it asks for. */
export interface StageRelease {
  readonly stageName: string;
  readonly release: Release;
}

/** The deployments a stage serves, by definition hash. */
export interface PlannedStage {
  readonly base: string;
  readonly canary?: string;
}

/** Where a release cannot go; the caller turns it into an error naming the construct and prop. */
export class ReleaseRefusal {
  constructor(public readonly stageName: string, public readonly value: unknown, public readonly allowed: string) {}
}

/** What the template holds and what the release file records after this synthesis. */
export interface ReleasePlan {
  /** By stage name. */
  readonly stages: { [stageName: string]: PlannedStage };
  /** Definition hashes of every deployment the template keeps, the current one included. */
  readonly retained: string[];
  readonly state: ApiReleaseState;
  /** Things worth a synth warning, each naming its stage. */
  readonly warnings: string[];
}

const EMPTY: ApiReleaseState = { lastNumber: 0, deployments: [], stages: {} };

/**
 * Decides which deployment each stage serves, from what the release file recorded at the
 * previous synthesis, the current definition and each stage's release. Pure, so that each
 * step of a release can be tested as a function of the one before.
 *
 * @param previous what the release file recorded, if anything
 * @param current the hash of the current definition
 * @param history how many of the most recent deployments the template keeps besides those served
 */
export function planReleases(
  previous: ApiReleaseState | undefined, current: string, stages: StageRelease[], history: number,
): ReleasePlan | ReleaseRefusal {
  const before = previous ?? EMPTY;
  const byNumber = new Map(before.deployments.map(d => [d.number, d.definition]));
  const warnings: string[] = [];
  const planned: { [stageName: string]: PlannedStage } = {};

  for (const { stageName, release } of stages) {
    const recorded: RecordedStage | undefined = before.stages[stageName];
    const served = recorded && byNumber.get(recorded.deployment);
    const canary = recorded?.canary !== undefined ? byNumber.get(recorded.canary) : undefined;
    switch (release.kind) {
      case ReleaseKind.LATEST:
        if (canary !== undefined) {
          return new ReleaseRefusal(stageName, 'Release.latest()',
            `Release.promote() or Release.rollback(): a canary (deployment ${recorded!.canary}) is in progress, and a canary `
            + 'left out of the template stays on the stage (CloudFormation does not remove it)');
        }
        planned[stageName] = { base: current };
        break;
      case ReleaseKind.CANARY:
        if (served === undefined) {
          warnings.push(`stage '${stageName}': no deployment of it is recorded, so base and canary both serve the current definition.`);
        } else if (served === current && canary === undefined) {
          warnings.push(`stage '${stageName}': the canary serves the definition the base already serves (deployment ${recorded!.deployment}). `
            + 'Start a canary before changing the API, or in the same change.');
        }
        planned[stageName] = { base: served ?? current, canary: current };
        break;
      case ReleaseKind.PROMOTE:
        planned[stageName] = { base: canary ?? served ?? current };
        break;
      case ReleaseKind.ROLLBACK:
        planned[stageName] = { base: served ?? current };
        break;
      case ReleaseKind.PIN: {
        const wanted = release.deploymentNumber!;
        const definition = byNumber.get(wanted);
        if (definition === undefined) {
          const kept = before.deployments.map(d => d.number);
          return new ReleaseRefusal(stageName, wanted, kept.length > 0
            ? `a deployment the template still keeps: ${kept.join(', ')}`
            : 'none yet: no deployment is recorded in the release file');
        }
        planned[stageName] = { base: definition };
        break;
      }
    }
  }

  const state = record(before, planned, history);
  const retained = [...new Set([current, ...state.deployments.map(d => d.definition)])];
  return { stages: planned, retained, state, warnings };
}

/** The new state: served deployments numbered, and the history trimmed to the `history` most recent others. */
function record(before: ApiReleaseState, planned: { [stageName: string]: PlannedStage }, history: number): ApiReleaseState {
  let lastNumber = before.lastNumber;
  const deployments: RecordedDeployment[] = [...before.deployments];
  const numberOf = (definition: string): number => {
    const known = deployments.filter(d => d.definition === definition).pop();
    if (known) return known.number;
    deployments.push({ number: ++lastNumber, definition });
    return lastNumber;
  };
  const stages: { [stageName: string]: RecordedStage } = {};
  for (const [stageName, { base, canary }] of Object.entries(planned)) {
    stages[stageName] = { deployment: numberOf(base), ...(canary !== undefined ? { canary: numberOf(canary) } : {}) };
  }
  const served = new Set(Object.values(stages).flatMap(s => (s.canary !== undefined ? [s.deployment, s.canary] : [s.deployment])));
  const others = deployments.map(d => d.number).filter(n => !served.has(n)).sort((a, b) => a - b);
  const recent = new Set(history > 0 ? others.slice(-history) : []);
  const kept = deployments.filter(d => served.has(d.number) || recent.has(d.number));
  return { lastNumber, deployments: kept, stages };
}
