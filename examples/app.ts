// The example app: a tour of cdk-gateway-api, one stack per capability.
// `npm run example` synthesizes it offline into cdk.out/.
import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { addComplianceStages } from './compliance/compliance-stage';
import { AgentToolsStack } from './stacks/agent-tools-stack';
import { AuthorizersStack } from './stacks/authorizers-stack';
import { AwsServicesStack } from './stacks/aws-services-stack';
import { CdnStack } from './stacks/cdn-stack';
import { EndpointsStack } from './stacks/endpoints-stack';
import { HttpApiStack } from './stacks/http-api-stack';
import { HttpBackendStack } from './stacks/http-backend-stack';
import { LambdaApiStack } from './stacks/lambda-api-stack';
import { LargeDefinitionStack } from './stacks/large-definition-stack';
import { ObservabilityStack } from './stacks/observability-stack';
import { ReleasesStack } from './stacks/releases-stack';
import { UsagePlansStack } from './stacks/usage-plans-stack';
import { WebSocketChatStack } from './stacks/websocket-chat-stack';

const app = new App({
  // Checks every template against aws-cdk-lib's bundled CloudFormation rules at synth.
  postCliContext: { '@aws-cdk/core:validateAgainstDefaultRules': true },
  // Which deployment each stage serves, recorded by `cdk synth` and committed (README, "Releases").
  context: { 'cdk-gateway-api:releaseFile': path.join(__dirname, 'gateway-api.releases.json') },
});

// The tour's APIs are IAM-authorized demos without a web ACL; the compliance stages show WAF.
Validations.of(app).acknowledge({
  id: 'GatewayApi::stage-waf',
  reason: 'Tour of integrations: every route is IAM-authorized, and WAF is shown in the NIST and PCI compliance stages.',
});

new LambdaApiStack(app, 'GatewayApiLambdaExample');
new HttpBackendStack(app, 'GatewayApiHttpBackendExample');
new AwsServicesStack(app, 'GatewayApiAwsServicesExample');
new EndpointsStack(app, 'GatewayApiEndpointsExample');
new LargeDefinitionStack(app, 'GatewayApiLargeDefinitionExample');
new ReleasesStack(app, 'GatewayApiReleasesExample');
new UsagePlansStack(app, 'GatewayApiUsagePlansExample');
new AuthorizersStack(app, 'GatewayApiAuthorizersExample');
new HttpApiStack(app, 'GatewayApiHttpExample');
new WebSocketChatStack(app, 'GatewayApiWebSocketExample');
new ObservabilityStack(app, 'GatewayApiObservabilityExample');
new AgentToolsStack(app, 'GatewayApiAgentToolsExample');
new CdnStack(app, 'GatewayApiCdnExample');
addComplianceStages(app);
