import * as http from 'http';
import { AddressInfo } from 'net';
import { App, Validations } from 'aws-cdk-lib';
import { AwsServicesStack } from '../../../examples/stacks/aws-services-stack';
import { ILocalAwsService, LocalAwsRequest, LocalGateway, LocalGatewayOptions } from '../../../src';

const signed = { iamPrincipal: 'arn:aws:iam::123456789012:role/tester' };
const json = { 'Content-Type': 'application/json' };

/** Records each service request and answers what the test scripted for its service. */
class Recorder implements ILocalAwsService {
  public readonly requests: LocalAwsRequest[] = [];
  constructor(private readonly answers: { [service: string]: any } = {}) {}
  public call(request: LocalAwsRequest): any {
    this.requests.push(request);
    return this.answers[request.service] ?? { statusCode: 200, body: '{}' };
  }
}

/** The example's orders API (AWS service integrations), run locally. */
function ordersApi(options: LocalGatewayOptions): LocalGateway {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  Validations.of(app).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'The example, run locally.' });
  const stack = new AwsServicesStack(app, 'GatewayApiAwsServicesExample');
  return LocalGateway.fromApi(stack.node.findChild('OrdersApi'), options);
}

describe('AWS service integrations', () => {
  test('a JSON-protocol action: the mapping template\'s body with the target and content type API Gateway sends', async () => {
    const recorder = new Recorder();
    const gateway = ordersApi({ awsServices: recorder });
    const response = await gateway.request('GET /orders/o-7', signed);
    expect(response.statusCode).toBe(200);
    const [request] = recorder.requests;
    expect(request).toMatchObject({
      service: 'dynamodb',
      action: 'GetItem',
      region: 'us-east-1',
      method: 'POST',
      path: '/',
      query: {},
      headers: { 'Accept': 'application/json', 'X-Amz-Target': 'DynamoDB_20120810.GetItem', 'Content-Type': 'application/x-amz-json-1.0' },
    });
    expect(JSON.parse(request.body)).toEqual({ TableName: expect.stringMatching(/^OrdersTable/), Key: { id: { S: 'o-7' } } });
  });

  test('a query-protocol action names itself in the query string; a path URI fills its placeholders', async () => {
    const recorder = new Recorder();
    const gateway = ordersApi({ awsServices: recorder });
    await gateway.request('POST /events', { ...signed, headers: json, body: '{"event": "shipped"}' });
    await gateway.request('PUT /documents/terms.json', { ...signed, headers: json, body: '{"delivery": "soon"}' });
    const [publish, put] = recorder.requests;
    expect([publish.service, publish.query, publish.headers['Content-Type']]).toEqual(['sns', { Action: 'Publish' }, 'application/x-www-form-urlencoded']);
    expect(publish.body).toMatch(/^Action=Publish&TopicArn=arn%3Aaws%3Asns%3A[^&]+&Message=%7B%22event%22%3A\+%22shipped%22%7D$/);
    expect([put.service, put.method, put.path, put.body]).toEqual(['s3', 'PUT', expect.stringMatching(/^\/Documents[0-9A-F]{8}\/terms\.json$/), '{"delivery": "soon"}']);
  });

  test('the service\'s status selects the integration response; physicalIds name the deployed resources', async () => {
    const recorder = new Recorder({ s3: { statusCode: 404, headers: { 'Content-Type': 'application/xml' }, body: '<Error><Code>NoSuchKey</Code></Error>' } });
    const gateway = ordersApi({ awsServices: recorder, physicalIds: { 'GatewayApiAwsServicesExample/Documents': 'documents-bucket-1' } });
    const missing = await gateway.request('GET /documents/missing.txt', signed);
    expect([missing.statusCode, missing.json()]).toEqual([404, { message: 'no such object' }]);
    expect(recorder.requests[0].path).toBe('/documents-bucket-1/missing.txt');
  });

  test('a synchronous execution\'s output comes back through the response template', async () => {
    const gateway = ordersApi({ awsServices: new Recorder({ states: { body: { status: 'SUCCEEDED', output: '{"total": 42}' } } }) });
    const quote = await gateway.request('POST /quotes', { ...signed, headers: json, body: '{"sku": "tea"}' });
    expect([quote.statusCode, quote.json()]).toEqual([200, { total: 42 }]);
  });

  test('to an endpoint, the request is signed for the service with the credentials given', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0' }).end('{"Item": {}}');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const gateway = ordersApi({ awsEndpoint: endpoint, awsCredentials: { accessKeyId: 'AKIDEMU', secretAccessKey: 'emulator' } });
      expect((await gateway.request('GET /orders/o-1', signed)).statusCode).toBe(200);
      expect(seen[0].authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEMU\/\d{8}\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=accept;content-type;host;/);
      expect(seen[0]['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    } finally {
      server.close();
    }
  });

  test('with neither an endpoint nor a stand-in, the route fails the test, saying what to give', async () => {
    await expect(ordersApi({}).request('GET /orders/o-1', signed)).rejects.toThrow(
      /GET \/orders\/\{orderId\} calls dynamodb GetItem \(an AWS integration\); give the local gateway awsEndpoint .* or awsServices/);
  });
});

test('an action URI\'s own parameters join the query string, their placeholders filled', async () => {
  const template = {
    Resources: {
      Api: {
        Type: 'AWS::ApiGateway::RestApi',
        Properties: {
          Body: {
            openapi: '3.0.1',
            paths: {
              '/objects/{key}': {
                get: {
                  'x-amazon-apigateway-integration': {
                    type: 'aws',
                    httpMethod: 'GET',
                    uri: 'arn:aws:apigateway:us-east-1:s3:action/GetObject&Bucket=docs&Key={key}',
                    requestParameters: { 'integration.request.path.key': 'method.request.path.key' },
                    responses: { default: { statusCode: '200' } },
                  },
                },
              },
            },
          },
        },
      },
      Stage: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod' } },
    },
  };
  const recorder = new Recorder({ s3: { body: 'terms' } });
  const response = await LocalGateway.fromTemplate(template, { awsServices: recorder }).request('GET /objects/terms.txt');
  expect([response.statusCode, response.body]).toEqual([200, 'terms']);
  expect(recorder.requests[0]).toMatchObject({ service: 's3', action: 'GetObject', method: 'GET', query: { Bucket: 'docs', Key: 'terms.txt' } });
});
