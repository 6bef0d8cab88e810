import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/gateway-policy';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-policy-'));
function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const stage = (properties: object) => ({
  Resources: { Stage: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: 'a', DeploymentId: 'd', StageName: 'prod', ...properties } } },
});
const bad = write('bad.json', stage({ TracingEnabled: false }));
const clean = write('clean.json', { Resources: { Queue: { Type: 'AWS::SQS::Queue' } } });

function run(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, s => out.push(s), s => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('gateway-policy check', () => {
  test('exits 1 on an error finding, with the finding as JSON', () => {
    const { code, out } = run('check', '--format', 'json', bad);
    expect(code).toBe(1);
    const findings = JSON.parse(out).findings;
    expect(findings).toContainEqual(expect.objectContaining({
      ruleId: 'rest-stage-tracing', severity: 'error', logicalId: 'Stage', resourceType: 'AWS::ApiGateway::Stage', mirrors: ['CT.APIGATEWAY.PR.2'],
    }));
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(['fix', 'location', 'logicalId', 'message', 'mirrors', 'resourceType', 'ruleId', 'severity', 'template']);
  });

  test('exits 0 with no error finding', () => {
    expect(run('check', clean)).toEqual({ code: 0, out: '0 finding(s), 0 error(s), 0 acknowledged', err: '' });
  });

  test('exits 2 on unreadable input, saying which', () => {
    const notJson = write('template.yaml', 'Resources: {}');
    const result = run('check', clean, notJson);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`cannot read ${notJson}`);
    expect(run('check', path.join(dir, 'missing.json')).code).toBe(2);
  });

  test('rule sets and disabled rules choose what runs', () => {
    const checkovOnly = JSON.parse(run('check', '--format', 'json', '--rule-set', 'checkov', bad).out).findings.map((f: any) => f.ruleId);
    expect(checkovOnly).toContain('stage-tracing-enabled');
    expect(checkovOnly).not.toContain('rest-stage-tracing');
    const disabled = run('check', '--disable', 'rest-stage-tracing', '--disable', 'rest-execution-logging-all-methods',
      '--disable', 'stage-access-logging', '--disable', 'stage-execution-logging', '--disable', 'stage-waf', bad);
    expect(disabled.code).toBe(0);
  });

  test('bad options are usage errors', () => {
    expect(run('check', '--rule-set', 'nope', bad)).toMatchObject({ code: 2, err: expect.stringContaining('--rule-set: "nope" is not allowed. Allowed: AwsSolutions') });
    expect(run('frobnicate').code).toBe(2);
  });
});

describe('gateway-policy rules and export-guard', () => {
  test('rules --format json lists every rule with what it mirrors', () => {
    const rules = JSON.parse(run('rules', '--format', 'json').out).rules;
    expect(rules).toContainEqual(expect.objectContaining({ id: 'stage-execution-logging', mirrors: expect.arrayContaining(['AwsSolutions-APIG6']) }));
  });

  test('export-guard writes the Guard rules', () => {
    const out = path.join(dir, 'guard');
    const { code, out: listing } = run('export-guard', out);
    expect(code).toBe(0);
    expect(listing.split('\n')).toContain(path.join(out, 'rest-stage-tracing.guard'));
    expect(fs.readFileSync(path.join(out, 'rest-stage-tracing.guard'), 'utf-8')).toContain('rule rest_stage_tracing');
  });

  test('runs as a program, with its exit code', () => {
    const source = path.join(__dirname, '..', '..', 'src', 'cli', 'gateway-policy.ts');
    let code = 0;
    try {
      execFileSync('node', ['-r', 'ts-node/register/transpile-only', source, 'check', bad], { stdio: 'pipe' });
    } catch (e: any) {
      code = e.status;
    }
    expect(code).toBe(1);
  });
});
