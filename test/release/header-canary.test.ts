import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, aws_route53 as route53 } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CanaryHeaderOptions, GatewayApi, GatewayApiProps, Integration, Release } from '../../src';
import { RECORD_RELEASES_CONTEXT, RELEASE_FILE_CONTEXT } from '../../src/release/release-location';

const v1 = { 'GET /pets': { integration: Integration.mock() } };
const v2 = { ...v1, 'GET /pets/{petId}': { integration: Integration.mock() } };
const BETA: CanaryHeaderOptions = { name: 'X-Version', value: 'beta' };

/** One `cdk synth` of an app whose API is served by a custom domain at `pets`, recording releases into `file`. */
function synthStep(file: string, props: Omit<GatewayApiProps, 'domain'>, domain = true): { template: Template; stack: Stack; api: GatewayApi } {
  const app = new App({
    context: { '@aws-cdk/core:validateAgainstDefaultRules': false, [RELEASE_FILE_CONTEXT]: file, [RECORD_RELEASES_CONTEXT]: true },
  });
  const stack = new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
  const api = new GatewayApi(stack, 'Api', {
    ...props,
    policyValidation: false,
    domain: domain ? { domainName: 'api.example.com', hostedZone, mappings: [{ stageName: 'prod', basePath: 'pets' }] } : undefined,
  });
  return { template: Template.fromStack(stack), stack, api };
}

function newReleaseFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-api-header-canary-')), 'releases.json');
}

const stagesOf = (template: Template) => Object.values(template.findResources('AWS::ApiGateway::Stage')).map((s: any) => s.Properties);

describe('a canary that requests with a header always reach', () => {
  test('a stage of its own serves the canary\'s deployment, and the domain routes the header to it; the percentage keeps the rest', () => {
    const file = newReleaseFile();
    synthStep(file, { routes: v1 });
    const { template } = synthStep(file, {
      routes: v2,
      stages: [{ variables: { color: 'blue' }, release: Release.canary({ percentTraffic: 0, stageVariableOverrides: { color: 'green' }, header: BETA }) }],
    });
    const [prod, canary] = stagesOf(template);
    expect(prod.StageName).toBe('prod');
    expect(prod.CanarySetting).toMatchObject({ PercentTraffic: 0 });
    expect(canary).toMatchObject({ StageName: 'prod-canary', Variables: { color: 'green' } });
    // The canary's stage serves the deployment the canary does.
    expect(canary.DeploymentId).toEqual(prod.CanarySetting.DeploymentId);
    expect(canary.DeploymentId).not.toEqual(prod.DeploymentId);
    template.hasResourceProperties('AWS::ApiGatewayV2::RoutingRule', {
      Priority: 1,
      Conditions: [
        { MatchHeaders: { AnyOf: [{ Header: 'X-Version', ValueGlob: 'beta' }] } },
        { MatchBasePaths: { AnyOf: ['pets'] } },
      ],
      Actions: [{ InvokeApi: { ApiId: { Ref: Match.stringLikeRegexp('^Api') }, Stage: { Ref: Match.stringLikeRegexp('^ApiStageprodcanary') }, StripBasePath: true } }],
    });
    template.hasResourceProperties('AWS::ApiGateway::DomainName', { RoutingMode: 'ROUTING_RULE_THEN_BASE_PATH_MAPPING' });
  });

  test('the canary\'s stage and rule go when the canary is promoted; the release file never names that stage', () => {
    const file = newReleaseFile();
    synthStep(file, { routes: v1 });
    synthStep(file, { routes: v2, stages: [{ release: Release.canary({ percentTraffic: 10, header: { ...BETA, priority: 42 } }) }] });
    const promoted = synthStep(file, { routes: v2, stages: [{ release: Release.promote() }] });
    expect(stagesOf(promoted.template).map(s => s.StageName)).toEqual(['prod']);
    promoted.template.resourceCountIs('AWS::ApiGatewayV2::RoutingRule', 0);
    const recorded = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(JSON.stringify(recorded)).not.toContain('prod-canary');
  });

  test('without a custom domain mapping the stage, the header reaches nothing: a synth warning says so', () => {
    const file = newReleaseFile();
    synthStep(file, { routes: v1 }, false);
    const { stack } = synthStep(file, { routes: v2, stages: [{ release: Release.canary({ percentTraffic: 5, header: BETA }) }] }, false);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('no custom domain maps the stage'))).toHaveLength(1);
  });

  test('the header is checked as a rule\'s is; the canary\'s stage name must be free', () => {
    const file = newReleaseFile();
    synthStep(file, { routes: v1 });
    expect(() => synthStep(file, { routes: v2, stages: [{ release: Release.canary({ percentTraffic: 5, header: { name: 'Authorization', value: 'x' } }) }] }))
      .toThrow(/the canary header of Test\/Api\/Stage.prod.*headers name: "Authorization" is not allowed/);
    expect(() => synthStep(file, {
      routes: v1,
      stages: [{ stageName: 'prod-canary' }, { release: Release.canary({ percentTraffic: 5, header: BETA }) }],
    })).toThrow(/stages\[1\]\.release header: "prod-canary" is not allowed/);
  });
});
