import * as path from 'path';
import { IConstruct } from 'constructs';

/** App context: where the release file is, relative to the working directory of `cdk synth`. */
export const RELEASE_FILE_CONTEXT = 'cdk-gateway-api:releaseFile';
/** App context: whether synthesis writes the release file (`true` or `false`). */
export const RECORD_RELEASES_CONTEXT = 'cdk-gateway-api:recordReleases';
export const DEFAULT_RELEASE_FILE = 'gateway-api.releases.json';

/** Where the release file is, and whether this synthesis writes it. */
export interface ReleaseFileLocation {
  readonly file: string;
  readonly record: boolean;
}

/**
 * The release file is written when the CDK CLI runs the app (it sets CDK_OUTDIR), so that
 * `cdk synth` and `cdk deploy` record what the template serves, while unit tests that
 * synthesize the same stacks only read it. The context settings override both.
 */
export function releaseFileLocation(scope: IConstruct): ReleaseFileLocation {
  const file = scope.node.tryGetContext(RELEASE_FILE_CONTEXT) ?? DEFAULT_RELEASE_FILE;
  const record = scope.node.tryGetContext(RECORD_RELEASES_CONTEXT);
  return {
    file: path.resolve(String(file)),
    record: record === undefined ? process.env.CDK_OUTDIR !== undefined : String(record) === 'true',
  };
}
