import { aws_apigateway as apigw } from 'aws-cdk-lib';

/** The default access log line of WebSocket stages: JSON, with the variables WebSocket APIs define. */
export function defaultWebSocketAccessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(JSON.stringify({
    requestId: '$context.requestId',
    extendedRequestId: '$context.extendedRequestId',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    requestTime: '$context.requestTime',
    connectionId: '$context.connectionId',
    eventType: '$context.eventType',
    routeKey: '$context.routeKey',
    messageId: '$context.messageId',
    status: '$context.status',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    errorMessage: '$context.error.message',
    authorizerError: '$context.authorizer.error',
  }));
}
