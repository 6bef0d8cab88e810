import { Duration, Stack, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, IIntegrationContext, Integration, IntegrationConfig, IntegrationType } from '../../src';
import { newFunction, newStack, operation, synthApi } from '../util';

const STREAM = apigw.ResponseTransferMode.STREAM;
const integrationOf = (body: any, path: string, method: string) => operation(body, path, method)['x-amazon-apigateway-integration'];

/** An integration of a user's that answers the config it is given. */
class ConfigIntegration extends Integration {
  constructor(private readonly config: IntegrationConfig) {
    super();
  }

  public bind(_context: IIntegrationContext): IntegrationConfig {
    return this.config;
  }
}

describe('a streamed Lambda proxy', () => {
  test('invokes the function with response streaming, for up to 15 minutes by default', () => {
    const { body, template } = synthApi(stack => ({
      routes: { 'POST /chat': { integration: Integration.lambda(newFunction(stack), { responseTransferMode: STREAM }) } },
    }));
    expect(integrationOf(body, '/chat', 'post')).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: {
        'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2021-11-15/functions/${Fn9270CBC0.Arn}/response-streaming-invocations',
      },
      timeoutInMillis: 900000,
      responseTransferMode: 'STREAM',
    });
    // InvokeWithResponseStream is allowed by the same lambda:InvokeFunction permission.
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' });
  });

  test('a buffered one keeps the 2015-03-31 invocation URI and the 29 s default', () => {
    const { body } = synthApi(stack => ({
      routes: { 'GET /a': { integration: Integration.lambda(newFunction(stack), { responseTransferMode: apigw.ResponseTransferMode.BUFFERED }) } },
    }));
    expect(integrationOf(body, '/a', 'get')).toMatchObject({ timeoutInMillis: 29000, responseTransferMode: 'BUFFERED' });
    expect(integrationOf(body, '/a', 'get').uri['Fn::Sub']).toContain('/2015-03-31/functions/');
  });

  test('takes a timeout above 29 s without the quota raised, on an EDGE API too, up to 15 minutes', () => {
    const { body } = synthApi(stack => ({
      endpointType: apigw.EndpointType.EDGE,
      routes: {
        'GET /a': { integration: Integration.lambda(newFunction(stack), { responseTransferMode: STREAM, timeout: Duration.minutes(5) }) },
      },
    }));
    expect(integrationOf(body, '/a', 'get').timeoutInMillis).toBe(300000);
    expect(() => synthApi(stack => ({
      routes: { 'GET /a': { integration: Integration.lambda(newFunction(stack), { responseTransferMode: STREAM, timeout: Duration.minutes(16) }) } },
    }))).toThrow(/routes\['GET \/a'\]\.integration\.timeout.*960000 ms.*at most 900000 ms \(15 minutes\)/);
  });

  test('a buffered route refused a long timeout is told that streaming allows one', () => {
    expect(() => synthApi(stack => ({
      routes: { 'GET /a': { integration: Integration.lambda(newFunction(stack), { timeout: Duration.minutes(1) }) } },
    }))).toThrow(/stream the response \(responseTransferMode: STREAM, up to 15 minutes\)/);
  });
});

describe('a streamed HTTP proxy', () => {
  test('streams the backend\'s response', () => {
    const { body } = synthApi(() => ({
      routes: { 'GET /files/{name}': { integration: Integration.url('https://files.example.com/{name}', { responseTransferMode: STREAM }) } },
    }));
    expect(integrationOf(body, '/files/{name}', 'get')).toMatchObject({
      type: 'http_proxy', uri: 'https://files.example.com/{name}', timeoutInMillis: 900000, responseTransferMode: 'STREAM',
    });
  });
});

