import * as fc from 'fast-check';

/**
 * How long a property runs: `ciRuns` random configurations, scaled by PROPERTY_SCALE (1 unless
 * given: `PROPERTY_SCALE=0.1` for a quick look, `10` to explore longer), from PROPERTY_SEED if
 * given to replay a failure (fast-check prints the seed and the shrunk configuration of every
 * failure). They run in `npm run test:properties`, which CI runs; `npm test` leaves them out.
 */
export function runs(ciRuns: number): fc.Parameters<unknown> {
  const scale = Number(process.env.PROPERTY_SCALE ?? 1);
  const seed = process.env.PROPERTY_SEED;
  return { numRuns: Math.max(1, Math.round(ciRuns * scale)), seed: seed === undefined ? undefined : Number(seed) };
}

/** The runs of each property in CI: more than 1,000 configurations in all. */
export const CI_RUNS = { rest: 700, http: 200, webSocket: 150, releases: 60 };
