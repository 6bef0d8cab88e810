import {
  Stack, aws_apigateway as apigw, aws_bedrockagentcore as agentcore, aws_certificatemanager as acm, aws_cognito as cognito,
  aws_ec2 as ec2,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Authorization, Authorizer, GatewayApi, GatewayApiProps, GatewayDomain, Integration, RouteOptions } from '../../src';
import { newStack } from '../util';

const mock = (): RouteOptions['integration'] => Integration.mock();
const OPEN = Authorization.none('A public catalogue.');

function shop(props: (stack: Stack) => Partial<GatewayApiProps> = () => ({}), routes: Record<string, RouteOptions> = {}): {
  stack: Stack; api: GatewayApi; gateway: agentcore.Gateway;
} {
  const stack = newStack();
  const api = new GatewayApi(stack, 'Shop', {
    stages: [{ stageName: 'prod' }, { stageName: 'beta' }],
    routes: {
      'GET /pets': { integration: mock(), operationId: 'listPets', summary: 'Lists the pets for sale.' },
      'GET /pets/{petId}': { integration: mock(), operationId: 'getPet', summary: 'One pet, by id.', authorization: OPEN },
      'POST /pets': { integration: mock(), operationId: 'addPet' },
      ...routes,
    },
    ...props(stack),
  });
  return { stack, api, gateway: new agentcore.Gateway(stack, 'Tools') };
}

function toolsOf(template: Template): any {
  return Object.values(template.findResources('AWS::BedrockAgentCore::GatewayTarget'))[0].Properties;
}

