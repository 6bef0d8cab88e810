import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, Integration } from '../../src';
import { pluginIdOf } from '../../src/policy/engine-acknowledgments';

/** One acknowledgment of GatewayApi's finding reaches every engine its rule mirrors. */
describe('acknowledgments under the mirrored engines', () => {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  const stack = new Stack(app, 'Test');
  const api = new GatewayApi(stack, 'Api', { routes: { 'GET /x': { integration: Integration.mock() } } });
  const stage = api.defaultStage.stage;
  stage.addMetadata('checkov', { skip: [{ id: 'CKV_AWS_73', comment: 'The app\'s own: X-Ray is sampled elsewhere.' }] });
  Validations.of(api).acknowledge(
    { id: 'GatewayApi::stage-waf', reason: 'Internal API.' },
    { id: 'GatewayApi::stage-cache-cluster-enabled', reason: 'Per-caller responses.' },
  );
  const template = Template.fromStack(stack);
  const [stageId] = Object.keys(template.findResources('AWS::ApiGateway::Stage'));
  const metadata = template.toJSON().Resources[stageId].Metadata;
  const acknowledged = (node: CfnResource) => node.node.metadata
    .filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap(m => Object.keys(m.data));

  test('the CDK plugins (cdk-nag\'s packs) get it through Validations, on the resource the rule judges', () => {
    expect(acknowledged(stage)).toEqual(expect.arrayContaining([
      'AwsSolutions::AwsSolutions-APIG3', 'NIST.800.53.R5::NIST.800.53.R5-APIGWAssociatedWithWAF', 'PCI.DSS.321::PCI.DSS.321-APIGWAssociatedWithWAF',
    ]));
    expect(acknowledged(api.restApi)).not.toContain('AwsSolutions::AwsSolutions-APIG3');
  });

  test('checkov gets it as the resource\'s checkov.skip, after what the app wrote there itself', () => {
    expect(metadata.checkov).toEqual({
      skip: [
        { id: 'CKV_AWS_73', comment: 'The app\'s own: X-Ray is sampled elsewhere.' },
        { id: 'CKV_AWS_120', comment: 'Per-caller responses.' },
      ],
    });
    expect(template.toJSON().Resources[stack.getLogicalId(api.restApi)].Metadata?.checkov).toBeUndefined();
  });

  test('plugin ids: cdk-nag\'s packs by prefix, Control Tower controls by their Guard rule name, others none', () => {
    expect(pluginIdOf('HIPAA.Security-APIGWCacheEnabledAndEncrypted')).toBe('HIPAA.Security::HIPAA.Security-APIGWCacheEnabledAndEncrypted');
    expect(pluginIdOf('Serverless-APIGWXrayEnabled')).toBe('Serverless::Serverless-APIGWXrayEnabled');
    expect(pluginIdOf('CT.APIGATEWAY.PR.1')).toBe('cdk-validator-cfnguard::api_gw_v1_execution_logging_enabled_check');
    expect(pluginIdOf('CKV_AWS_120')).toBeUndefined();
    expect(pluginIdOf('E3698')).toBeUndefined();
  });
});
