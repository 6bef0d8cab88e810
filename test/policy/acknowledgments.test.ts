import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  Authorization, GatewayApi, GatewayHttpApi, HttpAuthorization, HttpIntegration, Integration, RequestValidation,
} from '../../src';
import { main } from '../../src/cli/gateway-policy';
import { checkTemplate } from '../../src/policy/validator';

const mock = () => ({ integration: Integration.mock() });

function synthesize(build: (stack: Stack) => void): { template: any; report: any; file: string } {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  const stack = new Stack(app, 'Test');
  build(stack);
  const assembly = app.synth();
  const file = path.join(assembly.directory, 'Test.template.json');
  const reportFile = path.join(assembly.directory, 'validation-report.json');
  return { template: Template.fromStack(stack).toJSON(), report: fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf-8')) : undefined, file };
}

function cli(...args: string[]): { code: number; out: string } {
  const out: string[] = [];
  const code = main(args, s => out.push(s), () => undefined);
  return { code, out: out.join('\n') };
}

describe('acknowledgments, from the app to the template and the CLI', () => {
  test('an open route is reported as information with its reason, and the CLI lists it as acknowledged', () => {
    const { report, file } = synthesize(stack => {
      const api = new GatewayApi(stack, 'Api', { routes: { 'GET /health': { ...mock(), authorization: Authorization.none('Uptime checks call it unsigned.') } } });
      Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'Behind CloudFront\'s web ACL.' });
    });
    const violations = report.pluginReports.filter((p: any) => p.pluginName === 'GatewayApi').flatMap((p: any) => p.violations);
    expect(violations).toContainEqual(expect.objectContaining({
      ruleName: 'body-authorization',
      severity: 'info',
      description: 'GET /health is open to anyone: no authorizer and no IAM authorization (acknowledged for this route: Uptime checks call it unsigned.)',
    }));
    const { code, out } = cli('check', file);
    expect(code).toBe(0);
    expect(out).toMatch(/ACKNOWLEDGED body-authorization: .* Properties\/Body\/paths\/~1health\/get\n  GET \/health is open to anyone[^\n]*\n  reason: Uptime checks call it unsigned\./);
    // The app's own acknowledgment reaches the CLI too, through the stage's metadata.
    expect(out).toMatch(/ACKNOWLEDGED stage-waf: [\s\S]*reason: Behind CloudFront's web ACL\./);
    expect(out).toMatch(/0 finding\(s\), 0 error\(s\), \d+ acknowledged$/);
  });

  test('the CLI counts what the template does not acknowledge: one route\'s reason leaves another route\'s finding open', () => {
    const { file } = synthesize(stack => new GatewayApi(stack, 'Api', {
      policyValidation: false,
      routes: {
        'GET /health': { ...mock(), authorization: Authorization.none('Uptime checks call it unsigned.') },
        'POST /upload': { ...mock(), requestValidation: RequestValidation.PARAMETERS_ONLY },
      },
    }));
    const { code, out } = cli('check', file);
    expect(code).toBe(1);
    expect(out).toMatch(/ERROR body-request-validation: .*~1upload\/post/);
  });

  test('a route acknowledges its other one-route findings by id; an id of a whole-API rule is refused', () => {
    const upload = { ...mock(), requestValidation: RequestValidation.PARAMETERS_ONLY };
    const { template } = synthesize(stack => new GatewayApi(stack, 'Api', {
      routes: { 'PUT /photo': { ...upload, acknowledgments: { 'GatewayApi::body-request-validation': 'An image has no JSON model to check.' } } },
    }));
    const findings = checkTemplate(template);
    expect(findings.filter(f => f.ruleId === 'body-request-validation').map(f => f.acknowledgment?.reason)).toEqual(['An image has no JSON model to check.']);
    expect(() => new GatewayApi(new Stack(new App(), 'S'), 'Api', { routes: { 'PUT /photo': { ...upload, acknowledgments: { 'GatewayApi::stage-waf': 'no' } } } }))
      .toThrow(/\[S\/Api\] routes\['PUT \/photo'\]\.acknowledgments key: "GatewayApi::stage-waf" is not allowed\. Allowed: the id of a rule that judges routes one at a time/);
  });

  test('none() without a reason is refused with the prop: on a route, as the default, on HTTP APIs', () => {
    const reasonless = (kind: 'rest' | 'http') => () => (kind === 'rest'
      ? new GatewayApi(new Stack(new App(), 'S'), 'Api', { routes: { 'GET /x': { ...mock(), authorization: Authorization.none('  ') } } })
      : new GatewayHttpApi(new Stack(new App(), 'S'), 'Http', {
        defaultAuthorization: HttpAuthorization.none(undefined as any),
        routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com') } },
      }));
    expect(reasonless('rest')).toThrow(/\[S\/Api\] routes\['GET \/x'\]\.authorization: "none\(\) without a reason" is not allowed\. Allowed: none\(reason\)/);
    expect(reasonless('http')).toThrow(/\[S\/Http\] defaultAuthorization: "none\(\) without a reason" is not allowed/);
  });

  test('an open HTTP route is acknowledged on that route alone, for every engine that reports it (at synth)', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const api = new GatewayHttpApi(stack, 'Http', {
      routes: {
        'GET /public': { integration: HttpIntegration.url('https://example.com'), authorization: HttpAuthorization.none('The public catalog.') },
        'GET /private': { integration: HttpIntegration.url('https://example.com') },
      },
    });
    app.synth();
    const acknowledged = (routeKey: string) => api.node.findChild(`Route[GET |${routeKey}]`).node.metadata
      .filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap(m => Object.entries(m.data));
    expect(acknowledged('public')).toEqual(expect.arrayContaining([
      ['GatewayApi::v2-route-authorization', 'The public catalog.'], ['AwsSolutions::AwsSolutions-APIG4', 'The public catalog.'],
      ['cdk-validator-cfnguard::api_gw_v2_authorization_type_configured_check', 'The public catalog.'],
    ]));
    expect(acknowledged('private')).toEqual([]);
  });
});
