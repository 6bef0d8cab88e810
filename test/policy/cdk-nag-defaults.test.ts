import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { GatewayApi, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, WebSocketIntegration } from '../../src';

/**
 * cdk-nag 3 registered as its README shows (a policy validation plugin). Default REST, HTTP and
 * WebSocket APIs raise one finding only: a REST stage without a web ACL, which costs money and is
 * the user's to choose. cdk-nag fails synth on it, a warning, whenever nothing else in its report
 * is acknowledged (aws-cdk-lib judges a plugin's report by errors alone only once it suppressed
 * something). README's "With cdk-nag 3" shows the acknowledgment that admits it: GatewayApi's
 * own, which reaches AwsSolutions-APIG3 by itself.
 */
function synth(options: { acknowledgeWaf?: boolean; v2?: boolean }): { threw: boolean; findings: string[] } {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  const stack = new Stack(app, 'Nag');
  const api = new GatewayApi(stack, 'Rest', { routes: { 'GET /x': { integration: Integration.mock() } } });
  if (options.acknowledgeWaf) {
    Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'No web ACL: the API is IAM-authorized and internal.' });
  }
  if (options.v2) {
    new GatewayHttpApi(stack, 'Http', { routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com') } } });
    new GatewayWebSocketApi(stack, 'Ws', { connectionsTable: {}, routes: { $default: { integration: WebSocketIntegration.url('https://example.com') } } });
  }
  let threw = false;
  try {
    app.synth();
  } catch (e) {
    if (!/ValidationFailed/.test(String(e))) throw e;
    threw = true;
  }
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf-8'));
  const findings = report.pluginReports.flatMap((plugin: any) => plugin.violations.flatMap((v: any) =>
    v.violatingConstructs.map((c: any) => `${plugin.pluginName}::${v.ruleName} ${c.constructPath}`)));
  return { threw, findings: findings.sort() };
}

describe('default APIs under cdk-nag 3 (AwsSolutions and Serverless), registered as a plugin', () => {
  test('the only finding on REST, HTTP and WebSocket APIs is the REST stage\'s missing web ACL', () => {
    expect(synth({ v2: true }).findings).toEqual([
      'AwsSolutions::AwsSolutions-APIG3 Nag/Rest/Stage.prod/Resource',
      'GatewayApi::stage-waf Nag/Rest/Stage.prod/Resource',
    ]);
  });

  test('a warning fails synth (cdk-nag 3 reports a warning as a failure)', () => {
    expect(synth({}).threw).toBe(true);
  });

  test('with README\'s acknowledgment of GatewayApi::stage-waf, which acknowledges AwsSolutions-APIG3 too, synth passes clean', () => {
    expect(synth({ acknowledgeWaf: true })).toEqual({ threw: false, findings: [] });
    expect(synth({ acknowledgeWaf: true, v2: true })).toEqual({ threw: false, findings: [] });
  });
});
