import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { acknowledgeOpenRoute } from '../auth/open-route';

const REASON = 'AWS authorizes a WebSocket connection once, at $connect (which is authorized here); '
  + 'API Gateway accepts no authorization type on the routes that carry its messages afterwards.';

/**
 * A WebSocket route after `$connect` cannot take an authorizer, yet CT.APIGATEWAY.PR.5 and
 * AwsSolutions-APIG4 ask every route for one. When `$connect` is authorized the finding is
 * wrong, so it is acknowledged, with that reason. Called only when `$connect` is authorized.
 */
export function acknowledgeConnectionAuthorization(route: apigwv2.CfnRoute): void {
  acknowledgeOpenRoute(route, REASON);
}
