import { Stack, aws_apigatewayv2 as apigwv2, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Compliance } from '../../src';
import { ApiProtocol, StageMetrics } from '../../src/observability/stage-metrics';
import { V2ApiCore, V2CoreStage, V2IntegrationConfig } from '../../src/v2/v2-api-core';
import { newFunction, newStack } from '../util';

function core(stack: Stack = newStack()): { api: Construct; core: V2ApiCore<V2CoreStage> } {
  const api = new Construct(stack, 'Api');
  return { api, core: new V2ApiCore<V2CoreStage>(api, { apiId: 'api-id', compliance: Compliance.AWS_SOLUTIONS, encryption: undefined }) };
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

  test('a Lambda backend is allowed to be invoked once, whatever the number of its routes', () => {
    const stack = newStack();
    const { api, core: c } = core(stack);
    const fn = newFunction(stack);
    c.integration({ key: 'lambda', integrationType: 'AWS_PROXY', timeoutInMillis: 29000, function: fn });
    c.integration({ key: 'lambda', integrationType: 'AWS_PROXY', timeoutInMillis: 29000, function: fn });
    const permissions = api.node.findAll().filter(node => (node as any).cfnResourceType === 'AWS::Lambda::Permission');
    expect(permissions).toHaveLength(1);
  });

  test('a route key once per API, and its throttle checked', () => {
    const { core: c } = core();
    const integration = c.integration(urlBackend);
    const route = { routeKey: 'GET /items', prop: "routes['GET /items']", integration, authorizationType: 'AWS_IAM' };
    c.addRoute(route);
    expect(c.routes.map(r => r.routeKey)).toEqual(['GET /items']);
    expect(() => c.addRoute(route)).toThrow(/\[Test\/Api\] routes: "GET \/items" is not allowed\. Allowed: each route key once/);
    expect(() => c.addRoute({ ...route, routeKey: 'GET /other', prop: "routes['GET /other']", throttle: { rateLimit: -1, burstLimit: 1 } }))
      .toThrow(/routes\['GET \/other'\]\.throttle\.rateLimit/);
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
