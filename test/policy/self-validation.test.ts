import { App, Stack, Validations, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Authorization, Compliance, GatewayApi, GatewayPolicyValidator, GatewayPolicyValidatorBeta1, Integration, PolicyRuleSet } from '../../src';
import { checkTemplate } from '../../src/policy/validator';
import { newStack, synthApi } from '../util';

const routes = { 'GET /pets': { integration: Integration.mock() } };

describe('a GatewayApi validates itself at synth', () => {
  test('a default API passes its own rules, with every route IAM-authorized', () => {
    const { body } = synthApi(() => ({ routes }));
    expect(body.paths['/pets'].get.security).toEqual([{ sigv4: [] }]);
    expect(body.components.securitySchemes.sigv4['x-amazon-apigateway-authtype']).toBe('awsSigv4');
  });

  test('a misconfigured API fails synth, naming the construct, the rule and the fix', () => {
    expect(() => synthApi(() => ({ routes, stages: [{ tracingEnabled: false }] })))
      .toThrow(/TracingEnabled is false, not the boolean true[\s\S]*Test\/Api\/Stage.prod[\s\S]*Acknowledge with 'GatewayApi::rest-stage-tracing'/);
  });

  test('an acknowledged finding, with its reason, no longer fails synth', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes, stages: [{ tracingEnabled: false }] });
    Validations.of(api).acknowledge({ id: 'GatewayApi::rest-stage-tracing', reason: 'traced by the service mesh instead' });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('a route opened to anyone is one statement: its reason acknowledges that route\'s finding, not another route\'s', () => {
    const open = { 'GET /health': { integration: Integration.mock(), authorization: Authorization.none('A public health check returning a constant.') } };
    const { template } = synthApi(() => ({ routes: open }));
    const [api] = Object.values(template.findResources('AWS::ApiGateway::RestApi'));
    expect(api.Properties.Body.paths['/health'].get.security).toBeUndefined();
    expect(api.Metadata['cdk-gateway-api:acknowledged']).toEqual(expect.arrayContaining([{
      id: 'GatewayApi::body-authorization', reason: 'A public health check returning a constant.', location: 'Properties/Body/paths/~1health/get',
    }]));
    // Another route's finding of the same rule kind is not covered: an unvalidated route still fails.
    expect(() => synthApi(() => ({ routes: { ...open, 'POST /data': { integration: Integration.mock(), requestValidation: 'OFF' as any } } })))
      .toThrow(/POST \/data is not validated/);
  });

  test('validation can be switched off', () => {
    expect(() => synthApi(() => ({ routes, stages: [{ tracingEnabled: false }], policyValidation: false }))).not.toThrow();
  });

  test('cdk-nag\'s AwsSolutions-APIG2 is acknowledged only where every route validates body and parameters', () => {
    const acknowledged = (api: GatewayApi) => api.restApi.node.metadata
      .filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap(m => Object.keys(m.data));
    expect(acknowledged(synthApi(() => ({ routes })).api)).toEqual(expect.arrayContaining(['Annotation::AwsSolutions-APIG2']));
    const { api } = synthApi(() => ({ routes: { 'GET /pets': { integration: Integration.mock(), requestValidation: 'OFF' as any } }, policyValidation: false }));
    expect(acknowledged(api)).toEqual([]);
  });
});

describe('compliance presets', () => {
  const resourcesOf = (compliance: Compliance) => Template.fromStack(synthApi(() => ({ routes, compliance })).stack);

  test.each([Compliance.NIST_800_53_R5, Compliance.PCI_DSS_321])('%s: an encrypted cache, a client certificate and a web ACL on the stage', compliance => {
    const template = resourcesOf(compliance);
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      CacheClusterEnabled: true,
      CacheClusterSize: '0.5',
      ClientCertificateId: { Ref: Match.stringLikeRegexp('^ApiClientCertificate') },
      MethodSettings: [{ HttpMethod: '*', ResourcePath: '/*', CachingEnabled: true, CacheDataEncrypted: true, LoggingLevel: 'ERROR' }],
    });
    template.resourceCountIs('AWS::ApiGateway::ClientCertificate', 1);
    template.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'REGIONAL' });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  test('HIPAA: an encrypted cache and a client certificate, no web ACL', () => {
    const template = resourcesOf(Compliance.HIPAA_SECURITY);
    template.resourceCountIs('AWS::ApiGateway::ClientCertificate', 1);
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
  });

  test.each([
    [Compliance.NIST_800_53_R5, PolicyRuleSet.NIST_800_53_R5],
    [Compliance.PCI_DSS_321, PolicyRuleSet.PCI_DSS_321],
    [Compliance.HIPAA_SECURITY, PolicyRuleSet.HIPAA_SECURITY],
    [Compliance.AWS_SOLUTIONS, PolicyRuleSet.AWS_SOLUTIONS],
  ])('%s: the pack\'s rules find nothing to report on the API', (compliance, ruleSet) => {
    const findings = checkTemplate(resourcesOf(compliance).toJSON(), { ruleSets: [ruleSet, PolicyRuleSet.CONTROL_TOWER, PolicyRuleSet.CFN_LINT] });
    // The baseline has no WAF: cdk-nag's AwsSolutions-APIG3 only warns about it. The mirror of
    // AwsSolutions-APIG2 is acknowledged on the construct (validators are in the body), which a
    // bare template check cannot see.
    expect(findings.filter(f => f.severity === 'error' && f.ruleId !== 'rest-api-request-validator')).toEqual([]);
  });
});

describe('GatewayPolicyValidator as an app-wide plugin', () => {
  test('judges other API Gateway resources, and leaves GatewayApi\'s to GatewayApi', () => {
    const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
    const plugin = new GatewayPolicyValidator({ ruleSets: [PolicyRuleSet.CONTROL_TOWER, PolicyRuleSet.AWS_SOLUTIONS] });
    const stack = new Stack(app, 'Mixed');
    new GatewayApi(stack, 'Api', { routes });
    new apigw.CfnDomainName(stack, 'Legacy', { domainName: 'api.example.com', securityPolicy: 'TLS_1_0', regionalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x' });
    const assembly = app.synth();
    const report = plugin.validate({ templatePaths: [assembly.getStackByName('Mixed').templateFullPath], appConstruct: app, stackTemplates: [] });
    const judged = report.violations.flatMap(v => v.violatingResources.map(r => `${v.ruleName} ${r.resourceLogicalId}`));
    expect(judged.sort()).toEqual(['domain-minimum-tls Legacy', 'domain-tls-1-2 Legacy']);
    expect(report.success).toBe(false);
  });

  test('the Beta1 plugin fails synth on the same finding', () => {
    const app = new App({ policyValidationBeta1: [new GatewayPolicyValidatorBeta1()], context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
    const stack = new Stack(app, 'Beta');
    new apigw.CfnDomainName(stack, 'Legacy', { domainName: 'api.example.com', securityPolicy: 'TLS_1_0', regionalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x' });
    expect(() => app.synth()).toThrow(/SecurityPolicy "TLS_1_0"[\s\S]*Beta\/Legacy/);
  });

  test('lists the rules it runs', () => {
    const plugin = new GatewayPolicyValidator({ ruleSets: [PolicyRuleSet.CHECKOV], disabledRules: ['stage-cache-cluster-enabled'] });
    expect(plugin.ruleIds).toEqual(expect.arrayContaining(['stage-tracing-enabled', 'method-open-access']));
    expect(plugin.ruleIds).not.toContain('stage-cache-cluster-enabled');
    expect(plugin.name).toBe('GatewayApi');
  });
});
