import * as path from 'path';
import { Annotations, Aspects } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { ApiDeployments } from './deployments';
import { Release } from './release';
import { releaseFileLocation } from './release-location';
import { ReleasePlan, ReleaseRefusal, planReleases } from './release-plan';
import { readReleaseFile, recordApiState } from './release-state';
import { propError } from '../core/errors';

/** A stage and how errors name it. */
export interface ReleasedStage {
  readonly stage: IConstruct & { readonly stageName: string; readonly release: Release };
  readonly prop: string;
}

/** The deployments a stage serves, as CloudFormation references. */
export interface ServedDeployments {
  readonly base: string;
  readonly canary?: string;
}

/**
 * Decides, once every route and stage is in, which deployment each stage serves, keeps those
 * deployments (and the recent history) in the template, and records the outcome in the
 * release file for the next synthesis.
 */
export class ApiReleases {
  private plan?: ReleasePlan;

  constructor(
    private readonly api: Construct,
    private readonly deployments: ApiDeployments,
    private readonly fingerprint: () => string,
    private readonly history: number,
    private readonly stages: () => ReleasedStage[],
  ) {
    Aspects.of(api).add({ visit: node => node === api && this.planned() });
  }

  /** The deployments a stage serves. */
  public served(stageName: string): ServedDeployments {
    const planned = this.planned().stages[stageName];
    return {
      base: this.deployments.ref(planned.base),
      canary: planned.canary === undefined ? undefined : this.deployments.ref(planned.canary),
    };
  }

  private planned(): ReleasePlan {
    if (this.plan) return this.plan;
    const location = releaseFileLocation(this.api);
    const previous = readReleaseFile(location.file).apis[this.api.node.path];
    const stages = this.stages();
    const outcome = planReleases(previous, this.fingerprint(),
      stages.map(({ stage }) => ({ stageName: stage.stageName, release: stage.release })), this.history);
    if (outcome instanceof ReleaseRefusal) {
      const refused = stages.find(({ stage }) => stage.stageName === outcome.stageName)!;
      throw propError(refused.stage, `${refused.prop}.release`, outcome.value, outcome.allowed);
    }
    for (const warning of outcome.warnings) {
      Annotations.of(this.api).addWarningV2('cdk-gateway-api:release', `${warning} (release file: ${path.relative(process.cwd(), location.file)})`);
    }
    this.deployments.keep(outcome.retained);
    if (location.record) recordApiState(location.file, this.api.node.path, outcome.state);
    this.plan = outcome;
    return outcome;
  }
}
