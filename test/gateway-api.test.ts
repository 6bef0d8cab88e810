import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, Integration } from '../src';
import { newFunction, newStack, synthApi, synthesized } from './util';

const mockRoute = { integration: Integration.mock() };

describe('GatewayApi', () => {
  test('exposes the underlying resources as typed properties', () => {
    const stack = newStack();
    const api = new GatewayApi(stack, 'Api', { routes: { 'GET /x': mockRoute } });
    expect(api.restApi).toBeInstanceOf(apigw.CfnRestApi);
    expect(api.deployment).toBeInstanceOf(apigw.CfnDeployment);
    expect(api.defaultStage.stage).toBeInstanceOf(apigw.CfnStage);
    expect(api.stages).toEqual([api.defaultStage]);
    expect(api.cloudWatchRoleSetting).toBeInstanceOf(apigw.CfnAccount);
    expect(api.defaultStage.accessLogGroup).toBeDefined();
    expect(api.stageName).toBe('prod');
    expect(api.endpointType).toBe(apigw.EndpointType.REGIONAL);
    expect(stack.resolve(api.url)).toEqual({
      'Fn::Join': ['', ['https://', { Ref: 'ApiF70053CD' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/prod/']],
    });
    expect(stack.resolve(api.arnForExecuteApi('GET', '/pets', 'prod'))).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', { Ref: 'ApiF70053CD' }, '/prod/GET/pets']],
    });
    expect(() => api.arnForExecuteApi('GET', 'pets')).toThrow(/arnForExecuteApi path: "pets" is not allowed\. Allowed: a path starting with "\/"/);
  });

  test('the stage serves the deployment, which belongs to the API', () => {
    const { template, api, stack } = synthApi(() => ({ routes: { 'GET /x': mockRoute } }));
    const deployment = stack.resolve(api.deployment.ref);
    template.hasResourceProperties('AWS::ApiGateway::Stage', { DeploymentId: deployment, RestApiId: { Ref: 'ApiF70053CD' } });
    template.hasResourceProperties('AWS::ApiGateway::Deployment', { RestApiId: { Ref: 'ApiF70053CD' } });
  });

  test('route budget: 1,000 Lambda proxy routes on one function stay a handful of resources', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    const api = new GatewayApi(stack, 'Api');
    for (let i = 0; i < 1000; i++) api.addRoute(`GET /r${i}`, { integration: Integration.lambda(fn) });
    const { template, body } = synthesized(stack, api);
    expect(Object.keys(body.paths)).toHaveLength(1000);
    const resources = Object.keys(template.toJSON().Resources).length;
    expect(resources).toBeLessThanOrEqual(25);
    template.resourceCountIs('AWS::Lambda::Permission', 1);
  });

  test('synthesis is deterministic: the same app gives byte-identical templates with no absolute path', () => {
    const synthOnce = () => {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-api-'));
      const app = new App({ outdir, context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
      const stack = new Stack(app, 'Deterministic');
      new GatewayApi(stack, 'Api', {
        cors: { allowOrigins: ['https://a.example.com', 'https://b.example.com'] },
        routes: { 'GET /pets/{id}': { integration: Integration.lambda(newFunction(stack)) }, 'POST /pets': mockRoute },
      });
      app.synth();
      const text = fs.readFileSync(path.join(outdir, 'Deterministic.template.json'), 'utf-8');
      fs.rmSync(outdir, { recursive: true, force: true });
      return text;
    };
    const first = synthOnce();
    expect(synthOnce()).toBe(first);
    expect(first).not.toContain(os.tmpdir());
    expect(first).not.toContain(process.cwd());
    expect(Template.fromJSON(JSON.parse(first)).toJSON().Resources).toBeDefined();
  });
});
