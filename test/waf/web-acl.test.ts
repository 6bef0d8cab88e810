import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Compliance, GatewayApi, Integration } from '../../src';
import { newStack } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };
const EXISTING = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

describe('WAF and client certificates outside the presets', () => {
  test('webAcl: true creates the managed-rules web ACL; a stage may name an existing one instead', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes, webAcl: true, stages: [{ stageName: 'prod' }, { stageName: 'partner', webAclArn: EXISTING }] });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } } }),
        Match.objectLike({ Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } } }),
      ]),
    });
    const associations = Object.values(template.findResources('AWS::WAFv2::WebACLAssociation')).map(a => a.Properties);
    expect(associations).toHaveLength(2);
    expect(associations.map(a => a.WebACLArn)).toEqual([{ 'Fn::GetAtt': [stack.getLogicalId(api.webAcl!), 'Arn'] }, EXISTING]);
    expect(JSON.stringify(associations[1].ResourceArn)).toContain(stack.getLogicalId(api.stages[1].stage));
  });

  test('a stage\'s own web ACL without one for the API', () => {
    const stack = newStack();
    new GatewayApi(stack, 'Api', { routes, stages: [{ webAclArn: EXISTING }] });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: EXISTING });
  });

  test('refuses a CloudFront web ACL, which cannot protect a stage', () => {
    expect(() => new GatewayApi(newStack(), 'Api', {
      routes, stages: [{ webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/a1b2' }],
    })).toThrow(/\[Test\/Api\/Stage\.prod\] stages\[0\]\.webAclArn: "arn:aws:wafv2:us-east-1:123456789012:global\/webacl\/edge\/a1b2" is not allowed\. Allowed: the ARN of a REGIONAL WAFv2 web ACL/);
  });

  test('clientCertificate: true gives every stage the certificate', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes, clientCertificate: true, stages: [{ stageName: 'a' }, { stageName: 'b' }] });
    const template = Template.fromStack(stack);
    const certificate = { Ref: stack.getLogicalId(api.clientCertificate!) };
    expect(Object.values(template.findResources('AWS::ApiGateway::Stage')).map(s => s.Properties.ClientCertificateId)).toEqual([certificate, certificate]);
  });

  test('switching a preset\'s web ACL or certificate off warns, naming the rules', () => {
    const stack = newStack();
    new GatewayApi(stack, 'Api', { routes, compliance: Compliance.PCI_DSS_321, webAcl: false, clientCertificate: false, policyValidation: false });
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Test/Api', Match.stringLikeRegexp('webAcl is false under PCI_DSS_321: AwsSolutions-APIG3'));
    annotations.hasWarning('/Test/Api', Match.stringLikeRegexp('clientCertificate is false under PCI_DSS_321: the pack\'s APIGWSSLEnabled'));
    Template.fromStack(stack).resourceCountIs('AWS::WAFv2::WebACL', 0);
  });
});
