import { Validations, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { propError } from '../core/errors';

/** The rules that report an HTTP or WebSocket route without an authorization type. */
const OPEN_ROUTE_RULES = ['GatewayApi::v2-route-authorization', 'GatewayApi::method-authorization'];

/**
 * Acknowledges, on this route alone, the findings that it is open, with the reason it is: this
 * library's rules, and at synth the engine rules they mirror (CT.APIGATEWAY.PR.5 for the
 * cfn-guard plugin, AwsSolutions-APIG4 for cdk-nag).
 */
export function acknowledgeOpenRoute(route: apigwv2.CfnRoute, reason: string): void {
  Validations.of(route).acknowledge(...OPEN_ROUTE_RULES.map(id => ({ id, reason })));
}

/** The reason an open route must be given (`Authorization.none(reason)`), or a clear error naming the prop. */
export function requiredReason(scope: IConstruct, prop: string, reason: string | undefined): string {
  if (typeof reason !== 'string' || reason.trim().length === 0) {
    throw propError(scope, prop, 'none() without a reason',
      "none(reason), e.g. Authorization.none('The catalog is public and read-only'): the reason acknowledges that the route is open");
  }
  return reason;
}
