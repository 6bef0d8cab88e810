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

  /**
   * Requests carrying this header go to the canary whatever the percentage: a stage named
   * `<stage>-canary` serves the canary's deployment, and each custom domain that maps the stage
   * routes those requests to it with a routing rule. With `percentTraffic: 0`, only they see
   * the new version. The stage and the rules go when the canary ends.
   *
   * @default - the percentage alone decides
   */
  readonly header?: CanaryHeaderOptions;
}

/** The header that sends a request to a stage's canary, through routing rules of the stage's custom domains. */
export interface CanaryHeaderOptions {
  /** The header's name, e.g. `X-Version`. */
  readonly name: string;

  /** The value, or a value glob with `*` at its start or end, that sends a request to the canary, e.g. `beta`. */
  readonly value: string;

  /**
   * The rule's priority on each domain (1 to 1,000,000; lower is tried first).
   *
   * @default - the domain's lowest free priority
   */
  readonly priority?: number;
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
