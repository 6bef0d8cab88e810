import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { Construct } from 'constructs';
import { Verdicts, ensurePythonEngines, runCfnLint, runCheckov, runCloudFormationValidate } from './parity/engines';
import { GatewayApi, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, WebSocketIntegration } from '../../src';

interface DefaultApp {
  readonly name: string;
  readonly template: string;
  /** What the CDK plugins reported and did not see acknowledged, as `plugin::rule logicalId`. */
  readonly plugins: string[];
}

/**
 * An app of default APIs as README's examples write them, in front of a function and a queue of
 * the user's. `acknowledge` makes README's two acknowledgments; `account` binds the stack.
 */
function synthDefaults(name: string, dir: string, options: { account?: string; acknowledge?: boolean }): DefaultApp {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'defaults-'));
  const app = new App({ outdir, policyValidationBeta1: [new CfnGuardValidator()] });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  const stack = new Stack(app, 'Defaults', { env: options.account ? { account: options.account, region: 'eu-west-1' } : undefined });
  const user = new Construct(stack, 'User');
  const fn = new lambda.Function(user, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>({})') });
  const queue = new sqs.Queue(user, 'Queue');
  const rest = new GatewayApi(stack, 'Rest', {
    routes: {
      'GET /pets': { integration: Integration.lambda(fn) },
      'POST /orders': { integration: Integration.sqsSendMessage(queue), requestBody: { schema: { type: 'object' } as any } },
    },
  });
  if (options.acknowledge) {
    Validations.of(rest).acknowledge(
      { id: 'GatewayApi::stage-waf', reason: 'No web ACL: the API is IAM-authorized and internal.' },
      { id: 'GatewayApi::stage-cache-cluster-enabled', reason: 'No cache: every response is per caller.' },
    );
  }
  new GatewayHttpApi(stack, 'Http', {
    routes: {
      'GET /items': { integration: HttpIntegration.lambda(fn) },
      'POST /orders': { integration: HttpIntegration.sqsSendMessage(queue) },
    },
  });
  new GatewayWebSocketApi(stack, 'Ws', {
    connectionsTable: {},
    routes: {
      $default: { integration: WebSocketIntegration.lambda(fn) },
      send: { integration: WebSocketIntegration.sqsSendMessage(queue) },
    },
  });
  try {
    app.synth();
  } catch (e) {
    // The plugins fail synth on the user's own resources; their report is what is judged here.
    if (!/ValidationFailed|Validation failed/.test(String(e))) throw e;
  }
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf-8'));
  const plugins: string[] = report.pluginReports.flatMap((plugin: any) => plugin.violations.flatMap((v: any) =>
    v.violatingConstructs.map((c: any) => `${plugin.pluginName}::${v.ruleName} ${c.cloudFormationResource?.logicalId ?? c.constructPath}`)));
  const template = path.join(dir, `${name}.json`);
  fs.copyFileSync(path.join(outdir, 'Defaults.template.json'), template);
  return { name, template, plugins };
}

/** Every engine's findings on the library's resources (the user's function and queue, under `User`, are theirs), as `engine rule logicalId`. */
function libraryFindings(app: DefaultApp, verdicts: { [engine: string]: Verdicts }): string[] {
  const fromFiles = Object.values(verdicts).flatMap(v => [...v].flatMap(([rule, found]) => [...found]
    .filter(at => at.startsWith(`${app.name}/`)).map(at => `${rule} ${at.slice(app.name.length + 1)}`)));
  return [...app.plugins, ...fromFiles].filter(finding => !/ (Defaults\/)?User/.test(finding)).sort();
}

/**
 * Default REST, HTTP and WebSocket APIs under every engine a user runs: the CDK plugins
 * registered as their READMEs show (cdk-nag 3's AwsSolutions and Serverless, cdk-validator-cfnguard
 * with every Control Tower control, not only API Gateway's), and on the written template python
 * cfn-lint, the CloudFormation Validate engine aws-cdk-lib bundles, and checkov with all its
 * checks. README's "Clean under every engine" lists what remains and the acknowledgment of each.
 */
describe('default APIs under every engine', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-'));
  const apps = [synthDefaults('plain', dir, {}), synthDefaults('acknowledged', dir, { account: '111111111111', acknowledge: true })];
  const files = apps.map(app => app.template);
  let verdicts: { [engine: string]: Verdicts };
  beforeAll(() => {
    ensurePythonEngines();
    verdicts = { cfnLint: runCfnLint(files), validate: runCloudFormationValidate(files), checkov: runCheckov(files, []) };
  }, 600_000);

  test('the findings a default leaves are the ones README lists: a web ACL and a cache are the user\'s to pay for; an env-agnostic stack hides the account from CT.LAMBDA.PR.2', () => {
    expect(libraryFindings(apps[0], verdicts)).toEqual([
      'AwsSolutions::AwsSolutions-APIG3 Defaults/Rest/Stage.prod/Resource',
      'CKV_AWS_120 RestStageprod6E72A218',
      'GatewayApi::stage-waf RestStageprod6E72A218',
      'cdk-validator-cfnguard::lambda_function_public_access_prohibited_check HttpInvoke0C41A14885C78FA8',
      'cdk-validator-cfnguard::lambda_function_public_access_prohibited_check RestInvoke0C41A1481FA7D232',
      'cdk-validator-cfnguard::lambda_function_public_access_prohibited_check WsInvoke0C41A148F2B2B1E5',
    ]);
  });

  test('with README\'s two acknowledgments, in a stack bound to an account, no engine finds anything on the library\'s resources', () => {
    expect(libraryFindings(apps[1], verdicts)).toEqual([]);
  });

  test('the user\'s own resources are still judged (the engines ran)', () => {
    expect(apps[1].plugins).toEqual(expect.arrayContaining([expect.stringMatching(/^cdk-validator-cfnguard::sqs_dlq_check User/)]));
    expect([...verdicts.checkov.get('CKV_AWS_117') ?? []]).toEqual(expect.arrayContaining([expect.stringMatching(/^acknowledged\/UserFn/)]));
  });
});
