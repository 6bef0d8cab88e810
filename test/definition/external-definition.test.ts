import * as fs from 'fs';
import * as path from 'path';
import { App, Size, Stack, aws_sqs as sqs } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayApiProps, Integration } from '../../src';
import { newFunction } from '../util';

/** Synthesizes an app whose API definition is forced out of the template. */
function synthExternal(extraRoutes = 0, props: Partial<GatewayApiProps> = {}) {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  const stack = new Stack(app, 'Big');
  const api = new GatewayApi(stack, 'Api', {
    maxInlineDefinitionSize: Size.bytes(1),
    binaryMediaTypes: ['image/png'],
    routes: {
      'GET /pets': { integration: Integration.lambda(newFunction(stack)) },
      'POST /orders': { integration: Integration.sqsSendMessage(new sqs.Queue(stack, 'Queue')) },
    },
    ...props,
  });
  for (let i = 0; i < extraRoutes; i++) api.addRoute(`GET /extra${i}`, { integration: Integration.mock() });
  const assembly = app.synth();
  const template = Template.fromStack(stack);
  const importer = Object.values(template.findResources('Custom::GatewayApiDefinition'))[0];
  const key: string = importer?.Properties.Key;
  const definitionFile = key && path.join(assembly.directory, `asset.${key.replace('.json', '')}.json`);
  return { stack, api, template, importer, definitionFile };
}

describe('a definition too large for the template', () => {
  test('stays inline below the limit', () => {
    const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
    const stack = new Stack(app, 'Small');
    new GatewayApi(stack, 'Api', { routes: { 'GET /x': { integration: Integration.mock() } } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::GatewayApiDefinition', 0);
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { Body: Match.objectLike({ openapi: '3.0.1' }) });
  });

  test('moves to an S3 asset that a custom resource imports, with the intrinsics passed as properties', () => {
    const { template, importer, definitionFile } = synthExternal();
    expect(template.findResources('AWS::ApiGateway::RestApi').ApiF70053CD.Properties.Body).toBeUndefined();
    expect(importer.Properties).toMatchObject({
      RestApiId: { Ref: 'ApiF70053CD' },
      Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' },
      Key: expect.stringMatching(/^[0-9a-f]{64}\.json$/),
    });
    const substitutions = Object.values(importer.Properties.Substitutions);
    expect(substitutions).toContainEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn9270CBC0.Arn}/invocations',
    });
    expect(substitutions).toContainEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ApiSqsSendMessageRole/), 'Arn'] });

    const definition = JSON.parse(fs.readFileSync(definitionFile, 'utf-8'));
    expect(JSON.stringify(definition)).not.toMatch(/"(Ref|Fn::[A-Za-z]+)"/);
    expect(definition.paths['/pets'].get['x-amazon-apigateway-integration'].uri).toMatch(/^@@CFN:\d+@@$/);
    expect(definition['x-amazon-apigateway-binary-media-types']).toEqual(['image/png']);
    // The import overwrites the API: it states the endpoint's TLS policy, or the import would drop it.
    expect(definition['x-amazon-apigateway-security-policy']).toBe('SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09');
    expect(definition['x-amazon-apigateway-endpoint-access-mode']).toBe('STRICT');
  });

  test('the importer waits for its role\'s policy, and for nothing its role ARN already orders (cfn-lint W3005)', () => {
    const { template } = synthExternal();
    const [importer] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler', Timeout: 300 } }));
    expect(importer.DependsOn).toEqual([expect.stringMatching(/^ApiDefinitionImporterServiceRoleDefaultPolicy/)]);
  });

  test('the importer may put this API and pass exactly the integration roles to API Gateway', () => {
    const { template } = synthExternal();
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Action: 'apigateway:PUT', Effect: 'Allow', Resource: { 'Fn::Join': ['', Match.arrayWith([':apigateway:', '::/restapis/', { Ref: 'ApiF70053CD' }])] } },
          {
            Action: 'iam:PassRole',
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiSqsSendMessageRole'), 'Arn'] },
            Condition: { StringEquals: { 'iam:PassedToService': 'apigateway.amazonaws.com' } },
          },
        ]),
      },
    });
  });

  test('the deployment waits for the import and still follows the definition', () => {
    const first = synthExternal();
    const deploymentIds = (t: Template) => Object.keys(t.findResources('AWS::ApiGateway::Deployment'));
    const importerId = Object.keys(first.template.findResources('Custom::GatewayApiDefinition'))[0];
    first.template.hasResource('AWS::ApiGateway::Deployment', { DependsOn: Match.arrayWith([importerId]) });
    expect(deploymentIds(synthExternal().template)).toEqual(deploymentIds(first.template));
    expect(deploymentIds(synthExternal(1).template)).not.toEqual(deploymentIds(first.template));
    expect(synthExternal(1).importer.Properties.Key).not.toEqual(first.importer.Properties.Key);
  });

  test('1,000 Lambda proxy routes stay inline under the default limit', () => {
    const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
    const stack = new Stack(app, 'Thousand');
    const api = new GatewayApi(stack, 'Api');
    const fn = newFunction(stack);
    for (let i = 0; i < 1000; i++) api.addRoute(`GET /r${i}`, { integration: Integration.lambda(fn) });
    Template.fromStack(stack).resourceCountIs('Custom::GatewayApiDefinition', 0);
  });
});
