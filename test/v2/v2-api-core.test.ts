import { Stack, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Compliance } from '../../src';
import { V2Protocol } from '../../src/model/v2-route-table';
import { ApiProtocol, StageMetrics } from '../../src/observability/stage-metrics';
import { V2ApiCore, V2CoreStage, V2IntegrationConfig } from '../../src/v2/v2-api-core';
import { newStack } from '../util';

function core(stack: Stack = newStack()): { api: Construct; core: V2ApiCore<V2CoreStage> } {
  const api = new Construct(stack, 'Api');
  return { api, core: new V2ApiCore<V2CoreStage>(api, { apiId: 'api-id', compliance: Compliance.AWS_SOLUTIONS, protocol: V2Protocol.HTTP }) };
}

const urlBackend: V2IntegrationConfig = { key: 'url https://a.example.com', integrationType: 'HTTP_PROXY', integrationUri: 'https://a.example.com', timeoutInMillis: 29000 };

function stage(stageName: string): V2CoreStage {
  return { stageName, metrics: new StageMetrics({ protocol: ApiProtocol.HTTP, api: 'api', stageName }), alarms: [] as cloudwatch.Alarm[] };
}

describe('the v2 core', () => {
  test('routes to one backend share one integration; another backend gets its own', () => {
    const { api, core: c } = core();
    const first = c.integration(urlBackend);
    expect(c.integration({ ...urlBackend })).toBe(first);
    expect(c.integration({ ...urlBackend, key: 'url https://b.example.com', integrationUri: 'https://b.example.com' })).not.toBe(first);
    expect(api.node.children.filter(child => child instanceof apigwv2.CfnIntegration)).toHaveLength(2);
  });

  test('an integration object without a key of its own keeps one key per config, whatever the number of its routes', () => {
    const { core: c } = core();
    const own = {};
    expect(c.keyOf(own, 'a')).toBe('own 0');
    expect(c.keyOf(own, 'a')).toBe('own 0');
    expect(c.keyOf({}, 'a')).toBe('own 1');
    // Another config of the same object is another resource; the first keeps its key.
    expect(c.keyOf(own, 'b')).toBe('own 0 config 1');
    expect(c.keyOf(own, 'a')).toBe('own 0');
  });

  test('an AWS service backend gets a role allowed by its grant, unless it brings its own credentials', () => {
    const stack = newStack();
    const { api, core: c } = core(stack);
    const made = c.integration({ ...urlBackend, key: 'sqs', integrationType: 'AWS_PROXY', grant: role => iam.Grant.addToPrincipal({ grantee: role, actions: ['sqs:SendMessage'], resourceArns: ['*'] }) });
    expect(api.node.tryFindChild(`${made.node.id}Role`)).toBeInstanceOf(iam.Role);
    const own = c.integration({ ...urlBackend, key: 'own', integrationType: 'AWS_PROXY', credentials: 'arn:aws:iam::111122223333:role/mine', grant: () => { throw new Error('not asked'); } });
    expect(own.credentialsArn).toBe('arn:aws:iam::111122223333:role/mine');
    expect(api.node.tryFindChild(`${own.node.id}Role`)).toBeUndefined();
  });

  test('a route goes through the route table, then becomes a resource targeting its integration', () => {
    const { core: c } = core();
    const integration = c.integration(urlBackend);
    const spec = { routeKey: 'GET /items', prop: "routes['GET /items']", authorizationType: 'JWT', scopes: ['items/read'] };
    const resource = c.addRoute(spec, integration, 'authorizer-id');
    expect(c.routes).toEqual([expect.objectContaining({ ...spec, key: expect.objectContaining({ method: 'GET', path: '/items' }), resource })]);
    expect(Stack.of(resource).resolve(resource.target)).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: expect.stringMatching(/^ApiIntegration/) }]] });
    expect(resource.authorizerId).toBe('authorizer-id');
    expect(resource.authorizationScopes).toEqual(['items/read']);
    expect(() => c.addRoute(spec, integration)).toThrow(/each route key once/);
    expect(c.routes).toHaveLength(1);
  });

  test('stage names once per API; $default only where the API allows it', () => {
    const { core: c } = core();
    c.addStage({}, 'prod', () => stage('prod'));
    expect(() => c.addStage({}, 'prod', () => stage('prod'))).toThrow(/stages\[1\]\.stageName: "prod" is not allowed\. Allowed: a name no other stage of the API has \(prod\)/);
    expect(() => c.addStage({}, '$default', () => stage('$default'))).toThrow(/letters, digits, hyphens and underscores/);
    expect(c.addStage({}, '$default', () => stage('$default'), true).stageName).toBe('$default');
    expect(c.stages.map(s => s.stageName)).toEqual(['prod', '$default']);
  });

  test('the dashboard is made when monitoring is first asked for, after what the facade made first', () => {
    const { api, core: c } = core();
    new Construct(api, 'MadeFirst');
    expect(api.node.tryFindChild('Dashboard')).toBeUndefined();
    c.addStage({}, 'prod', () => stage('prod'));
    expect(api.node.children.map(child => child.node.id)).toEqual(['MadeFirst', 'Dashboard']);
  });
});
