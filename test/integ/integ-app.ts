import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';

/**
 * The app of one integration scenario: an example stack, with the example app's release file
 * read (never written), so the snapshot pins exactly what `npm run example` synthesizes.
 */
export function integApp(): App {
  return new App({
    context: {
      'cdk-gateway-api:releaseFile': path.join(__dirname, '..', '..', 'examples', 'gateway-api.releases.json'),
      'cdk-gateway-api:recordReleases': false,
      '@aws-cdk/core:validateAgainstDefaultRules': false,
    },
  });
}

/** Declares the scenario the integ-runner way, and synthesizes it. */
export function integTest(app: App, name: string, stack: Stack): void {
  new IntegTest(app, name, { testCases: [stack] });
  app.synth();
}
