import { aws_apigateway as apigw } from 'aws-cdk-lib';

/**
 * The default access log line: JSON, one object per request, with what an operator needs to
 * find a request, its caller, its route, its outcome and its trace.
 */
export function defaultAccessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(JSON.stringify({
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
    errorMessage: '$context.error.message',
    errorType: '$context.error.responseType',
    xrayTraceId: '$context.xrayTraceId',
  }));
}
