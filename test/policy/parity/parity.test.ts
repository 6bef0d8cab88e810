import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CORPUS } from './corpus';
import {
  Verdicts, controlTowerRulesDir, ensurePythonEngines, runCdkNag, runCfnGuard, runCfnLint, runCheckov, runCloudFormationValidate,
} from './engines';
import { exportGuardRules, guardRuleName } from '../../../src/policy/guard-export';
import { CfnLintEngine } from '../../../src/policy/rule';
import { RULES } from '../../../src/policy/rules';
import { TemplateIndex } from '../../../src/policy/template/template-index';

/**
 * The parity suite: the corpus goes through the real engines and through the validator; for
 * every engine rule a validator rule mirrors, the failing (template, logical id) pairs must be
 * identical. Any disagreement fails.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-'));
const files = Object.entries(CORPUS).map(([name, template]) => {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(template, undefined, 1));
  return file;
});

/** The validator's verdicts, per engine rule id it mirrors (or, with `byRuleId`, per its own id). */
function validatorVerdicts(byRuleId = false): Verdicts {
  const verdicts: Verdicts = new Map();
  for (const [name, template] of Object.entries(CORPUS)) {
    const index = TemplateIndex.of(JSON.parse(JSON.stringify(template)));
    for (const rule of RULES) {
      for (const violation of rule.check(index)) {
        for (const id of byRuleId ? [rule.id] : rule.mirrors) {
          const set = verdicts.get(id) ?? new Set<string>();
          set.add(`${name}/${violation.logicalId}`);
          verdicts.set(id, set);
        }
      }
    }
  }
  return verdicts;
}

function mirroredIds(matches: (id: string) => boolean): string[] {
  return [...new Set(RULES.flatMap(rule => rule.mirrors).filter(matches))].sort();
}

function sorted(verdicts: Verdicts, id: string): string[] {
  return [...(verdicts.get(id) ?? [])].sort();
}

const mine = validatorVerdicts();
const isNag = (id: string) => /^(AwsSolutions|HIPAA\.Security|NIST\.800\.53\.R[45]|PCI\.DSS\.321|Serverless)-/.test(id);
const isCfnLint = (id: string) => /^[EW]\d{4}$/.test(id);

/** The engine a cfn-lint id's rules follow where python cfn-lint and the bundled engine disagree (`Rule.follows`). */
function followed(id: string): CfnLintEngine | undefined {
  return RULES.find(rule => rule.follows?.[id])?.follows?.[id].engine;
}

/**
 * Parity with one of the two cfn-lint engines: equal verdicts on every id the rules follow it
 * on (or follow both on); on an id they follow the other engine on, this one must still
 * disagree, or the recorded divergence is stale.
 */
function cfnLintParity(engine: CfnLintEngine, verdicts: () => Verdicts): void {
  test.each(mirroredIds(isCfnLint))(`parity with ${engine} %s`, id => {
    const other = followed(id);
    if (other === undefined || other === engine) expect(sorted(mine, id)).toEqual(sorted(verdicts(), id));
    else expect(sorted(mine, id)).not.toEqual(sorted(verdicts(), id));
  });
}

describe('parity with cdk-nag (six packs, through CfnInclude)', () => {
  const nag = runCdkNag(files);
  test.each(mirroredIds(isNag))('%s', id => expect(sorted(mine, id)).toEqual(sorted(nag, id)));
});

describe('parity with the Control Tower controls (cfn-guard)', () => {
  const guard = runCfnGuard(files, [controlTowerRulesDir()]);
  test.each(mirroredIds(id => id.startsWith('CT.')))('%s', id => expect(sorted(mine, id)).toEqual(sorted(guard, id)));
});

describe('parity with cfn-lint\'s rules as CloudFormation Validate runs them', () => {
  const validate = runCloudFormationValidate(files);
  cfnLintParity('CloudFormation Validate', () => validate);
});

/**
 * The AWS Guard Rules Registry is published on GitHub only, which CI cannot reach: set
 * GUARD_RULES_REGISTRY_DIR to a checkout's rules/aws/amazon_apigateway (or any directory of its
 * API Gateway .guard files) to include it.
 */
const registryDir = process.env.GUARD_RULES_REGISTRY_DIR;
(registryDir ? describe : describe.skip)('parity with the AWS Guard Rules Registry (cfn-guard)', () => {
  const registry = registryDir ? runCfnGuard(files, [registryDir]) : new Map();
  test.each(mirroredIds(id => id.startsWith('API_GW')))('%s', id => expect(sorted(mine, id)).toEqual(sorted(registry, id)));
});

describe('Python engines (checkov, cfn-lint)', () => {
  let checkov: Verdicts;
  let cfnLint: Verdicts;
  beforeAll(() => {
    ensurePythonEngines();
    checkov = runCheckov(files, mirroredIds(id => id.startsWith('CKV')));
    cfnLint = runCfnLint(files);
  }, 600_000);

  test.each(mirroredIds(id => id.startsWith('CKV')))('parity with checkov %s', id => {
    expect(sorted(mine, id)).toEqual(sorted(checkov, id));
  });

  cfnLintParity('cfn-lint', () => cfnLint);
});

describe('exported Guard rules reach the TypeScript rules\' verdicts', () => {
  const exported = RULES.filter(rule => rule.guard);
  const guardDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-export-'));
  const written = exportGuardRules(guardDir);
  const byName = new Map(exported.map(rule => [guardRuleName(rule), rule.id]));
  const guard = runCfnGuard(files, written, name => byName.get(name) ?? name);
  const own = validatorVerdicts(true);

  test('every rule with Guard text is exported', () => {
    expect(written.map(f => path.basename(f, '.guard')).sort()).toEqual(exported.map(r => r.id).sort());
  });
  test.each(exported.map(rule => rule.id))('%s', id => expect(sorted(guard, id)).toEqual(sorted(own, id)));
});
