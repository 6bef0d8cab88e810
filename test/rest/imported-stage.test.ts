import { aws_apigateway as apigw, aws_certificatemanager as acm, aws_cloudwatch as cloudwatch, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayDomain, UsagePlan } from '../../src';
import { newStack } from '../util';

const LEGACY = { restApiId: 'a1b2c3d4e5', restApiName: 'legacy', stageName: 'prod', routeKeys: ['GET /reports', 'POST /reports'] };

describe('a stage of an API made elsewhere (GatewayApi.fromStageAttributes)', () => {
  test('a usage plan serves it, throttling a route it names', () => {
    const stack = newStack();
    const legacy = GatewayApi.fromStageAttributes(stack, 'Legacy', LEGACY);
    new UsagePlan(stack, 'Partners', { stages: [legacy], routeThrottles: { 'POST /reports': { rateLimit: 5, burstLimit: 10 } } });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      ApiStages: [{ ApiId: 'a1b2c3d4e5', Stage: 'prod', Throttle: { '/reports/POST': { RateLimit: 5, BurstLimit: 10 } } }],
    });
  });

  test('a route throttle naming a route the stage is not known to have is refused', () => {
    const stack = newStack();
    const legacy = GatewayApi.fromStageAttributes(stack, 'Legacy', { ...LEGACY, routeKeys: undefined });
    new UsagePlan(stack, 'Partners', { stages: [legacy], routeThrottles: { 'POST /reports': { rateLimit: 5, burstLimit: 10 } } });
    expect(() => Template.fromStack(stack)).toThrow(/routeThrottles\['POST \/reports'\]: "POST \/reports" is not allowed. Allowed: a route of one of the plan's stages \(its stages name no routes\)/);
  });

  test('a custom domain maps it, and its url becomes the domain\'s', () => {
    const stack = newStack();
    const legacy = GatewayApi.fromStageAttributes(stack, 'Legacy', LEGACY);
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111122223333:certificate/abc');
    new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', certificate }).addMapping(legacy, { basePath: 'legacy' });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::BasePathMapping', { RestApiId: 'a1b2c3d4e5', Stage: 'prod', BasePath: 'legacy' });
    expect(legacy.url).toBe('https://api.example.com/legacy/');
  });

  test('its metrics name the API and stage, for alarms; its grants name its ARN; aws-cdk-lib takes it as an IStage', () => {
    const stack = newStack();
    const legacy = GatewayApi.fromStageAttributes(stack, 'Legacy', LEGACY);
    new cloudwatch.Alarm(stack, 'Errors', { metric: legacy.metrics.metricServerErrors(), threshold: 1, evaluationPeriods: 1 });
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    legacy.grantInvoke(role, 'GET', '/reports');
    new apigw.ApiKey(stack, 'Key', { stages: [legacy] });
    const template = Template.fromStack(stack);
    expect(legacy.metrics.metricServerErrors().dimensions).toEqual({ ApiName: 'legacy', Stage: 'prod' });
    template.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    const statement = Object.values(template.findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement[0];
    expect(JSON.stringify(statement.Resource)).toContain(':a1b2c3d4e5/prod/GET/reports');
    template.hasResourceProperties('AWS::ApiGateway::ApiKey', { StageKeys: [{ RestApiId: 'a1b2c3d4e5', StageName: 'prod' }] });
  });
});
