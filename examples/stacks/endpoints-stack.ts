// Capability: endpoint types (EDGE, PRIVATE behind a VPC endpoint) and stage settings on an
// API whose default execute-api endpoint is disabled.
import {
  Stack, StackProps, aws_apigateway as apigw, aws_ec2 as ec2, aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { GatewayApi, Integration } from '../../src';

export class EndpointsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const hello = Integration.mock({
      integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"hello": "world"}' } }],
    });

    // EDGE: served through CloudFront's edge locations.
    new GatewayApi(this, 'EdgeApi', {
      endpointType: apigw.EndpointType.EDGE,
      routes: { 'GET /hello': { integration: hello } },
    });

    // PRIVATE: reachable only from the VPC, through its execute-api interface endpoint;
    // the library writes the resource policy that admits that endpoint alone.
    const vpc = new ec2.Vpc(this, 'Vpc', { natGateways: 0, maxAzs: 2 });
    const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', {
      service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY,
    });
    new GatewayApi(this, 'PrivateApi', {
      endpointType: apigw.EndpointType.PRIVATE,
      vpcEndpoints: [endpoint],
      routes: { 'GET /hello': { integration: hello } },
    });

    // REGIONAL with the execute-api endpoint off (clients come through a custom domain),
    // and a stage configured beyond the defaults.
    new GatewayApi(this, 'CustomDomainOnlyApi', {
      disableExecuteApiEndpoint: true,
      routes: {
        'GET /version': {
          integration: Integration.mock({
            integrationResponses: [{
              statusCode: '200',
              responseTemplates: { 'application/json': '{"version": "$stageVariables.version"}' },
            }],
          }),
        },
      },
      stages: [{
        stageName: 'v1',
        description: 'Version 1',
        variables: { version: '1.4.0', backendHost: 'api-v1.example.com' },
        throttlingRateLimit: 100,
        throttlingBurstLimit: 200,
        accessLogRetention: logs.RetentionDays.THREE_MONTHS,
      }],
    });
  }
}
