export * from './gateway-api';
export * from './gateway-api-props';
export * from './access/resource-policy-options';
export * from './integrations/integration';
export * from './integrations/options';
export * from './model/route-options';
export * from './cors/cors-options';
export * from './responses/gateway-response-options';
export * from './rest/stage-options';
export * from './auth/authorization';
export { Compliance } from './policy/compliance';
export { ApiEncryption } from './encryption/api-encryption';
export { PolicyRuleSet } from './policy/rule-set';
export { GatewayPolicyValidator, GatewayPolicyValidatorBeta1 } from './policy/plugin';
export type { GatewayPolicyValidatorProps } from './policy/plugin';
export * from './rest/gateway-stage';
export * from './cache/stage-cache';
export * from './release/release';
export type { RouteCacheOptions } from './cache/route-cache';
export * from './usage/api-key';
export { QuotaPeriod } from './usage/quota';
export type { QuotaOptions } from './usage/quota';
export type { ThrottleOptions } from './throttle/throttle';
export * from './usage/usage-plan';
export { Authorizer } from './auth/authorizer';
export type { CognitoAuthorizerProps, TokenAuthorizerProps, RequestAuthorizerProps } from './auth/authorizer';
export * from './domain/domain-options';
export * from './domain/gateway-domain';
export * from './http/gateway-http-api';
export * from './http/gateway-http-api-props';
export { HttpAuthorizer, HttpAuthorization } from './http/http-authorizer';
export type { JwtAuthorizerProps, HttpCognitoAuthorizerProps, HttpLambdaAuthorizerProps } from './http/http-authorizer';
export { HttpIntegration } from './http/http-integration';
export type {
  HttpLambdaIntegrationOptions, HttpUrlIntegrationOptions, HttpPrivateIntegrationOptions, HttpSqsIntegrationOptions,
  HttpEventBridgeIntegrationOptions,
} from './http/http-integration';
export * from './http/http-route-options';
export * from './http/http-stage-options';
export * from './http/http-gateway-stage';
export * from './websocket/gateway-websocket-api';
export * from './websocket/gateway-websocket-api-props';
export type { ConnectionsTableOptions } from './websocket/connections-table';
export { WebSocketAuthorizer, WebSocketAuthorization } from './websocket/websocket-authorizer';
export type { WebSocketLambdaAuthorizerProps } from './websocket/websocket-authorizer';
export { WebSocketIntegration } from './websocket/websocket-integration';
export type {
  WebSocketLambdaIntegrationOptions, WebSocketUrlIntegrationOptions, WebSocketSqsIntegrationOptions,
} from './websocket/websocket-integration';
export * from './websocket/websocket-route-options';
export * from './websocket/websocket-stage-options';
export * from './websocket/websocket-gateway-stage';
export * from './stage/common-stage-options';
export { ApiProtocol, StageMetrics } from './observability/stage-metrics';
export type { StageMetricsProps } from './observability/stage-metrics';
export * from './observability/alarm-options';
export * from './observability/monitoring-props';
export { AccessLogFormats } from './observability/access-log-formats';
export { OpenApiDocument } from './openapi/openapi-document';
