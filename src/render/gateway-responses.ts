import { aws_apigateway as apigw } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { corsHeaders } from './openapi-body';
import { propError } from '../core/errors';
import { CorsModel, GatewayResponseModel } from '../model/api-model';
import { GatewayResponseOptions } from '../responses/gateway-response-options';

/** The library's error body: the same JSON shape for every error API Gateway answers itself. */
export const JSON_ERROR_TEMPLATE =
  '{"message": $context.error.messageString, "type": "$context.error.responseType", "requestId": "$context.requestId"}';

const STATUS_CODE = /^[45]\d{2}$/;
const HEADER_VALUE = /^('[^']*'|method\.request\.(header|querystring|path)\.[^\s]+|context\.[A-Za-z0-9_.-]+|stageVariables\.[A-Za-z0-9_]+)$/;

/**
 * Builds the gateway responses: DEFAULT_4XX and DEFAULT_5XX with the JSON error body (and the
 * CORS headers when CORS is on), then the user's customizations, each type once.
 */
export function buildGatewayResponses(
  scope: IConstruct, custom: GatewayResponseOptions[], cors: CorsModel | undefined, jsonErrors: boolean,
): Map<string, GatewayResponseModel> {
  const responses = new Map<string, GatewayResponseModel>();
  const cross = cors ? corsHeaders(cors) : {};
  const defaults: { [contentType: string]: string } = jsonErrors ? { 'application/json': JSON_ERROR_TEMPLATE } : {};
  if (jsonErrors || cors) {
    for (const type of [apigw.ResponseType.DEFAULT_4XX, apigw.ResponseType.DEFAULT_5XX]) {
      responses.set(type.responseType, { headers: cross, templates: defaults });
    }
  }
  const seen = new Set<string>();
  custom.forEach((response, i) => {
    const prop = `gatewayResponses[${i}]`;
    const type = response.responseType.responseType;
    if (seen.has(type)) throw propError(scope, `${prop}.responseType`, type, 'each response type once');
    seen.add(type);
    if (response.statusCode !== undefined && !STATUS_CODE.test(response.statusCode)) {
      throw propError(scope, `${prop}.statusCode`, response.statusCode, 'a status code from 400 to 599');
    }
    for (const [header, value] of Object.entries(response.responseHeaders ?? {})) {
      if (!HEADER_VALUE.test(value)) {
        throw propError(scope, `${prop}.responseHeaders['${header}']`, value,
          "a static value in single quotes (\"'no-store'\"), method.request.header.NAME, context.VAR or stageVariables.VAR");
      }
    }
    responses.set(type, {
      statusCode: response.statusCode,
      headers: { ...cross, ...response.responseHeaders },
      templates: response.templates ?? defaults,
    });
  });
  return responses;
}
