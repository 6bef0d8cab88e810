import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayApiProps, Integration, Release } from '../../src';
import { RECORD_RELEASES_CONTEXT, RELEASE_FILE_CONTEXT } from '../../src/release/release-location';

const v1 = { 'GET /pets': { integration: Integration.mock() } };
const v2 = { ...v1, 'GET /pets/{petId}': { integration: Integration.mock() } };

interface Step {
  readonly template: any;
  readonly stack: Stack;
  readonly api: GatewayApi;
  /** The logical ids of the stage and the API, which no step may change. */
  readonly stageId: string;
  readonly apiId: string;
  readonly stage: any;
}

/** One `cdk synth` of the same app with other props, recording into `file` as the CLI would. */
function synthStep(file: string, props: GatewayApiProps): Step {
  const app = new App({
    context: { '@aws-cdk/core:validateAgainstDefaultRules': false, [RELEASE_FILE_CONTEXT]: file, [RECORD_RELEASES_CONTEXT]: true },
  });
  const stack = new Stack(app, 'Test');
  const api = new GatewayApi(stack, 'Api', props);
  const template = Template.fromStack(stack).toJSON();
  const stageId = stack.getLogicalId(api.defaultStage.stage);
  return { template, stack, api, stageId, apiId: stack.getLogicalId(api.restApi), stage: template.Resources[stageId] };
}

function newReleaseFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-api-releases-')), 'releases.json');
}

const deploymentIds = (step: Step) => Object.keys(step.template.Resources)
  .filter(id => step.template.Resources[id].Type === 'AWS::ApiGateway::Deployment').sort();

/** Every difference between two templates' resources, as `LogicalId.Path.To.Value` (added or removed: `LogicalId`). */
function changes(before: Step, after: Step): string[] {
  const out: string[] = [];
  const walk = (a: any, b: any, at: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    const objects = a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b);
    if (!objects) { out.push(at); return; }
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], `${at}.${key}`);
  };
  const ids = new Set([...Object.keys(before.template.Resources), ...Object.keys(after.template.Resources)]);
  for (const id of ids) {
    const [a, b] = [before.template.Resources[id], after.template.Resources[id]];
    if (!a || !b) out.push(a ? `-${id}` : `+${id}`);
    else walk(a, b, id);
  }
  return out.sort();
}

/** Neither the stage nor the API is replaced: same logical ids, same stage name, same API. */
function expectNothingReplaced(before: Step, after: Step): void {
  expect(after.stageId).toBe(before.stageId);
  expect(after.apiId).toBe(before.apiId);
  expect(after.stage.Properties.StageName).toBe(before.stage.Properties.StageName);
  expect(after.stage.Properties.RestApiId).toEqual(before.stage.Properties.RestApiId);
}

