import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { Authorization, Integration } from '../../src';
import { checkTemplate } from '../../src/policy/validator';
import { operation, synthApi } from '../util';

const mock = Integration.mock();

describe('apiKeyRequired', () => {
  test('the API default and a route override, rendered as the api_key security requirement', () => {
    const { body } = synthApi(() => ({
      apiKeyRequired: true,
      routes: {
        'GET /pets': { integration: mock },
        'GET /health': { integration: mock, apiKeyRequired: false },
      },
    }));
    expect(operation(body, '/pets', 'get').security).toEqual([{ api_key: [], sigv4: [] }]);
    expect(operation(body, '/health', 'get').security).toEqual([{ sigv4: [] }]);
    expect(body.components.securitySchemes.api_key).toEqual({ type: 'apiKey', name: 'x-api-key', in: 'header' });
    expect(body['x-amazon-apigateway-api-key-source']).toBeUndefined();
  });

  test('a key alone does not authorize: an open route with a key is still reported (acknowledged by its reason)', () => {
    const { template } = synthApi(() => ({
      routes: { 'GET /pets': { integration: mock, authorization: Authorization.none('Partners call it with their key only.'), apiKeyRequired: true } },
    }));
    const open = checkTemplate(template.toJSON()).filter(f => f.ruleId === 'body-authorization');
    expect(open.map(f => [f.message, f.acknowledgment?.reason])).toEqual([
      ['GET /pets is open to anyone: no authorizer and no IAM authorization', 'Partners call it with their key only.'],
    ]);
  });

  test('keys from a Lambda authorizer: the API\'s key source', () => {
    const { body } = synthApi(() => ({
      apiKeySource: apigw.ApiKeySourceType.AUTHORIZER,
      routes: { 'GET /pets': { integration: mock, apiKeyRequired: true } },
    }));
    expect(body['x-amazon-apigateway-api-key-source']).toBe('AUTHORIZER');
  });

  test('no key anywhere: no scheme, and the body is as before', () => {
    const { body } = synthApi(() => ({ routes: { 'GET /pets': { integration: mock } } }));
    expect(Object.keys(body.components.securitySchemes)).toEqual(['sigv4']);
  });
});