describe('what streaming excludes', () => {
  test('a cache on the route is refused', () => {
    for (const cache of [{ enabled: true }, { ttl: Duration.minutes(1) }, { keyParameters: ['method.request.querystring.q'] }]) {
      expect(() => synthApi(stack => ({
        routes: { 'GET /a': { integration: Integration.lambda(newFunction(stack), { responseTransferMode: STREAM }), cache } },
      }))).toThrow(/routes\['GET \/a'\]\.cache.*no cache on a streamed route/);
    }
    // Saying so is fine.
    synthApi(stack => ({
      routes: { 'GET /a': { integration: Integration.lambda(newFunction(stack), { responseTransferMode: STREAM }), cache: { enabled: false } } },
    }));
  });

  test('a stage with a cache writes caching off for a streamed GET route, and keeps it for the others', () => {
    const { template } = synthApi(stack => ({
      stages: [{ cache: {} }],
      routes: {
        'GET /stream': { integration: Integration.lambda(newFunction(stack), { responseTransferMode: STREAM }) },
        'GET /list': { integration: Integration.mock() },
      },
    }));
    const settings = Object.values(template.findResources('AWS::ApiGateway::Stage'))[0].Properties.MethodSettings;
    expect(settings).toEqual([
      expect.objectContaining({ HttpMethod: '*', ResourcePath: '/*', CachingEnabled: true }),
      expect.objectContaining({ HttpMethod: 'GET', ResourcePath: '/~1stream', CachingEnabled: false }),
    ]);
  });

  test('an integration of your own: STREAM only on proxies, with the streaming Lambda URI, without integration responses', () => {
    const bad: Array<[IntegrationConfig, RegExp]> = [
      [{ type: IntegrationType.AWS, method: 'POST', uri: 'arn:aws:apigateway:eu-west-1:sqs:path/1/q', responseTransferMode: STREAM },
        /bind\(\)\.responseTransferMode.*STREAM only on AWS_PROXY and HTTP_PROXY integrations \(this one is aws\)/],
      [{ type: IntegrationType.MOCK, responseTransferMode: STREAM }, /STREAM only on AWS_PROXY and HTTP_PROXY/],
      [{
        type: IntegrationType.AWS_PROXY,
        method: 'POST',
        responseTransferMode: STREAM,
        uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:f/invocations',
      }, /bind\(\)\.uri.*2021-11-15\/functions\/<function ARN>\/response-streaming-invocations/],
      [{
        type: IntegrationType.AWS_PROXY,
        method: 'POST',
        uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2021-11-15/functions/arn:aws:lambda:eu-west-1:111122223333:function:f/response-streaming-invocations',
      }, /bind\(\)\.responseTransferMode.*BUFFERED.*STREAM with a response-streaming-invocations URI/],
      [{ type: IntegrationType.HTTP_PROXY, method: 'GET', uri: 'https://example.com', responseTransferMode: STREAM, timeoutInMillis: 900001 },
        /bind\(\)\.timeoutInMillis.*from 50 to 900000 ms/],
      [{ type: IntegrationType.HTTP_PROXY, method: 'GET', uri: 'https://example.com', responses: [{ statusCode: '200' }] },
        /bind\(\)\.responses.*no integration responses on a proxy integration/],
      [{ type: IntegrationType.HTTP_PROXY, method: 'GET', uri: 'https://example.com', timeoutInMillis: 10 }, /bind\(\)\.timeoutInMillis.*from 50/],
      [{ type: 'websocket' as IntegrationType, method: 'GET', uri: 'https://example.com' }, /bind\(\)\.type.*one of aws_proxy, aws, http_proxy, http, mock/],
    ];
    for (const [config, error] of bad) {
      expect(() => synthApi(() => ({ routes: { 'GET /a': { integration: new ConfigIntegration(config) } } }))).toThrow(error);
    }
    const { body } = synthApi(() => ({
      routes: {
        'GET /a': {
          integration: new ConfigIntegration({
            type: IntegrationType.HTTP_PROXY, method: 'GET', uri: 'https://example.com', responseTransferMode: STREAM, timeoutInMillis: 600000,
          }),
        },
      },
    }));
    expect(integrationOf(body, '/a', 'get')).toMatchObject({ responseTransferMode: 'STREAM', timeoutInMillis: 600000 });
  });
});

describe('a stage serving streamed routes', () => {
  const warningsOf = (build: Parameters<typeof synthApi>[0]) => {
    const { stack } = synthApi(build);
    return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('streamed routes')).map(w => String(w.entry.data));
  };

  test('is warned of its latency alarms whose thresholds a stream outlasts', () => {
    const warnings = warningsOf(stack => ({
      stages: [{ alarms: { integrationLatencyP99: { threshold: 900000 } } }],
      routes: {
        'POST /chat': { integration: Integration.lambda(newFunction(stack), { responseTransferMode: STREAM }) },
        'GET /files': { integration: Integration.url('https://files.example.com', { responseTransferMode: STREAM, timeout: Duration.minutes(2) }) },
      },
    }));
    expect(warnings).toEqual([expect.stringContaining(
      'stages[0] has streamed routes, whose latency is the length of the whole stream: POST /chat, GET /files. '
      + "The stage's stages[0].alarms.latencyP99 (3000 ms) will fire on long streams; set their thresholds to at least 900000 ms",
    )]);
  });

  test('is not warned once its latency alarms allow the longest stream or are off, nor when nothing streams', () => {
    const chat = (stack: Stack) => Integration.lambda(newFunction(stack), { responseTransferMode: STREAM, timeout: Duration.minutes(1) });
    expect(warningsOf(stack => ({
      stages: [{ alarms: { latencyP99: { threshold: 60000 }, integrationLatencyP99: { enabled: false } } }],
      routes: { 'POST /chat': { integration: chat(stack) } },
    }))).toEqual([]);
    expect(warningsOf(stack => ({ routes: { 'POST /chat': { integration: Integration.lambda(newFunction(stack)) } } }))).toEqual([]);
  });

  test('logs each request\'s transfer mode and a stream\'s time to its first content', () => {
    const stack = newStack();
    new GatewayApi(stack, 'Api', { routes: { 'GET /a': { integration: Integration.mock() } } });
    const format = JSON.parse(Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Stage'))[0]
      .Properties.AccessLogSetting.Format);
    expect(format).toMatchObject({
      responseTransferMode: '$context.integration.responseTransferMode',
      timeToFirstContent: '$context.integration.timeToFirstContent',
    });
  });
});
