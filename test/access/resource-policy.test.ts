import { App, Fn, Stack, aws_apigateway as apigw, aws_ec2 as ec2, aws_iam as iam } from 'aws-cdk-lib';
import { GatewayApi, GatewayApiProps, Integration, ResourcePolicyOptions } from '../../src';
import { synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };

/** The statements of the RestApi's resource policy. */
function policyOf(build: (stack: Stack) => GatewayApiProps): any[] {
  const { template } = synthApi(build);
  const [api] = Object.values(template.findResources('AWS::ApiGateway::RestApi')) as any[];
  return api.Properties.Policy?.Statement;
}

const invoke = { Action: 'execute-api:Invoke', Principal: { AWS: '*' }, Resource: 'execute-api:/*' };
const unsignedCallers = { ...invoke, Effect: 'Allow', Condition: { Null: { 'aws:PrincipalArn': 'true' } } };

function privateApi(resourcePolicy?: ResourcePolicyOptions): (stack: Stack) => GatewayApiProps {
  return stack => {
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
    const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
    return { routes, endpointType: apigw.EndpointType.PRIVATE, vpcEndpoints: [endpoint], resourcePolicy };
  };
}

describe('resource policy', () => {
  test('none unless asked for, since any resource policy demands an explicit Allow for every call', () => {
    expect(policyOf(() => ({ routes }))).toBeUndefined();
  });

  test('a source IP allow list denies every other address, then admits unsigned callers and leaves IAM callers to IAM', () => {
    expect(policyOf(() => ({ routes, resourcePolicy: { allowSourceIps: ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7'] } }))).toEqual([
      { ...invoke, Effect: 'Deny', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7'] } } },
      unsignedCallers,
    ]);
  });

  test('deny lists and accounts: each a statement of its own, in a fixed order', () => {
    expect(policyOf(() => ({
      routes,
      resourcePolicy: {
        denySourceIps: ['192.0.2.0/24'],
        allowAccounts: ['111122223333'],
        denyAccounts: ['444455556666'],
        statements: [new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['execute-api:Invoke'], principals: [new iam.AnyPrincipal()], resources: ['execute-api:/*/DELETE/*'] })],
      },
    }))).toEqual([
      { ...invoke, Effect: 'Deny', Condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24'] } } },
      { ...invoke, Effect: 'Deny', Condition: { StringEquals: { 'aws:PrincipalAccount': ['444455556666'] } } },
      unsignedCallers,
      { ...invoke, Effect: 'Allow', Condition: { StringEquals: { 'aws:PrincipalAccount': ['111122223333'] } } },
      { ...invoke, Effect: 'Deny', Resource: 'execute-api:/*/DELETE/*' },
    ]);
  });

  test('merged with a private API\'s endpoint binding: one endpoint condition, VPC conditions, and the in-VPC address key', () => {
    const endpointRef = { Ref: 'VpcExecuteApi29074DB4' };
    expect(policyOf(privateApi({
      allowVpcEndpoints: ['vpce-0a1b2c3d4e5f60718'],
      denyVpcEndpoints: ['vpce-0123456789abcdef0'],
      allowSourceVpcs: ['vpc-0a1b2c3d'],
      denySourceVpcs: ['vpc-0d3c2b1a'],
      allowSourceIps: ['10.0.0.0/16'],
    }))).toEqual([
      { ...invoke, Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpce': [endpointRef, 'vpce-0a1b2c3d4e5f60718'] } } },
      { ...invoke, Effect: 'Deny', Condition: { StringEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0'] } } },
      { ...invoke, Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-0a1b2c3d'] } } },
      { ...invoke, Effect: 'Deny', Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-0d3c2b1a'] } } },
      { ...invoke, Effect: 'Deny', Condition: { NotIpAddress: { 'aws:VpcSourceIp': ['10.0.0.0/16'] } } },
      unsignedCallers,
    ]);
  });

  test('a list token is passed through: joined into the endpoint list, used whole elsewhere', () => {
    const statements = policyOf(privateApi({
      allowVpcEndpoints: Fn.split(',', Fn.importValue('PartnerEndpoints')),
      allowAccounts: Fn.split(',', Fn.importValue('PartnerAccounts')),
    }));
    expect(statements[0].Condition.StringNotEquals['aws:SourceVpce']).toEqual({
      'Fn::Split': [',', { 'Fn::Join': [',', [{ Ref: 'VpcExecuteApi29074DB4' }, { 'Fn::Join': [',', { 'Fn::Split': [',', { 'Fn::ImportValue': 'PartnerEndpoints' }] }] }]] }],
    });
    expect(statements[2].Condition.StringEquals['aws:PrincipalAccount']).toEqual({ 'Fn::Split': [',', { 'Fn::ImportValue': 'PartnerAccounts' }] });
  });

  test('the policy is part of what a deployment snapshots: changing it makes a new deployment', () => {
    const deploymentId = (allowSourceIps: string[]) => {
      const { template } = synthApi(() => ({ routes, resourcePolicy: { allowSourceIps } }));
      return Object.keys(template.findResources('AWS::ApiGateway::Deployment'));
    };
    expect(deploymentId(['203.0.113.0/24'])).not.toEqual(deploymentId(['198.51.100.0/24']));
  });

  test.each<[ResourcePolicyOptions, RegExp]>([
    [{ allowSourceIps: ['203.0.113.0/33'] }, /resourcePolicy\.allowSourceIps\[0\]: "203\.0\.113\.0\/33" is not allowed\. Allowed: IPv4 or IPv6 addresses or CIDR ranges/],
    [{ denySourceIps: ['10.0.0.0/8', 'example.com'] }, /resourcePolicy\.denySourceIps\[1\]: "example\.com" is not allowed/],
    [{ allowSourceIps: [] }, /resourcePolicy\.allowSourceIps: \[\] is not allowed\. Allowed: at least one entry \(leave allowSourceIps out for no condition\)/],
    [{ allowAccounts: ['1234'] }, /resourcePolicy\.allowAccounts\[0\]: "1234" is not allowed\. Allowed: AWS account ids of 12 digits/],
    [{ allowSourceVpcs: ['vpc-0a1b2c3d'] }, /resourcePolicy\.allowSourceVpcs: \["vpc-0a1b2c3d"\] is not allowed\. Allowed: VPC conditions only on a PRIVATE API/],
    [{ denyVpcEndpoints: ['vpce-0a1b2c3d'] }, /resourcePolicy\.denyVpcEndpoints: .* Allowed: VPC conditions only on a PRIVATE API/],
  ])('rejects %j', (resourcePolicy, message) => {
    expect(() => synthApi(() => ({ routes, resourcePolicy }))).toThrow(message);
  });

  test('rejects malformed VPC and endpoint ids, and the API\'s own account among allowAccounts', () => {
    expect(() => synthApi(privateApi({ allowSourceVpcs: ['vpc-xyz'] }))).toThrow(/allowSourceVpcs\[0\]: "vpc-xyz" is not allowed\. Allowed: VPC ids/);
    expect(() => synthApi(privateApi({ allowVpcEndpoints: ['vpc-0a1b2c3d'] }))).toThrow(/allowVpcEndpoints\[0\]: "vpc-0a1b2c3d" is not allowed\. Allowed: VPC endpoint ids/);
    const stack = new Stack(new App(), 'Owner', { env: { account: '123456789012', region: 'eu-west-1' } });
    expect(() => new GatewayApi(stack, 'Api', { routes, resourcePolicy: { allowAccounts: ['210987654321', '123456789012'] } }))
      .toThrow(/\[Owner\/Api\] resourcePolicy\.allowAccounts: "123456789012" is not allowed\. Allowed: accounts other than the API's own/);
  });
});