describe('a canary release, driven by props alone', () => {
  test('start, shift, promote: each step a minimal diff, and the canary really goes', () => {
    const file = newReleaseFile();
    const live = synthStep(file, { routes: v1 });
    const [d1] = deploymentIds(live);
    expect(live.stage.Properties.DeploymentId).toEqual({ Ref: d1 });

    // Start: the new version goes to the canary; the base keeps serving deployment 1.
    const start = synthStep(file, {
      routes: v2,
      stages: [{ release: Release.canary({ percentTraffic: 10, stageVariableOverrides: { color: 'green' }, useStageCache: false }) }],
    });
    const d2 = deploymentIds(start).find(id => id !== d1)!;
    expect(deploymentIds(start)).toEqual([d1, d2].sort());
    expect(start.stage.Properties.DeploymentId).toEqual({ Ref: d1 });
    expect(start.stage.Properties.CanarySetting).toEqual({
      DeploymentId: { Ref: d2 }, PercentTraffic: 10, StageVariableOverrides: { color: 'green' }, UseStageCache: false,
    });
    expect(changes(live, start)).toEqual([`+${d2}`, `${live.apiId}.Properties.Body.paths./pets/{petId}`, `${live.stageId}.Properties.CanarySetting`].sort());
    expectNothingReplaced(live, start);

    // Shift: only the percentage changes.
    const shift = synthStep(file, {
      routes: v2,
      stages: [{ release: Release.canary({ percentTraffic: 50, stageVariableOverrides: { color: 'green' } }) }],
    });
    expect(changes(start, shift)).toEqual([`${live.stageId}.Properties.CanarySetting.PercentTraffic`]);

    // Promote: the base moves to the canary's deployment, the canary leaves the template, and
    // a custom resource removes it from the stage after CloudFormation's update.
    const promote = synthStep(file, { routes: v2, stages: [{ release: Release.promote() }] });
    expect(promote.stage.Properties.DeploymentId).toEqual({ Ref: d2 });
    expect(promote.stage.Properties.CanarySetting).toBeUndefined();
    const removal = Template.fromJSON(promote.template).findResources('Custom::GatewayApiCanaryRemoval');
    expect(Object.values(removal)).toEqual([expect.objectContaining({
      Properties: expect.objectContaining({
        RestApiId: { Ref: live.apiId }, StageName: { Ref: live.stageId }, Deployment: { Ref: d2 },
      }),
    })]);
    const diff = changes(shift, promote);
    expect(diff).toEqual(expect.arrayContaining([
      `${live.stageId}.Properties.CanarySetting`, `${live.stageId}.Properties.DeploymentId.Ref`, `+${Object.keys(removal)[0]}`,
    ]));
    // Beyond those, only the stack's one remover function and its role, policy and log group arrive.
    expect(diff.filter(c => !c.startsWith(live.stageId) && !c.startsWith(`+${Object.keys(removal)[0]}`)))
      .toEqual(expect.arrayContaining([expect.stringMatching(/^\+GatewayApiCanaryRemover/)]));
    expect(diff.filter(c => !c.startsWith(live.stageId) && !c.includes('CanaryRemov'))).toEqual([]);
    expectNothingReplaced(live, promote);

    // `cdk deploy` synthesizes again: nothing changes.
    expect(changes(promote, synthStep(file, { routes: v2, stages: [{ release: Release.promote() }] }))).toEqual([]);
    // Back to following the definition: the remover leaves, the stage keeps deployment 2.
    const following = synthStep(file, { routes: v2 });
    expect(following.stage.Properties.DeploymentId).toEqual({ Ref: d2 });
    expect(changes(promote, following).every(c => c.startsWith('-'))).toBe(true);
  });

  test('start, rollback: the canary goes and the base is untouched', () => {
    const file = newReleaseFile();
    const live = synthStep(file, { routes: v1 });
    const [d1] = deploymentIds(live);
    const start = synthStep(file, { routes: v2, stages: [{ release: Release.canary({ percentTraffic: 25 }) }] });
    const rollback = synthStep(file, { routes: v2, stages: [{ release: Release.rollback() }] });
    expect(rollback.stage.Properties.DeploymentId).toEqual({ Ref: d1 });
    expect(rollback.stage.Properties.CanarySetting).toBeUndefined();
    const diff = changes(start, rollback);
    expect(diff).not.toContain(`${live.stageId}.Properties.DeploymentId.Ref`);
    expect(diff).toContain(`${live.stageId}.Properties.CanarySetting`);
    expect(diff.filter(c => !c.includes('CanaryRemov') && c !== `${live.stageId}.Properties.CanarySetting`)).toEqual([]);
    Template.fromJSON(rollback.template).hasResourceProperties('Custom::GatewayApiCanaryRemoval', { Deployment: { Ref: d1 } });
    expectNothingReplaced(live, rollback);
  });

  test('one remover per stack, allowed to read and patch only the stages that end a canary', () => {
    const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
    const stack = new Stack(app, 'Test');
    new GatewayApi(stack, 'A', { routes: v1, stages: [{ release: Release.promote() }, { stageName: 'dev' }] });
    new GatewayApi(stack, 'B', { routes: v1, stages: [{ release: Release.rollback() }] });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('Custom::GatewayApiCanaryRemoval', 2);
    const policy = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
      .find((p: any) => /canary remover/.test(p.Properties.Description)) as any;
    const stageArns = policy.Properties.PolicyDocument.Statement
      .filter((st: any) => JSON.stringify(st.Action) === JSON.stringify(['apigateway:GET', 'apigateway:PATCH']))
      .map((st: any) => JSON.stringify(st.Resource));
    expect(stageArns).toHaveLength(2);
    expect(stageArns.join()).toMatch(/\/stages\/",\{"Ref":"AStageprod[\s\S]*\/stages\/",\{"Ref":"BStageprod/);
    expect(stageArns.join()).not.toMatch(/Stagedev/);
    template.hasResource('Custom::GatewayApiCanaryRemoval', { DependsOn: [Match.stringLikeRegexp('^GatewayApiCanaryRemoverPolicy')] });
  });

  test('removing the canary without promote or rollback is refused at synth', () => {
    const file = newReleaseFile();
    synthStep(file, { routes: v1 });
    synthStep(file, { routes: v2, stages: [{ release: Release.canary({ percentTraffic: 25 }) }] });
    expect(() => synthStep(file, { routes: v2 })).toThrow(
      /\[Test\/Api\/Stage\.prod\] stages\[0\]\.release: "Release\.latest\(\)" is not allowed\. Allowed: Release\.promote\(\) or Release\.rollback\(\)/);
  });

  test('a stage can be pinned back to an earlier deployment the history keeps', () => {
    const file = newReleaseFile();
    const first = synthStep(file, { routes: v1 });
    const [d1] = deploymentIds(first);
    const second = synthStep(file, { routes: v2 });
    expect(deploymentIds(second)).toContain(d1);
    const pinned = synthStep(file, { routes: v2, stages: [{ release: Release.pin(1) }] });
    expect(pinned.stage.Properties.DeploymentId).toEqual({ Ref: d1 });
    expect(() => synthStep(file, { routes: v2, stages: [{ release: Release.pin(7) }] }))
      .toThrow(/stages\[0\]\.release: 7 is not allowed\. Allowed: a deployment the template still keeps: 1, 2/);
    const history = JSON.parse(fs.readFileSync(file, 'utf8')).apis['Test/Api'];
    expect(history.stages).toEqual({ prod: { deployment: 1 } });
  });

  test('the release file is only read unless the CLI runs the app or the context says to record', () => {
    const file = newReleaseFile();
    const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false, [RELEASE_FILE_CONTEXT]: file } });
    const stack = new Stack(app, 'Test');
    new GatewayApi(stack, 'Api', { routes: v1 });
    const outdir = process.env.CDK_OUTDIR;
    delete process.env.CDK_OUTDIR;
    try {
      Template.fromStack(stack);
    } finally {
      if (outdir !== undefined) process.env.CDK_OUTDIR = outdir;
    }
    expect(fs.existsSync(file)).toBe(false);
  });

  test('the release file is sorted JSON that names its purpose', () => {
    const file = newReleaseFile();
    synthStep(file, { routes: v1, stages: [{ stageName: 'prod' }, { stageName: 'dev' }] });
    const recorded = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(recorded.comment).toMatch(/Commit it/);
    expect(recorded.apis['Test/Api'].stages).toEqual({ dev: { deployment: 1 }, prod: { deployment: 1 } });
    expect(Object.keys(recorded.apis['Test/Api'].stages)).toEqual(['dev', 'prod']);
  });

  test('a canary whose base is unknown warns that both serve the current definition', () => {
    const step = synthStep(newReleaseFile(), { routes: v1, stages: [{ release: Release.canary({ percentTraffic: 5 }) }] });
    Annotations.fromStack(step.stack).hasWarning('/Test/Api', Match.stringLikeRegexp("stage 'prod': no deployment of it is recorded"));
  });

  test.each([
    [Release.canary({ percentTraffic: 101 }), /stages\[0\]\.release\.percentTraffic: 101 is not allowed\. Allowed: a number from 0 to 100/],
    [Release.canary({ percentTraffic: 5, stageVariableOverrides: { 'bad-name': 'x' } }), /stages\[0\]\.release\.stageVariableOverrides key: "bad-name"/],
    [Release.pin(0), /stages\[0\]\.release\.deployment: 0 is not allowed\. Allowed: a whole number from 1/],
  ])('rejects %j', (release, message) => {
    expect(() => synthStep(newReleaseFile(), { routes: v1, stages: [{ release }] })).toThrow(message);
  });
});