describe('addMcpTarget', () => {
  test('the routes named become tools named by their operationId and described by their summary, on the first stage', () => {
    const { stack, api, gateway } = shop();
    api.addMcpTarget(gateway, { routes: ['GET /pets', 'GET /pets/{petId}'], description: 'The pet shop' });
    const template = Template.fromStack(stack);
    const target = toolsOf(template);
    expect(target).toMatchObject({
      Name: 'Shop',
      Description: 'The pet shop',
      GatewayIdentifier: { 'Fn::GetAtt': [expect.stringMatching(/^Tools/), 'GatewayIdentifier'] },
      CredentialProviderConfigurations: [{ CredentialProviderType: 'GATEWAY_IAM_ROLE' }],
    });
    expect(target.TargetConfiguration.Mcp.ApiGateway).toEqual({
      RestApiId: stack.resolve(api.restApiId),
      Stage: 'prod',
      ApiGatewayToolConfiguration: {
        ToolFilters: [{ FilterPath: '/pets', Methods: ['GET'] }, { FilterPath: '/pets/{petId}', Methods: ['GET'] }],
        ToolOverrides: [
          { Name: 'listPets', Path: '/pets', Method: 'GET', Description: 'Lists the pets for sale.' },
          { Name: 'getPet', Path: '/pets/{petId}', Method: 'GET', Description: 'One pet, by id.' },
        ],
      },
    });
  });

  test('the gateway\'s role may invoke the IAM routes named, on that stage, and nothing else; the target waits for it', () => {
    const { stack, api, gateway } = shop();
    api.addMcpTarget(gateway, { routes: ['GET /pets', 'GET /pets/{petId}'], stageName: 'beta' });
    const template = Template.fromStack(stack);
    const invoke = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement)
      .filter((s: any) => s.Action === 'execute-api:Invoke');
    expect(invoke).toHaveLength(1);
    // Only the IAM route: the open one needs no permission, and POST /pets was not named.
    expect(stack.resolve(invoke[0].Resource)).toEqual(stack.resolve(api.arnForExecuteApi('GET', '/pets', 'beta')));
    const targetId = Object.keys(template.findResources('AWS::BedrockAgentCore::GatewayTarget'))[0];
    const dependsOn: string[] = template.toJSON().Resources[targetId].DependsOn;
    expect(dependsOn.some(id => /^ToolsServiceRoleDefaultPolicy/.test(id))).toBe(true);
    expect(dependsOn).toContain(stack.getLogicalId(api.stages[1].stage));
  });

  test('open routes only: the gateway calls them without credentials, and its role gets nothing', () => {
    const { stack, api, gateway } = shop();
    api.addMcpTarget(gateway, { routes: ['GET /pets/{petId}'], targetName: 'catalogue' });
    const template = Template.fromStack(stack);
    expect(toolsOf(template).CredentialProviderConfigurations).toBeUndefined();
    expect(toolsOf(template).Name).toBe('catalogue');
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    expect(statements.filter((s: any) => s.Action === 'execute-api:Invoke')).toEqual([]);
  });

  test.each<[string, (api: GatewayApi, gateway: agentcore.Gateway) => void, string]>([
    ['no route', (api, gateway) => api.addMcpTarget(gateway, { routes: [] }), 'addMcpTarget routes: [] is not allowed. Allowed: at least one route key'],
    ['a route the API has not', (api, gateway) => api.addMcpTarget(gateway, { routes: ['GET /cats'] }), 'addMcpTarget routes[0]: "GET /cats" is not allowed. Allowed: a route of the API (GET /pets'],
    ['an ANY route', (api, gateway) => api.addMcpTarget(gateway, { routes: ['ANY /admin'] }), 'one method of GET, DELETE, HEAD, OPTIONS, PATCH, PUT, POST, not ANY'],
    ['a proxy resource', (api, gateway) => api.addMcpTarget(gateway, { routes: ['GET /files/{path+}'] }), 'it skips proxy resources'],
    ['a Cognito route', (api, gateway) => api.addMcpTarget(gateway, { routes: ['GET /me'] }), 'cannot pass a Cognito authorizer'],
    ['a route that requires an API key', (api, gateway) => api.addMcpTarget(gateway, { routes: ['GET /partners'] }), 'the route requires an API key'],
    ['a stage the API has not', (api, gateway) => api.addMcpTarget(gateway, { routes: ['GET /pets'], stageName: 'dev' }), 'addMcpTarget stageName: "dev" is not allowed. Allowed: a stage of the API (prod, beta)'],
    ['a target name with underscores', (api, gateway) => api.addMcpTarget(gateway, { routes: ['GET /pets'], targetName: 'pet_shop' }), 'addMcpTarget targetName: "pet_shop" is not allowed'],
    ['a second target of the same name', (api, gateway) => {
      api.addMcpTarget(gateway, { routes: ['GET /pets'] });
      api.addMcpTarget(gateway, { routes: ['POST /pets'] });
    }, 'addMcpTarget targetName (the API\'s id by default): "Shop" is not allowed. Allowed: a name no other target of this API has'],
  ])('refuses %s, naming the prop', (_, add, message) => {
    const { api, gateway } = shop(undefined, {
      'ANY /admin': { integration: mock() },
      'GET /files/{path+}': { integration: mock() },
      'GET /me': { integration: mock(), authorization: Authorization.authorizer(Authorizer.cognito({ userPools: [new cognito.UserPool(new Stack(), 'Pool')] })) },
      'GET /partners': { integration: mock(), apiKeyRequired: true },
    });
    expect(() => add(api, gateway)).toThrow(message);
  });

  test('refuses a PRIVATE API, and an API whose custom domain turns execute-api off', () => {
    const privateApi = shop(stack => ({
      endpointType: apigw.EndpointType.PRIVATE,
      vpcEndpoints: [ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'Endpoint', { vpcEndpointId: 'vpce-0a1b2c3d', port: 443 })],
    }));
    expect(() => privateApi.api.addMcpTarget(privateApi.gateway, { routes: ['GET /pets'] })).toThrow('AgentCore gateways call public REST APIs only');

    const { stack, api, gateway } = shop();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111122223333:certificate/abc');
    new GatewayDomain(stack, 'Domain', { domainName: 'api.example.com', certificate }).addMapping(api.defaultStage);
    api.addMcpTarget(gateway, { routes: ['GET /pets'] });
    expect(() => Template.fromStack(stack)).toThrow(/addMcpTarget needs the execute-api endpoint/);
  });
});
