import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

const AUTHORIZED = ['AWS_IAM', 'JWT', 'CUSTOM'];

/**
 * CT.APIGATEWAY.PR.5: every HTTP and WebSocket route (and managed route override) names an
 * authorization type. WebSocket routes other than $connect cannot carry one (AWS authorizes a
 * WebSocket connection once, at $connect), so those findings are acknowledged, with that reason.
 */
export const v2RouteAuthorization: Rule = {
  id: 'v2-route-authorization',
  severity: 'error',
  title: 'HTTP and WebSocket routes name an authorization type (AWS_IAM, JWT or CUSTOM)',
  fix: 'Give the route an authorizer; in CloudFormation, AuthorizationType AWS_IAM, JWT or CUSTOM. WebSocket routes after an authorized $connect cannot take one (AWS authorizes a connection only at $connect): GatewayWebSocketApi acknowledges those itself; acknowledge them likewise elsewhere.',
  resourceTypes: ['AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::ApiGatewayManagedOverrides'],
  mirrors: ['CT.APIGATEWAY.PR.5'],
  guard: `
let gatewayapi_v2_routes = Resources.*[ Type == 'AWS::ApiGatewayV2::Route' ]
let gatewayapi_v2_route_overrides = Resources.*[
  Type == 'AWS::ApiGatewayV2::ApiGatewayManagedOverrides'
  Properties.Route exists
  Properties.Route is_struct
  Properties.Route.AuthorizationType exists
]
rule v2_route_authorization when %gatewayapi_v2_routes !empty {
  %gatewayapi_v2_routes {
    Properties.AuthorizationType exists
    Properties.AuthorizationType in ['AWS_IAM', 'JWT', 'CUSTOM']
  }
}
rule v2_route_authorization when %gatewayapi_v2_route_overrides !empty {
  %gatewayapi_v2_route_overrides {
    Properties.Route.AuthorizationType in ['AWS_IAM', 'JWT', 'CUSTOM']
  }
}`,
  check: template => [
    ...template.ofType('AWS::ApiGatewayV2::Route')
      .filter(route => !AUTHORIZED.includes(route.properties.AuthorizationType as string))
      .map(route => ({
        logicalId: route.logicalId,
        location: 'Properties/AuthorizationType',
        message: `AuthorizationType is ${JSON.stringify(route.properties.AuthorizationType ?? 'absent')}; allowed: AWS_IAM, JWT, CUSTOM`,
      })),
    ...template.ofType('AWS::ApiGatewayV2::ApiGatewayManagedOverrides')
      .filter(o => isObject(o.properties.Route) && 'AuthorizationType' in o.properties.Route
        && !AUTHORIZED.includes(o.properties.Route.AuthorizationType as string))
      .map(o => ({
        logicalId: o.logicalId,
        location: 'Properties/Route/AuthorizationType',
        message: 'the managed route override sets an AuthorizationType other than AWS_IAM, JWT or CUSTOM',
      })),
  ],
};
