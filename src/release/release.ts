/** How a stage's traffic is split while a new version is tried out. */
export interface CanaryOptions {
  /**
   * The share of the stage's requests the canary serves, 0 to 100 (fractions allowed, e.g. 0.5).
   */
  readonly percentTraffic: number;

  /**
   * Stage variables that take other values for requests the canary serves.
   * Names: letters, digits and underscores.
   *
   * @default - the stage's variables unchanged
   */
  readonly stageVariableOverrides?: { [name: string]: string };

  /**
   * Whether the canary answers from the stage's cache. Off, the canary's responses are never
   * cached, so it always exercises the new version.
   *
   * @default false
   */
  readonly useStageCache?: boolean;
}

/** The kinds of release; `Release` is how a stage chooses one. */
export enum ReleaseKind {
  /** The stage serves the current definition. */
  LATEST = 'LATEST',
  /** The canary serves the current definition; the base keeps the deployment it served. */
  CANARY = 'CANARY',
  /** The base moves to the canary's deployment and the canary is removed. */
  PROMOTE = 'PROMOTE',
  /** The canary is removed; the base keeps the deployment it served. */
  ROLLBACK = 'ROLLBACK',
  /** The stage serves an earlier deployment from the history; a canary is removed. */
  PIN = 'PIN',
}

/**
 * Which deployment a stage serves. Each step of a release is a change of this prop and a new
 * `cdk synth`; the library remembers what each stage served in the release file (see README,
 * "Releases"), so nobody copies deployment ids around.
 *
 * ```ts
 * // Start the canary (later, change the percentage to shift traffic):
 * new GatewayApi(this, 'Api', { routes, stages: [{ stageName: 'prod', release: Release.canary({ percentTraffic: 10 }) }] });
 * // Then, in a later synth, end it with Release.promote() (or Release.rollback()):
 * //   stages: [{ stageName: 'prod', release: Release.promote() }]
 * ```
 */
export class Release {
  /** The stage serves the current definition, redeployed whenever it changes. The default. */
  public static latest(): Release {
    return new Release(ReleaseKind.LATEST);
  }

  /**
   * The current definition goes to a canary taking `percentTraffic` of the requests, while
   * the base keeps serving the deployment the stage served before the canary started.
   * Change the percentage to shift traffic; end with `promote()` or `rollback()`.
   */
  public static canary(options: CanaryOptions): Release {
    return new Release(ReleaseKind.CANARY, options);
  }

  /**
   * The base moves to the canary's deployment and the canary is removed from the stage. The
   * stage then holds that deployment; `latest()` makes it follow the definition again.
   */
  public static promote(): Release {
    return new Release(ReleaseKind.PROMOTE);
  }

  /**
   * The canary is removed from the stage and the base keeps serving what it served. The stage
   * then holds that deployment; `latest()` makes it follow the definition again.
   */
  public static rollback(): Release {
    return new Release(ReleaseKind.ROLLBACK);
  }

  /**
   * The stage serves deployment `deployment` (its number in the release file), one still kept
   * in the template's history; a canary is removed.
   *
   * @param deployment the deployment's number in the release file
   */
  public static pin(deployment: number): Release {
    return new Release(ReleaseKind.PIN, undefined, deployment);
  }

  private constructor(
    /** Which kind of release. */
    public readonly kind: ReleaseKind,
    /** The canary's settings, for `CANARY`. */
    public readonly canaryOptions?: CanaryOptions,
    /** The pinned deployment's number, for `PIN`. */
    public readonly deploymentNumber?: number,
  ) {}
}
