import * as fs from 'fs';
import * as path from 'path';

/** A deployment a stage has served: its number in the release file and the hash of its definition. */
export interface RecordedDeployment {
  readonly number: number;
  readonly definition: string;
}

/** What a stage serves, by deployment number. */
export interface RecordedStage {
  readonly deployment: number;
  readonly canary?: number;
}

/** What the release file remembers of one API. */
export interface ApiReleaseState {
  /** The highest deployment number given so far; numbers are never reused. */
  readonly lastNumber: number;
  /** The deployments the template keeps, oldest first. */
  readonly deployments: RecordedDeployment[];
  /** What each stage serves, by stage name. */
  readonly stages: { [stageName: string]: RecordedStage };
}

/** The release file: one entry per API, by construct path. */
export interface ReleaseFile {
  readonly apis: { [apiPath: string]: ApiReleaseState };
}

/** How an API's state is written: deployments as a map from number to definition, which reads better. */
interface ApiReleaseEntry {
  readonly lastNumber: number;
  readonly deployments: { [number: string]: string };
  readonly stages: { [stageName: string]: RecordedStage };
}

const COMMENT = 'Written by cdk-gateway-api at synth: which deployment each stage of each API serves. '
  + 'Commit it with the change it belongs to. See the README, "Releases".';

/** Reads the release file; a missing file is an empty one. */
export function readReleaseFile(file: string): ReleaseFile {
  if (!fs.existsSync(file)) return { apis: {} };
  let parsed: any;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The release file ${file} is not valid JSON (${(error as Error).message}). Restore it from version control.`);
  }
  if (!parsed || typeof parsed.apis !== 'object') {
    throw new Error(`The release file ${file} has no "apis" object. Restore it from version control.`);
  }
  const apis: { [apiPath: string]: ApiReleaseState } = {};
  for (const [apiPath, entry] of Object.entries(parsed.apis as { [apiPath: string]: ApiReleaseEntry })) {
    apis[apiPath] = {
      lastNumber: entry.lastNumber,
      deployments: Object.entries(entry.deployments ?? {}).map(([n, definition]) => ({ number: Number(n), definition }))
        .sort((a, b) => a.number - b.number),
      stages: entry.stages ?? {},
    };
  }
  return { apis };
}

/**
 * Records one API's state in the release file, leaving the other APIs' entries as they are.
 * The file is rewritten only when its content changes, with sorted keys, so that it diffs well.
 */
export function recordApiState(file: string, apiPath: string, state: ApiReleaseState): void {
  const apis = { ...readReleaseFile(file).apis, [apiPath]: state };
  const entries = Object.fromEntries(Object.entries(apis).map(([p, api]): [string, ApiReleaseEntry] => [p, {
    lastNumber: api.lastNumber,
    deployments: Object.fromEntries(api.deployments.map(d => [String(d.number), d.definition])),
    stages: api.stages,
  }]));
  const text = JSON.stringify({ comment: COMMENT, apis: sortKeys(entries) }, undefined, 2) + '\n';
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map(k => [k, sortKeys((value as any)[k])]));
}
