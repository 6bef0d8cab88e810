import { Validations, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';

/** The ids under which the CDK plugins report a WebSocket route without an authorization type. */
const RULES = [
  'GatewayApi::v2-route-authorization', 'GatewayApi::method-authorization', 'AwsSolutions-APIG4',
  'cdk-validator-cfnguard::api_gw_v2_authorization_type_configured_check',
];
const REASON = 'AWS authorizes a WebSocket connection once, at $connect (which is authorized here); '
  + 'API Gateway accepts no authorization type on the routes that carry its messages afterwards.';

/**
 * A WebSocket route after `$connect` cannot take an authorizer, yet CT.APIGATEWAY.PR.5 and
 * AwsSolutions-APIG4 ask every route for one. When `$connect` is authorized the finding is
 * wrong, so it is acknowledged, with that reason, for this library's validator, cdk-nag and
 * the cfn-guard plugin. Called only when `$connect` is authorized.
 */
export function acknowledgeConnectionAuthorization(route: apigwv2.CfnRoute): void {
  Validations.of(route).acknowledge(...RULES.map(id => ({ id, reason: REASON })));
}
