import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, cloudformation_include as cfninc } from 'aws-cdk-lib';
import * as nag from 'cdk-nag';
import { CONTROL_TOWER_GUARD_RULES } from '../../../src/policy/engine-acknowledgments';

/**
 * The real policy engines, run over a directory of templates. Each returns, per engine rule id,
 * the failing `template/logicalId` pairs.
 */
export type Verdicts = Map<string, Set<string>>;

const ROOT = path.join(__dirname, '..', '..', '..');

function add(verdicts: Verdicts, ruleId: string, template: string, logicalId: string): void {
  const set = verdicts.get(ruleId) ?? new Set<string>();
  set.add(`${template}/${logicalId}`);
  verdicts.set(ruleId, set);
}

function templateName(file: string): string {
  return path.basename(file, '.json');
}

/** cdk-nag's six packs, over each template imported with CfnInclude (cdk-nag judges L1 constructs). */
export function runCdkNag(files: string[]): Verdicts {
  const verdicts: Verdicts = new Map();
  for (const file of files) {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'nag-')), builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Corpus');
    new cfninc.CfnInclude(stack, 'T', { templateFile: file });
    app.synth();
    const packs = [
      new nag.AwsSolutionsChecks(), new nag.HIPAASecurityChecks(), new nag.NIST80053R4Checks(),
      new nag.NIST80053R5Checks(), new nag.PCIDSS321Checks(), new nag.ServerlessChecks(),
    ];
    for (const pack of packs) {
      for (const violation of pack.validateScope(app).violations) {
        for (const resource of violation.violatingResources) {
          add(verdicts, violation.ruleName, templateName(file), resource.constructPath!.split('/').pop()!);
        }
      }
    }
  }
  return verdicts;
}

/** The CloudFormation Validate engine aws-cdk-lib bundles (cfn-lint's rules), as CDK configures it. */
export function runCloudFormationValidate(files: string[]): Verdicts {
  const enginePath = require.resolve('@aws/cloudformation-validate', { paths: [path.dirname(require.resolve('aws-cdk-lib/package.json'))] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CompositeEngine, TemplateContent } = require(enginePath);
  const engine = new CompositeEngine();
  const verdicts: Verdicts = new Map();
  try {
    for (const file of files) {
      const report = engine.validateTemplate(new TemplateContent(fs.readFileSync(file, 'utf-8'), file), {
        detailLevel: 'STANDARD', severityLevel: 'WARN',
      });
      for (const d of report.diagnostics) {
        if (d.entity?.logicalId) add(verdicts, d.ruleId, templateName(file), d.entity.logicalId);
      }
    }
  } finally {
    engine.free();
  }
  return verdicts;
}

/** The Control Tower control a guard rule name stands for. */
const CONTROL_TOWER_RULES: { readonly [guardRule: string]: string } = Object.fromEntries(
  Object.entries(CONTROL_TOWER_GUARD_RULES).map(([control, guardRule]) => [guardRule, control]),
);

/** The cfn-guard binary that @cdklabs/cdk-validator-cfnguard ships for this machine. */
export function cfnGuardBinary(): string {
  const packageDir = path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'));
  const arch = os.arch() === 'arm64' ? 'aarch64' : 'x86_64';
  const platform = os.platform() === 'darwin' ? 'macos' : 'ubuntu';
  return path.join(packageDir, 'bin', platform, arch, 'cfn-guard');
}

export function controlTowerRulesDir(): string {
  return path.join(path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json')), 'rules', 'control-tower', 'cfn-guard', 'apigateway');
}

/**
 * cfn-guard over the templates with the given rule files. Findings are mapped to engine ids
 * with `ruleIdOf` (a guard rule name to the id its mirrors use) and attributed to the API
 * Gateway resources the failing checks traversed.
 */
export function runCfnGuard(files: string[], rules: string[], ruleIdOf: (guardRule: string) => string = n => CONTROL_TOWER_RULES[n] ?? n): Verdicts {
  const args = ['validate', ...rules.flatMap(r => ['-r', r]), ...files.flatMap(f => ['-d', f]),
    '--output-format', 'json', '--show-summary', 'none', '--structured'];
  let output: string;
  try {
    output = execFileSync(cfnGuardBinary(), args, { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  } catch (e: any) {
    if (e.status !== 19) throw new Error(`cfn-guard failed (${e.status}): ${e.stderr}`);
    output = e.stdout;
  }
  const verdicts: Verdicts = new Map();
  for (const report of JSON.parse(output)) {
    const template = JSON.parse(fs.readFileSync(report.name, 'utf-8'));
    for (const failure of report.not_compliant ?? []) {
      for (const logicalId of traversedResources(failure, template)) {
        add(verdicts, ruleIdOf(failure.Rule.name), templateName(report.name), logicalId);
      }
    }
  }
  return verdicts;
}

/** API Gateway resources named by `/Resources/<id>/...` paths in a failure's checks. */
function traversedResources(failure: unknown, template: any): Set<string> {
  const ids = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'path' && typeof value === 'string' && value.startsWith('/Resources/')) {
        const id = value.split('/')[2];
        if (String(template.Resources?.[id]?.Type).startsWith('AWS::ApiGateway')) ids.add(id);
      } else {
        visit(value);
      }
    }
  };
  visit(failure);
  return ids;
}

/** checkov's CloudFormation checks (the given ones, or all of them), over every template at once. */
export function runCheckov(files: string[], checks: string[]): Verdicts {
  const dir = path.dirname(files[0]);
  let output: string;
  try {
    output = execFileSync(path.join(ROOT, '.venv', 'bin', 'checkov'), [
      '-d', dir, '--framework', 'cloudformation', ...(checks.length > 0 ? ['--check', checks.join(',')] : []),
      '-o', 'json', '--compact', '--quiet', '--skip-download', '--soft-fail',
    ], { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e: any) {
    throw new Error(`checkov failed (${e.status}): ${e.stdout}`);
  }
  const verdicts: Verdicts = new Map();
  const reports = ([] as any[]).concat(JSON.parse(output));
  for (const report of reports) {
    for (const failed of report.results?.failed_checks ?? []) {
      const logicalId = String(failed.resource).split('.').slice(1).join('.');
      add(verdicts, failed.check_id, templateName(failed.file_path), logicalId);
    }
  }
  return verdicts;
}

/** cfn-lint from PyPI, over every template at once. */
export function runCfnLint(files: string[]): Verdicts {
  let output: string;
  try {
    output = execFileSync(path.join(ROOT, '.venv', 'bin', 'cfn-lint'), ['--format', 'json', ...files],
      { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  } catch (e: any) {
    if (typeof e.stdout !== 'string' || !e.stdout.trim().startsWith('[')) throw new Error(`cfn-lint failed (${e.status}): ${e.stderr}`);
    output = e.stdout;
  }
  const verdicts: Verdicts = new Map();
  for (const match of JSON.parse(output)) {
    const location: string[] = match.Location?.Path ?? [];
    if (location[0] === 'Resources') add(verdicts, match.Rule.Id, templateName(match.Filename), location[1]);
  }
  return verdicts;
}

/** Installs checkov and cfn-lint (pinned) into .venv/ unless they are there. */
export function ensurePythonEngines(): void {
  execFileSync('bash', [path.join(ROOT, 'scripts', 'python-engines.sh')], { stdio: 'inherit' });
}
