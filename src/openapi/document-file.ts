import * as fs from 'fs';
import * as path from 'path';
import { Stack, attachCustomSynthesis } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * Writes the API's client-facing OpenAPI document into the cloud assembly, next to the
 * templates, as `<stack artifact id>.<API path in the stack>.openapi.json`.
 */
export function writeDocumentAtSynth(api: Construct, document: () => unknown): void {
  const stack = Stack.of(api);
  attachCustomSynthesis(api, {
    onSynthesize: session => {
      const resolved = stack.resolve(document());
      fs.writeFileSync(path.join(session.outdir, documentFileName(api)), `${JSON.stringify(resolved, undefined, 2)}\n`);
    },
  });
}

/** The document's file name, e.g. `PetsStack.Api.openapi.json`. */
export function documentFileName(api: Construct): string {
  const stack = Stack.of(api);
  const inStack = api.node.scopes.slice(api.node.scopes.indexOf(stack) + 1).map(c => c.node.id).join('.');
  return `${stack.artifactId}.${inStack}.openapi.json`;
}
