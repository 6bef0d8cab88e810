import { App, Stack, Validations, aws_certificatemanager as acm } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayDomain, GatewayHttpApi, HttpIntegration, Integration } from '../../src';

const routes = { 'GET /x': { integration: Integration.mock() } };

function envStack(): Stack {
  const app = new App({ builtinCloudFormationValidation: false, context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  return new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
}

function domainIn(stack: Stack, domainName = 'api.example.com'): GatewayDomain {
  const certificate = acm.Certificate.fromCertificateArn(stack, `Cert${domainName}`, 'arn:aws:acm:eu-west-1:123456789012:certificate/abc');
  return new GatewayDomain(stack, `Domain${domainName}`, { domainName, certificate });
}

type RestMore = { disableExecuteApiEndpoint?: boolean; stages?: { stageName: string; urlOutput?: boolean }[] };

function restApi(stack: Stack, id: string, more: RestMore = {}) {
  const api = new GatewayApi(stack, id, { routes, ...more });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'URL tests: no web ACL needed.' });
  return api;
}

const executeApiUrl = (apiId: string, stage: string) => ({
  'Fn::Join': ['', ['https://', { Ref: apiId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, `/${stage}/`]],
});

describe('URLs when a custom domain serves a stage', () => {
  test('a stage mapped at a base path is given the domain URL: url, the stack output and the OpenAPI servers', () => {
    const stack = envStack();
    const api = restApi(stack, 'Api', { stages: [{ stageName: 'prod', urlOutput: true }] });
    domainIn(stack).addMapping(api.defaultStage, { basePath: 'v1' });
    expect(stack.resolve(api.url)).toBe('https://api.example.com/v1/');
    expect(stack.resolve(api.defaultStage.url)).toBe('https://api.example.com/v1/');
    const outputs = Object.values(Template.fromStack(stack).findOutputs('*'));
    expect(outputs.map(o => o.Value)).toEqual(['https://api.example.com/v1/']);
    expect(api.openApiDocument().servers).toEqual([{ url: 'https://api.example.com/v1', description: 'Stage prod, at its custom domain' }]);
  });

  test('a root mapping gives the domain root; the API\'s own domain prop does the same', () => {
    const stack = envStack();
    const mapped = restApi(stack, 'Mapped');
    domainIn(stack).addMapping(mapped.defaultStage);
    expect(stack.resolve(mapped.url)).toBe('https://api.example.com/');

    const withProp = new GatewayApi(stack, 'WithProp', {
      routes,
      domain: {
        domainName: 'orders.example.com',
        certificate: acm.Certificate.fromCertificateArn(stack, 'OrdersCert', 'arn:aws:acm:eu-west-1:123456789012:certificate/def'),
        mappings: [{ stageName: 'prod', basePath: 'orders' }],
      },
    });
    expect(stack.resolve(withProp.url)).toBe('https://orders.example.com/orders/');
  });

  test('with execute-api kept on (disableExecuteApiEndpoint: false), the execute-api URL stays', () => {
    const stack = envStack();
    const api = restApi(stack, 'Api', { disableExecuteApiEndpoint: false });
    domainIn(stack).addMapping(api.defaultStage, { basePath: 'v1' });
    expect(stack.resolve(api.url)).toEqual(executeApiUrl(stack.getLogicalId(api.restApi), 'prod'));
    expect(api.openApiDocument().servers[0].url).toBe('https://{apiId}.execute-api.{region}.amazonaws.com/prod');
  });

  test('a stage no domain serves keeps its execute-api URL; a stage mapped twice is given its first mapping', () => {
    const stack = envStack();
    const api = restApi(stack, 'Api', { stages: [{ stageName: 'prod' }, { stageName: 'test' }] });
    domainIn(stack).addMapping(api.stages[0], { basePath: 'v1' });
    domainIn(stack, 'legacy.example.com').addMapping(api.stages[0]);
    expect(stack.resolve(api.stages[0].url)).toBe('https://api.example.com/v1/');
    expect(stack.resolve(api.stages[1].url)).toEqual(executeApiUrl(stack.getLogicalId(api.restApi), 'test'));
    expect(api.openApiDocument().servers.map((s: { url: string }) => s.url)).toEqual([
      'https://api.example.com/v1', 'https://{apiId}.execute-api.{region}.amazonaws.com/test',
    ]);
  });

  test('stage names that are also names of Object members (constructor) are looked up as names', () => {
    const stack = envStack();
    const api = restApi(stack, 'Api', { stages: [{ stageName: 'constructor' }, { stageName: 'toString' }] });
    domainIn(stack).addMapping(api.stages[1]);
    expect(api.openApiDocument().servers.map((s: { url: string }) => s.url)).toEqual([
      'https://{apiId}.execute-api.{region}.amazonaws.com/constructor', 'https://api.example.com',
    ]);
  });

  test('the URL is decided at synth, so a mapping added after the URL was read still counts', () => {
    const stack = envStack();
    const api = restApi(stack, 'Api');
    const url = api.url;
    domainIn(stack).addMapping(api.defaultStage, { basePath: 'late' });
    expect(api.url).toBe(url);
    expect(stack.resolve(url)).toBe('https://api.example.com/late/');
  });

  test('HTTP API stages behind a domain are given the domain URL too', () => {
    const stack = envStack();
    const api = new GatewayHttpApi(stack, 'Http', {
      routes: { 'GET /items': { integration: HttpIntegration.url('https://backend.example.com/items') } },
    });
    domainIn(stack).addHttpMapping(api.defaultStage, { basePath: 'items' });
    expect(stack.resolve(api.url)).toBe('https://api.example.com/items/');
    expect(api.openApiDocument().servers).toEqual([{ url: 'https://api.example.com/items', description: 'Stage $default, at its custom domain' }]);
  });
});
