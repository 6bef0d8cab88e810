export * from './gateway-api';
export * from './gateway-api-props';
export * from './integrations/integration';
export * from './integrations/options';
export * from './model/route-options';
export * from './cors/cors-options';
export * from './responses/gateway-response-options';
export * from './stage/stage-options';
