import { Size, aws_apigateway as apigw, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Integration } from '../../src';
import { synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };

describe('endpoints', () => {
  test('REGIONAL by default, with no resource policy', () => {
    const { template } = synthApi(() => ({ routes }));
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
    expect(template.findResources('AWS::ApiGateway::RestApi').ApiF70053CD.Properties.Policy).toBeUndefined();
  });

  test('EDGE on request', () => {
    const { template } = synthApi(() => ({ routes, endpointType: apigw.EndpointType.EDGE }));
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['EDGE'] } });
  });

  test('PRIVATE binds the VPC endpoints and admits calls through them only', () => {
    const { template } = synthApi(stack => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
      const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
      return { routes, endpointType: apigw.EndpointType.PRIVATE, vpcEndpoints: [endpoint] };
    });
    const endpointRef = { Ref: 'VpcExecuteApi29074DB4' };
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: [endpointRef] },
      Policy: {
        Statement: [
          { Action: 'execute-api:Invoke', Effect: 'Deny', Principal: { AWS: '*' }, Resource: 'execute-api:/*', Condition: { StringNotEquals: { 'aws:SourceVpce': [endpointRef] } } },
          { Action: 'execute-api:Invoke', Effect: 'Allow', Principal: { AWS: '*' }, Resource: 'execute-api:/*', Condition: { Null: { 'aws:PrincipalArn': 'true' } } },
        ],
      },
    });
  });

  test('PRIVATE without a VPC endpoint is rejected, and so are endpoints on a public API', () => {
    expect(() => synthApi(() => ({ routes, endpointType: apigw.EndpointType.PRIVATE })))
      .toThrow(/^\[Test\/Api\] vpcEndpoints: "undefined" is not allowed\. Allowed: at least one interface VPC endpoint for execute-api when endpointType is PRIVATE/);
    expect(() => synthApi(stack => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
      return { routes, vpcEndpoints: [vpc.addInterfaceEndpoint('E', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY })] };
    })).toThrow(/vpcEndpoints: "1 endpoint\(s\)" is not allowed\. Allowed: VPC endpoints only with endpointType PRIVATE/);
  });

  test('binary media types, compression and disabling the execute-api endpoint', () => {
    const { template } = synthApi(() => ({
      routes, binaryMediaTypes: ['image/png'], minCompressionSize: Size.kibibytes(1), disableExecuteApiEndpoint: true,
    }));
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      BinaryMediaTypes: ['image/png'], MinimumCompressionSize: 1024, DisableExecuteApiEndpoint: true,
    });
    expect(() => synthApi(() => ({ routes, minCompressionSize: Size.mebibytes(11) })))
      .toThrow(/minCompressionSize: 11534336 is not allowed\. Allowed: a whole number from 0 to 10485760 bytes/);
  });
});
