import { Size, Stack, aws_apigateway as apigw, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Authorization, CacheClusterSize, GatewayApiProps, Integration, RequestValidation } from '../../src';
import { synthApi } from '../util';

const mock = Integration.mock();
const routes = { 'GET /pets': { integration: mock } };
const base: GatewayApiProps = { routes, policyValidation: false };

/** The deployment the first stage serves, and every deployment in the template. */
function deployments(build: (stack: Stack) => GatewayApiProps): { served: string; all: string[] } {
  const { template } = synthApi(build);
  const stages = Object.values(template.findResources('AWS::ApiGateway::Stage')) as any[];
  return { served: stages[0].Properties.DeploymentId.Ref, all: Object.keys(template.findResources('AWS::ApiGateway::Deployment')) };
}

const original = () => deployments(() => base).served;

describe('deployments follow the deployed API exactly', () => {
  test.each<[string, GatewayApiProps]>([
    ['a route is added', { ...base, routes: { ...routes, 'GET /owners': { integration: mock } } }],
    ['a route\'s method changes', { ...base, routes: { 'POST /pets': { integration: mock } } }],
    ['an integration changes', { ...base, routes: { 'GET /pets': { integration: Integration.urlWithTemplates('https://pets.example.com/pets') } } }],
    ['a mapping template changes', { ...base, routes: { 'GET /pets': { integration: Integration.mock({ requestTemplates: { 'application/json': '{"statusCode": 201}' } }) } } }],
    ['an authorization changes', { ...base, routes: { 'GET /pets': { integration: mock, authorization: Authorization.none('A test of an open route.') } } }],
    ['the default authorization changes', { ...base, defaultAuthorization: Authorization.none('A test of an open route.') }],
    ['a model is added', { ...base, routes: { 'GET /pets': { integration: mock, requestBody: { schema: { type: apigw.JsonSchemaType.OBJECT } } } } }],
    ['a request parameter is required', { ...base, routes: { 'GET /pets': { integration: mock, requestParameters: { 'method.request.querystring.limit': true } } } }],
    ['request validation changes', { ...base, requestValidation: RequestValidation.PARAMETERS_ONLY }],
    ['a gateway response is customized', { ...base, gatewayResponses: [{ responseType: apigw.ResponseType.THROTTLED, statusCode: '429' }] }],
    ['JSON error responses are turned off', { ...base, jsonErrorResponses: false }],
    ['CORS is added', { ...base, cors: { allowOrigins: ['https://app.example.com'] } }],
    ['binary media types change', { ...base, binaryMediaTypes: ['image/png'] }],
    ['compression changes', { ...base, minCompressionSize: Size.kibibytes(1) }],
    ['the default endpoint is disabled', { ...base, disableExecuteApiEndpoint: true }],
  ])('a new deployment when %s', (_, props) => {
    const changed = deployments(() => props);
    expect(changed.served).not.toBe(original());
    expect(changed.all).toEqual([changed.served]);
  });

  test('a new deployment when the resource policy changes', () => {
    const privateApi = (endpointId: string) => deployments(stack => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
      const endpoint = vpc.addInterfaceEndpoint(endpointId, { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
      return { ...base, endpointType: apigw.EndpointType.PRIVATE, vpcEndpoints: [endpoint] };
    }).served;
    expect(privateApi('A')).not.toBe(privateApi('B'));
  });

  test.each<[string, GatewayApiProps]>([
    ['stage variables', { ...base, stages: [{ variables: { color: 'blue' } }] }],
    ['throttling', { ...base, stages: [{ throttlingRateLimit: 5, throttlingBurstLimit: 10 }] }],
    ['logging, data trace, metrics and tracing', {
      ...base, stages: [{ loggingLevel: apigw.MethodLoggingLevel.INFO, dataTraceEnabled: true, detailedMetrics: false, tracingEnabled: false }],
    }],
    ['the stage cache', { ...base, stages: [{ cache: { clusterSize: CacheClusterSize.GB_1_6 } }] }],
    ['the stage description', { ...base, stages: [{ description: 'production' }] }],
    ['another stage', { ...base, stages: [{}, { stageName: 'dev' }] }],
    ['the API\'s description', { ...base, description: 'Pets, as a service' }],
  ])('the same deployment when only %s change', (_, props) => {
    expect(deployments(() => props).served).toBe(original());
  });

  test('the same deployment whatever the order routes are declared in', () => {
    const owners = { 'GET /owners': { integration: mock } };
    expect(deployments(() => ({ ...base, routes: { ...owners, ...routes } })).served)
      .toBe(deployments(() => ({ ...base, routes: { ...routes, ...owners } })).served);
  });

  test('a kept deployment is never updated: its properties depend on its definition alone', () => {
    const { template, api, stack } = synthApi(() => base);
    const id = stack.resolve(api.deployment.logicalId);
    expect(template.toJSON().Resources[id].Properties).toEqual({
      RestApiId: { Ref: 'ApiF70053CD' },
      Description: `GatewayApi deployment of definition ${id.replace(/^ApiF70053CDDeployment/, '')}`,
    });
  });
});
