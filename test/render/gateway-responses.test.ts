import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { Integration } from '../../src';
import { JSON_ERROR_TEMPLATE } from '../../src/render/gateway-responses';
import { synthApi } from '../util';

const routes = { 'GET /x': { integration: Integration.mock() } };

describe('gateway responses', () => {
  test('by default, the gateway\'s own 4XX and 5XX answer one JSON error body', () => {
    const { body } = synthApi(() => ({ routes }));
    expect(body['x-amazon-apigateway-gateway-responses']).toEqual({
      DEFAULT_4XX: { responseTemplates: { 'application/json': JSON_ERROR_TEMPLATE } },
      DEFAULT_5XX: { responseTemplates: { 'application/json': JSON_ERROR_TEMPLATE } },
    });
    expect(JSON_ERROR_TEMPLATE).toBe('{"message": $context.error.messageString, "type": "$context.error.responseType", "requestId": "$context.requestId"}');
  });

  test('each response type can be customized: status code, headers, templates', () => {
    const { body } = synthApi(() => ({
      routes,
      gatewayResponses: [
        { responseType: apigw.ResponseType.THROTTLED, statusCode: '429', responseHeaders: { 'Retry-After': "'1'" } },
        { responseType: apigw.ResponseType.RESOURCE_NOT_FOUND, statusCode: '404', templates: { 'application/json': '{"message": "no such route"}' } },
        { responseType: apigw.ResponseType.BAD_REQUEST_BODY, statusCode: '422' },
        { responseType: apigw.ResponseType.INTEGRATION_TIMEOUT, statusCode: '504' },
        { responseType: apigw.ResponseType.of('WAF_FILTERED'), statusCode: '403' },
      ],
    }));
    const responses = body['x-amazon-apigateway-gateway-responses'];
    expect(responses.THROTTLED).toEqual({
      statusCode: '429',
      responseParameters: { 'gatewayresponse.header.Retry-After': "'1'" },
      responseTemplates: { 'application/json': JSON_ERROR_TEMPLATE },
    });
    expect(responses.RESOURCE_NOT_FOUND).toEqual({ statusCode: '404', responseTemplates: { 'application/json': '{"message": "no such route"}' } });
    expect(responses.BAD_REQUEST_BODY.statusCode).toBe('422');
    expect(Object.keys(responses)).toEqual(['DEFAULT_4XX', 'DEFAULT_5XX', 'THROTTLED', 'RESOURCE_NOT_FOUND', 'BAD_REQUEST_BODY', 'INTEGRATION_TIMEOUT', 'WAF_FILTERED']);
  });

  test('the JSON error body can be switched off', () => {
    const { body } = synthApi(() => ({ routes, jsonErrorResponses: false }));
    expect(body['x-amazon-apigateway-gateway-responses']).toBeUndefined();
  });

  test.each([
    [[{ responseType: apigw.ResponseType.THROTTLED }, { responseType: apigw.ResponseType.THROTTLED }], /gatewayResponses\[1\]\.responseType: "THROTTLED" is not allowed\. Allowed: each response type once/],
    [[{ responseType: apigw.ResponseType.THROTTLED, statusCode: '200' }], /gatewayResponses\[0\]\.statusCode: "200" is not allowed\. Allowed: a status code from 400 to 599/],
    [[{ responseType: apigw.ResponseType.THROTTLED, responseHeaders: { 'Retry-After': '1' } }], /gatewayResponses\[0\]\.responseHeaders\['Retry-After'\]: "1" is not allowed/],
  ])('rejects invalid customizations (%#)', (gatewayResponses, message) => {
    expect(() => synthApi(() => ({ routes, gatewayResponses }))).toThrow(message);
  });
});
