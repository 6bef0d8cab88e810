import * as fs from 'fs';
import * as path from 'path';
import { TemplateJson, resolveIntrinsics } from './intrinsics';

const IMPORT_TYPE = 'Custom::GatewayApiDefinition';

/**
 * The definition of a REST API that GatewayApi imports from S3 at deploy time (a definition too
 * large for the template): the file asset the import reads, from the cloud assembly's directory,
 * with the import's substitutions (`"@@CFN:N@@"`, values the template resolves) put back.
 * Undefined when no import targets the API.
 */
export function importedDefinition(template: TemplateJson, apiLogicalId: string, assemblyDirectory: string | undefined): unknown {
  const resources = template.Resources ?? {};
  const imported = Object.values(resources).find(r => r.Type === IMPORT_TYPE
    && (r.Properties?.RestApiId as { Ref?: string } | undefined)?.Ref === apiLogicalId);
  if (!imported) return undefined;
  const key = String(imported.Properties?.Key);
  if (assemblyDirectory === undefined) {
    throw new Error(`LocalGateway: ${apiLogicalId}'s definition is imported from S3 (${key}); give the cloud assembly's directory `
      + '(the assemblyDirectory option, e.g. cdk.out) to read it from its asset');
  }
  const file = path.join(assemblyDirectory, `asset.${key}`);
  if (!fs.existsSync(file)) throw new Error(`LocalGateway: ${apiLogicalId}'s definition asset ${file} is not there; synthesize the app again`);
  let text = fs.readFileSync(file, 'utf-8');
  const substitutions = resolveIntrinsics(imported.Properties?.Substitutions ?? {}, template) as { [index: string]: unknown };
  for (const [index, value] of Object.entries(substitutions)) {
    text = text.split(JSON.stringify(`@@CFN:${index}@@`)).join(JSON.stringify(value));
  }
  return JSON.parse(text);
}
