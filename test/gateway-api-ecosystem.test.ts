import {
  Duration, Stack, aws_apigateway as apigw, aws_bedrockagentcore as agentcore, aws_certificatemanager as acm, aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins, aws_ec2 as ec2, aws_events as events, aws_events_targets as eventTargets, aws_route53 as route53,
  aws_route53_targets as dnsTargets,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, GatewayDomain, Integration } from '../src';
import { newFunction, newStack } from './util';

/** A GatewayApi with two stages, as the consumers below get it. */
function shop(stack: Stack): GatewayApi {
  const fn = newFunction(stack);
  return new GatewayApi(stack, 'Shop', {
    stages: [{ stageName: 'prod' }, { stageName: 'beta' }],
    routes: { 'GET /items': { integration: Integration.lambda(fn) }, 'POST /jobs': { integration: Integration.lambda(fn) } },
  });
}

const apiRef = { Ref: Match.stringLikeRegexp('^Shop') };

describe('aws-cdk-lib takes a GatewayApi where it takes a REST API', () => {
  test('its deploymentStage is its first stage, a Stage serving the API', () => {
    const stack = newStack();
    const api = shop(stack);
    expect(api.deploymentStage).toBeInstanceOf(apigw.Stage);
    expect(api.deploymentStage).toBe(api.defaultStage);
    expect(api.deploymentStage.restApi).toBe(api);
    expect(api.stages.map(stage => stage.stageName)).toEqual(['prod', 'beta']);
    expect(stack.resolve(api.restApiRootResourceId)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(api.restApi), 'RootResourceId'] });
    // Metrics of aws-cdk-lib's name the API by its name, as GatewayApi's own do.
    expect(api.metricLatency().dimensions).toEqual({ ApiName: 'Shop' });
  });

  test('CloudFront: a RestApiOrigin reaches the first stage at its path, over TLS 1.2', () => {
    const stack = newStack();
    const api = shop(stack);
    new cloudfront.Distribution(stack, 'Cdn', { defaultBehavior: { origin: new origins.RestApiOrigin(api) } });
    const origin = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig.Origins[0];
    // Host and path are read from the stage's URL when CloudFormation deploys: https://<id>.execute-api.<region>.<suffix>/prod/
    const url = stack.resolve(api.deploymentStage.urlForPath('/'));
    expect(origin.DomainName).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', url] }] });
    expect(origin.OriginPath).toEqual({ 'Fn::Join': ['', ['/', { 'Fn::Select': [3, { 'Fn::Split': ['/', url] }] }]] });
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  test('CloudFront: an API whose domain serves it at the root (execute-api off) is reached at the domain, with no origin path', () => {
    const stack = newStack();
    const api = shop(stack);
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111122223333:certificate/abc');
    new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', certificate }).addMapping(api.defaultStage);
    // The URL has no stage path, so the origin path RestApiOrigin reads from it would be "/", which CloudFront refuses.
    new cloudfront.Distribution(stack, 'Cdn', { defaultBehavior: { origin: new origins.RestApiOrigin(api, { originPath: '' }) } });
    const origin = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig.Origins[0];
    expect(origin.DomainName).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', 'https://api.example.com/'] }] });
    expect(origin.OriginPath).toBe('');
  });

  test('Route 53: an alias to a domain of aws-cdk-lib\'s (ApiGateway) or to a GatewayDomain (ApiGatewayDomain)', () => {
    const stack = newStack();
    const api = shop(stack);
    const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111122223333:certificate/abc');
    api.addDomainName('L2Domain', { domainName: 'l2.example.com', certificate });
    new route53.ARecord(stack, 'L2Alias', { zone, recordName: 'l2', target: route53.RecordTarget.fromAlias(new dnsTargets.ApiGateway(api)) });
    const domain = new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', certificate });
    domain.addMapping(api.defaultStage);
    new route53.ARecord(stack, 'Alias', { zone, recordName: 'api', target: route53.RecordTarget.fromAlias(new dnsTargets.ApiGatewayDomain(domain)) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::BasePathMapping', { RestApiId: apiRef, Stage: 'prod' });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.example.com.',
      AliasTarget: {
        DNSName: { 'Fn::GetAtt': [stack.getLogicalId(domain.cfnDomainName), 'RegionalDomainName'] },
        HostedZoneId: { 'Fn::GetAtt': [stack.getLogicalId(domain.cfnDomainName), 'RegionalHostedZoneId'] },
      },
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'l2.example.com.', AliasTarget: Match.objectLike({ DNSName: Match.anyValue() }) });
  });

  test('EventBridge: a rule calls a route of the first stage with a role allowed that route only', () => {
    const stack = newStack();
    const api = shop(stack);
    new events.Rule(stack, 'Nightly', {
      schedule: events.Schedule.rate(Duration.days(1)),
      targets: [new eventTargets.ApiGateway(api, { method: 'POST', path: '/jobs' })],
    });
    const template = Template.fromStack(stack);
    const target = Object.values(template.findResources('AWS::Events::Rule'))[0].Properties.Targets[0];
    expect(JSON.stringify(target.Arn)).toContain('/prod/POST/jobs');
    expect(JSON.stringify(target.Arn)).toContain(JSON.stringify(stack.resolve(api.restApiId)));
  });

  test('a usage plan and an API key of aws-cdk-lib\'s serve its stages', () => {
    const stack = newStack();
    const api = shop(stack);
    new apigw.UsagePlan(stack, 'Plan', { apiStages: [{ api, stage: api.deploymentStage }] });
    new apigw.ApiKey(stack, 'Key', { stages: api.stages });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', { ApiStages: [{ ApiId: apiRef, Stage: 'prod' }] });
    template.hasResourceProperties('AWS::ApiGateway::ApiKey', { StageKeys: [{ RestApiId: apiRef, StageName: 'prod' }, { RestApiId: apiRef, StageName: 'beta' }] });
  });

  test('AgentCore: a gateway target calls the first stage, its role allowed to invoke it', () => {
    const stack = newStack();
    const api = shop(stack);
    const gateway = new agentcore.Gateway(stack, 'Tools');
    gateway.addApiGatewayTarget('Shop', {
      restApi: api,
      apiGatewayToolConfiguration: { toolFilters: [{ filterPath: '/items', methods: [agentcore.ApiGatewayHttpMethod.GET] }] },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::BedrockAgentCore::GatewayTarget', {
      TargetConfiguration: { Mcp: { ApiGateway: Match.objectLike({ RestApiId: apiRef, Stage: 'prod' }) } },
    });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    expect(JSON.stringify(statements.find((s: any) => s.Action === 'execute-api:Invoke').Resource)).toContain('/prod/*/*');
  });

  test('a statement added to its resource policy (grantInvokeFromVpcEndpointsOnly) goes into the API and its deployment', () => {
    const deploymentOf = (s: Stack) => Object.keys(Template.fromStack(s).findResources('AWS::ApiGateway::Deployment'));
    const withoutPolicy = newStack();
    shop(withoutPolicy);
    const stack = newStack();
    const api = shop(stack);
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'a', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
    api.grantInvokeFromVpcEndpointsOnly([endpoint]);
    const template = Template.fromStack(stack);
    const policy = template.findResources('AWS::ApiGateway::RestApi')[stack.getLogicalId(api.restApi)].Properties.Policy;
    expect(policy.Statement.map((s: any) => s.Effect)).toEqual(['Deny', 'Allow']);
    expect(JSON.stringify(policy)).toContain(JSON.stringify(stack.resolve(endpoint.vpcEndpointId)));
    // The policy is part of what a deployment snapshots: a new one is made.
    expect(deploymentOf(stack)).not.toEqual(deploymentOf(withoutPolicy));
  });
});
