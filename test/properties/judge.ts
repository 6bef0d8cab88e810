import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * What the engines say of one synthesized app, a line per finding naming the rule, its severity
 * and the resource, sorted so that a property can compare it with what it expects.
 */
export interface Judgement {
  /** The CloudFormation Validate engine aws-cdk-lib bundles (cfn-lint's rules), warnings included. */
  readonly cloudFormationValidate: string[];
  /** The library's own policy validation at synth, as its report holds it: unacknowledged findings only. */
  readonly policyValidator: string[];
  /** Error annotations, which make `cdk synth` fail. */
  readonly annotationErrors: string[];
}

/** The engine, made once: building it costs more than a validation. */
let engine: any;
let TemplateContent: any;

function cloudFormationValidate(): { engine: any; TemplateContent: any } {
  if (!engine) {
    const enginePath = require.resolve('@aws/cloudformation-validate', { paths: [path.dirname(require.resolve('aws-cdk-lib/package.json'))] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(enginePath);
    engine = new module.CompositeEngine();
    TemplateContent = module.TemplateContent;
  }
  return { engine, TemplateContent };
}

/** Where the runs of a test file write, so that runs that fail before `judge` leave nothing behind. */
let scratch: string | undefined;

/** A new directory for a run's files, removed by `cleanUp`. */
export function scratchDirectory(): string {
  scratch ??= fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-api-properties-'));
  return fs.mkdtempSync(path.join(scratch, 'run-'));
}

/** Frees the engine's memory and removes the runs' files; call from `afterAll`. */
export function cleanUp(): void {
  engine?.free();
  engine = undefined;
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

/**
 * A fresh app for one run, writing to its own directory. CDK's own run of the CloudFormation
 * Validate engine is off: `judge` runs the same engine itself, with one instance for all runs.
 */
export function newApp(context: { [key: string]: unknown } = {}): App {
  return new App({
    outdir: scratchDirectory(),
    builtinCloudFormationValidation: false,
    context: { '@aws-cdk/core:validateAgainstDefaultRules': false, ...context },
  });
}

/**
 * Synthesizes the app (a policy error throws here, as it fails `cdk synth`) and runs the
 * engines over every stack's template. The app's output directory is removed afterwards.
 *
 * `backends` are the constructs a run made for its API to call: their CloudFormation Validate
 * errors count, their warnings are aws-cdk-lib's (W3005 on every Lambda role) and do not.
 * `inspect` sees each stack's template before the output directory goes.
 */
export function judge(app: App, backends: readonly IConstruct[] = [], inspect?: (templates: { [stackName: string]: any }) => void): Judgement {
  try {
    const foreign = new Set(backends.flatMap(logicalIdsUnder));
    const assembly = app.synth();
    inspect?.(Object.fromEntries(assembly.stacks.map(stack => [stack.stackName, stack.template])));
    const { engine: cfn, TemplateContent: Content } = cloudFormationValidate();
    const cloudFormation: string[] = [];
    const annotationErrors: string[] = [];
    for (const stack of assembly.stacks) {
      const report = cfn.validateTemplate(new Content(JSON.stringify(stack.template), `${stack.stackName}.json`), {
        detailLevel: 'STANDARD', severityLevel: 'WARN',
      });
      const counted = report.diagnostics.filter((d: any) => d.ruleId.startsWith('E') || !foreign.has(d.entity?.logicalId));
      for (const d of counted) cloudFormation.push(`${d.ruleId} ${d.severity} ${d.entity?.logicalId ?? '-'}: ${d.message}`);
      for (const message of stack.messages) {
        if (message.level === 'error') annotationErrors.push(`${message.id}: ${message.entry.data}`);
      }
    }
    return { cloudFormationValidate: cloudFormation.sort(), policyValidator: policyFindings(app.outdir), annotationErrors: annotationErrors.sort() };
  } finally {
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

/** The unacknowledged findings of the validation report, if synthesis wrote one. */
function policyFindings(outdir: string): string[] {
  const file = path.join(outdir, 'validation-report.json');
  if (!fs.existsSync(file)) return [];
  const report = JSON.parse(fs.readFileSync(file, 'utf-8'));
  return report.pluginReports.flatMap((plugin: any) => (plugin.violations ?? []).flatMap((violation: any) =>
    violation.violatingConstructs.map((c: any) => `${violation.ruleName} ${violation.severity} ${c.constructPath}`),
  )).sort();
}

/** The logical ids of the CloudFormation elements in a construct's subtree. */
function logicalIdsUnder(construct: IConstruct): string[] {
  return construct.node.findAll().filter(CfnElement.isCfnElement).map(element => Stack.of(element).resolve(element.logicalId));
}
