import { LocalStage } from '../template/rest-api-reader';

/* eslint-disable no-bitwise -- mulberry32 is 32-bit integer arithmetic */
/** A seedable source of numbers in [0, 1): the same seed gives the same sequence (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/* eslint-enable no-bitwise */

/**
 * Which side of a stage's canary answers a request: the canary takes its percentage of the
 * requests (drawn from the random source, or the side a request asks for), with its stage
 * variable overrides. Only the template's definition runs locally: a side whose deployment is an
 * earlier one (a release's base while its canary runs) is refused, saying so, rather than
 * answered by a definition it does not serve.
 */
export class CanarySplit {
  constructor(
    private readonly stage: LocalStage,
    /** The logical id of the deployment of the template's definition, when the template says which it is. */
    private readonly currentDeployment: string | undefined,
    private readonly random: () => number,
  ) {}

  /** The stage as one request sees it. */
  public stageFor(canary: boolean | undefined): LocalStage {
    const split = this.stage.canary;
    if (!split) {
      if (canary) throw new Error(`LocalGateway: stage ${this.stage.name} has no canary to send the request to`);
      this.check(this.stage.deploymentId, `stage ${this.stage.name}`);
      return this.stage;
    }
    const toCanary = canary ?? this.random() * 100 < split.percentTraffic;
    if (!toCanary) {
      this.check(this.stage.deploymentId, `stage ${this.stage.name}'s base (the ${100 - split.percentTraffic}% its canary leaves)`);
      return this.stage;
    }
    this.check(split.deploymentId ?? this.stage.deploymentId, `stage ${this.stage.name}'s canary`);
    return { ...this.stage, variables: { ...this.stage.variables, ...split.variableOverrides } };
  }

  private check(deploymentId: string | undefined, side: string): void {
    if (this.currentDeployment === undefined || deploymentId === undefined || deploymentId === this.currentDeployment) return;
    throw new Error(`LocalGateway: ${side} serves deployment ${deploymentId}, an earlier definition than the template's `
      + `(${this.currentDeployment}), which the local gateway cannot run; send the request to the side that serves the template's definition`
      + (this.stage.canary ? ' (the canary option of the request)' : ''));
  }
}
