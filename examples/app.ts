// The example app: a tour of cdk-gateway-api, one stack per capability.
// `npm run example` synthesizes it offline into cdk.out/.
import { App } from 'aws-cdk-lib';
import { AwsServicesStack } from './stacks/aws-services-stack';
import { EndpointsStack } from './stacks/endpoints-stack';
import { HttpBackendStack } from './stacks/http-backend-stack';
import { LambdaApiStack } from './stacks/lambda-api-stack';
import { LargeDefinitionStack } from './stacks/large-definition-stack';

const app = new App({
  // Checks every template against aws-cdk-lib's bundled CloudFormation rules at synth.
  postCliContext: { '@aws-cdk/core:validateAgainstDefaultRules': true },
});

new LambdaApiStack(app, 'GatewayApiLambdaExample');
new HttpBackendStack(app, 'GatewayApiHttpBackendExample');
new AwsServicesStack(app, 'GatewayApiAwsServicesExample');
new EndpointsStack(app, 'GatewayApiEndpointsExample');
new LargeDefinitionStack(app, 'GatewayApiLargeDefinitionExample');
