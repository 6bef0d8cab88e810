import { aws_apigateway as apigw } from 'aws-cdk-lib';

/**
 * A customized gateway response: what API Gateway itself answers when it rejects a request
 * (bad body, missing key, throttled, backend timeout, ...).
 *
 * ```ts
 * new GatewayApi(this, 'Api', {
 *   routes,
 *   gatewayResponses: [
 *     { responseType: apigw.ResponseType.THROTTLED, statusCode: '429', templates: { 'application/json': '{"error": "slow down"}' } },
 *   ],
 * });
 * ```
 */
export interface GatewayResponseOptions {
  /** The response type, e.g. `ResponseType.BAD_REQUEST_BODY` or `ResponseType.DEFAULT_4XX`. */
  readonly responseType: apigw.ResponseType;

  /**
   * The status code sent, from 400 to 599.
   *
   * @default - the response type's own status code (for example 429 for THROTTLED)
   */
  readonly statusCode?: string;

  /**
   * Response headers: header name to a value in single quotes (`"'no-store'"`) or a
   * `method.request.header.NAME` / `context.VAR` / `stageVariables.VAR` source.
   *
   * @default - none besides the CORS headers when CORS is on
   */
  readonly responseHeaders?: { [header: string]: string };

  /**
   * Body templates by content type.
   *
   * @default - the library's JSON error body: `{"message": ..., "type": ..., "requestId": ...}`
   */
  readonly templates?: { [contentType: string]: string };
}
