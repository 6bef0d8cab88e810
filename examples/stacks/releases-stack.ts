// Capability: several stages with their own settings, and a canary release in progress.
// `dev` follows the definition; `prod` tries the newest version on 10% of its requests, with
// its own stage variables, while the rest keep the deployment prod served before; requests
// with `X-Version: preview` always reach the newest version, through a routing rule of the
// API's custom domain to the stage `prod-canary`. The release file
// examples/gateway-api.releases.json remembers which deployment the base serves.
import { Stack, StackProps, aws_apigateway as apigw, aws_route53 as route53 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inlineFunction } from './inline-function';
import { GatewayApi, Integration, Release } from '../../src';

export class ReleasesStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // Reports which stage, and which side of the canary, answered.
    const versionFn = inlineFunction(this, 'VersionFunction', [
      'exports.handler = async (event) => ({',
      '  statusCode: 200,',
      "  headers: { 'Content-Type': 'application/json' },",
      '  body: JSON.stringify({ stage: event.requestContext.stage, variables: event.stageVariables }),',
      '});',
    ]);
    const version = Integration.lambda(versionFn);

    new GatewayApi(this, 'Api', {
      description: 'Released to dev first, and to prod through a canary',
      routes: {
        'GET /version': { integration: version },
        // New in the version prod's canary serves: the base does not have it yet.
        'GET /version/{component}': { integration: version },
      },
      // shop.example.com/v1 serves prod (and its canary, by header), shop.example.com/dev serves dev.
      domain: {
        domainName: 'shop.example.com',
        hostedZone: route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: 'Z0123456789EXAMPLE', zoneName: 'example.com' }),
        mappings: [{ stageName: 'prod', basePath: 'v1' }, { stageName: 'dev', basePath: 'dev' }],
      },
      stages: [
        {
          stageName: 'prod',
          variables: { env: 'prod', featureFlags: 'stable' },
          urlOutput: true,
          // Step 1 of the release workflow (README, "Releases"): shift it with percentTraffic,
          // then end it with Release.promote() or Release.rollback().
          release: Release.canary({
            percentTraffic: 10,
            stageVariableOverrides: { featureFlags: 'preview' },
            header: { name: 'X-Version', value: 'preview' },
          }),
        },
        {
          stageName: 'dev',
          variables: { env: 'dev', featureFlags: 'preview' },
          urlOutput: true,
          loggingLevel: apigw.MethodLoggingLevel.INFO,
          throttlingRateLimit: 50,
          throttlingBurstLimit: 100,
        },
      ],
    });
  }
}
