import { aws_apigateway as apigw } from 'aws-cdk-lib';

type Fields = { [name: string]: string };

/** What an operator needs to find a REST request, its caller, its route, its outcome and its trace. */
const REST_FIELDS: Fields = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  ip: '$context.identity.sourceIp',
  caller: '$context.identity.caller',
  user: '$context.identity.user',
  userAgent: '$context.identity.userAgent',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integration.latency',
  integrationStatus: '$context.integration.status',
  responseTransferMode: '$context.integration.responseTransferMode',
  timeToFirstContent: '$context.integration.timeToFirstContent',
  errorMessage: '$context.error.message',
  errorType: '$context.error.responseType',
  xrayTraceId: '$context.xrayTraceId',
};

/** The fields HTTP and WebSocket APIs both define. */
const V2_FIELDS: Fields = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  errorMessage: '$context.error.message',
  authorizerError: '$context.authorizer.error',
};

const HTTP_FIELDS: Fields = {
  ...V2_FIELDS,
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
};

const WEBSOCKET_FIELDS: Fields = {
  ...V2_FIELDS,
  connectionId: '$context.connectionId',
  eventType: '$context.eventType',
  messageId: '$context.messageId',
};

/** A field's value: `$context` variables, possibly several, with literal text between them. */
const CONTEXT_VALUE = /\$context\.[a-zA-Z0-9_.-]+/;
const FIELD_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;

/**
 * Access log line presets: the library's JSON lines (the stages' defaults), with fields of your
 * own added, and the Common Log Format. Any other line: `apigw.AccessLogFormat.custom(...)`.
 *
 * ```ts
 * api.addStage({ stageName: 'beta', accessLogFormat: AccessLogFormats.restJson({ tenant: '$context.authorizer.tenant' }) });
 * ```
 */
export class AccessLogFormats {
  /**
   * JSON for REST stages: request id, caller, route, status, latencies (a stream's time to its first
   * content too), errors and X-Ray trace id.
   *
   * @param extraFields more fields, by name, each a `$context` variable (they may replace the preset's)
   */
  public static restJson(extraFields?: { [name: string]: string }): apigw.AccessLogFormat {
    return json(REST_FIELDS, extraFields);
  }

  /**
   * JSON for HTTP API stages: request id, caller, route key, method, path, status, latencies and errors.
   *
   * @param extraFields more fields, by name, each a `$context` variable
   */
  public static httpJson(extraFields?: { [name: string]: string }): apigw.AccessLogFormat {
    return json(HTTP_FIELDS, extraFields);
  }

  /**
   * JSON for WebSocket API stages: request id, connection id, event type, message id, route key,
   * status, integration latency and errors.
   *
   * @param extraFields more fields, by name, each a `$context` variable
   */
  public static webSocketJson(extraFields?: { [name: string]: string }): apigw.AccessLogFormat {
    return json(WEBSOCKET_FIELDS, extraFields);
  }

  /** The Common Log Format line (REST stages), as log tools that predate JSON read it. */
  public static commonLogFormat(): apigw.AccessLogFormat {
    return apigw.AccessLogFormat.clf();
  }

  private constructor() {}
}

function json(preset: Fields, extra: Fields = {}): apigw.AccessLogFormat {
  for (const [name, value] of Object.entries(extra)) {
    if (!FIELD_NAME.test(name)) {
      throw new Error(`AccessLogFormats: field name ${JSON.stringify(name)} is not allowed. Allowed: 1 to 64 letters, digits and _ . -`);
    }
    if (!CONTEXT_VALUE.test(value) || value.includes('"')) {
      throw new Error(`AccessLogFormats: field ${name} = ${JSON.stringify(value)} is not allowed. `
        + 'Allowed: a $context variable, e.g. "$context.authorizer.claims.sub", without double quotes');
    }
  }
  return apigw.AccessLogFormat.custom(JSON.stringify({ ...preset, ...extra }));
}
