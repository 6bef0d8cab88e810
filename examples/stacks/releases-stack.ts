// Capability: several stages with their own settings, and a canary release in progress.
// `dev` follows the definition; `prod` tries the newest version on 10% of its requests, with
// its own stage variables, while the rest keep the deployment prod served before. The
// release file examples/gateway-api.releases.json remembers which deployment that is.
import { Stack, StackProps, aws_apigateway as apigw } from 'aws-cdk-lib';
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
      stages: [
        {
          stageName: 'prod',
          variables: { env: 'prod', featureFlags: 'stable' },
          urlOutput: true,
          // Step 1 of the release workflow (README, "Releases"): shift it with percentTraffic,
          // then end it with Release.promote() or Release.rollback().
          release: Release.canary({ percentTraffic: 10, stageVariableOverrides: { featureFlags: 'preview' } }),
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
