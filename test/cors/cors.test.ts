import { Duration } from 'aws-cdk-lib';
import { CorsOptions, Integration } from '../../src';
import { operation, synthApi } from '../util';

const withCors = (cors: CorsOptions, routes = { 'GET /pets/{petId}': { integration: Integration.mock() } }) =>
  synthApi(() => ({ cors, routes }));

describe('CORS', () => {
  test('adds an open preflight on every path, answering the route methods and the default headers', () => {
    const { body } = withCors({ allowOrigins: ['https://app.example.com'], maxAge: Duration.minutes(10) });
    const preflight = operation(body, '/pets/{petId}', 'options');
    expect(preflight.parameters).toEqual([{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(preflight.security).toBeUndefined();
    expect(preflight['x-amazon-apigateway-integration']).toEqual({
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 204}' },
      passthroughBehavior: 'when_no_match',
      responses: {
        default: {
          statusCode: '204',
          responseParameters: {
            'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
            'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
            'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
            'method.response.header.Access-Control-Max-Age': "'600'",
          },
        },
      },
    });
    expect(Object.keys(preflight.responses['204'].headers)).toEqual([
      'Access-Control-Allow-Origin', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Max-Age',
    ]);
  });

  test('puts the CORS headers on the gateway\'s own 4XX and 5XX answers', () => {
    const { body } = withCors({ allowOrigins: ['*'], exposeHeaders: ['X-Request-Id'] });
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      expect(body['x-amazon-apigateway-gateway-responses'][type].responseParameters).toEqual({
        'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
        'gatewayresponse.header.Access-Control-Expose-Headers': "'X-Request-Id'",
      });
    }
  });

  test('responses that API Gateway builds (non-proxy integrations) carry the CORS headers too', () => {
    const { body } = withCors({ allowOrigins: ['https://app.example.com'] }, {
      'GET /pets/{petId}': {
        integration: Integration.mock({
          integrationResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Vary': "'Accept'" } }],
        }),
      },
    });
    const op = operation(body, '/pets/{petId}', 'get');
    expect(op['x-amazon-apigateway-integration'].responses.default.responseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
      'method.response.header.Vary': "'Accept'",
    });
    expect(Object.keys(op.responses['200'].headers)).toEqual(['Access-Control-Allow-Origin', 'Vary']);
  });

  test('with several origins, the preflight echoes an allowed caller origin and varies on Origin', () => {
    const { body } = withCors({ allowOrigins: ['https://a.example.com', 'https://b.example.com'], allowCredentials: true });
    const response = operation(body, '/pets/{petId}', 'options')['x-amazon-apigateway-integration'].responses.default;
    expect(response.responseParameters['method.response.header.Vary']).toBe("'Origin'");
    expect(response.responseParameters['method.response.header.Access-Control-Allow-Credentials']).toBe("'true'");
    expect(response.responseTemplates['application/json']).toContain('#if($origin == "https://a.example.com" || $origin == "https://b.example.com")');
  });

  test('a path with ANY allows every method; a route of its own on OPTIONS replaces the preflight', () => {
    const { body } = withCors({ allowOrigins: ['*'] }, {
      'ANY /a': { integration: Integration.mock() },
      'OPTIONS /b': { integration: Integration.mock({ integrationResponses: [{ statusCode: '200' }] }) },
    } as any);
    const methods = operation(body, '/a', 'options')['x-amazon-apigateway-integration'].responses.default
      .responseParameters['method.response.header.Access-Control-Allow-Methods'];
    expect(methods).toBe("'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'");
    expect(operation(body, '/b', 'options').summary).toBeUndefined();
  });

  test.each([
    [{ allowOrigins: [] }, /cors\.allowOrigins: \[\] is not allowed/],
    [{ allowOrigins: ['*', 'https://a.example.com'] }, /cors\.allowOrigins: "\*" is not allowed\. Allowed: '\*' alone/],
    [{ allowOrigins: ['https://a.example.com/app'] }, /cors\.allowOrigins: "https:\/\/a\.example\.com\/app" is not allowed/],
    [{ allowOrigins: ['*'], allowCredentials: true }, /cors\.allowCredentials: true is not allowed/],
    [{ allowOrigins: ['*'], allowMethods: ['ANY'] }, /cors\.allowMethods: "ANY" is not allowed/],
    [{ allowOrigins: ['*'], allowHeaders: ['X Bad'] }, /cors\.allowHeaders: "X Bad" is not allowed/],
    [{ allowOrigins: ['*'], statusCode: 404 }, /cors\.statusCode: 404 is not allowed\. Allowed: a whole number from 200 to 299/],
  ])('rejects %j', (cors, message) => {
    expect(() => withCors(cors as CorsOptions)).toThrow(message);
  });
});
