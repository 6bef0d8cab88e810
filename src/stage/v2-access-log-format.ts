import { aws_apigateway as apigw } from 'aws-cdk-lib';

/** The fields HTTP and WebSocket APIs both define. */
const COMMON_FIELDS = {
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

/** The default access log line of HTTP stages: JSON, with the request's method, path and latencies. */
export function defaultHttpAccessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(JSON.stringify({
    ...COMMON_FIELDS,
    httpMethod: '$context.httpMethod',
    path: '$context.path',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
  }));
}

/** The default access log line of WebSocket stages: JSON, with the connection, event type and message. */
export function defaultWebSocketAccessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(JSON.stringify({
    ...COMMON_FIELDS,
    connectionId: '$context.connectionId',
    eventType: '$context.eventType',
    messageId: '$context.messageId',
  }));
}
