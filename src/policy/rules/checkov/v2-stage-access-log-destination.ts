import { checkovAnyValue, checkovValue } from './checkov-reading';
import { Rule } from '../../rule';

const TYPES = ['AWS::ApiGatewayV2::Stage', 'AWS::Serverless::HttpApi'];

/** checkov CKV_AWS_95: HTTP and WebSocket stages (and SAM HTTP APIs) name an access log destination. */
export const v2StageAccessLogDestination: Rule = {
  id: 'v2-stage-access-log-destination',
  severity: 'error',
  title: 'HTTP and WebSocket stages name an access log destination',
  fix: 'Keep GatewayApi\'s default access logs, or set AccessLogSettings.DestinationArn.',
  resourceTypes: TYPES,
  mirrors: ['CKV_AWS_95'],
  check: template => template.ofType(...TYPES)
    .filter(stage => !checkovAnyValue(checkovValue(template, stage, ['AccessLogSettings', 'DestinationArn'])))
    .map(stage => ({ logicalId: stage.logicalId, location: 'Properties/AccessLogSettings/DestinationArn', message: 'AccessLogSettings.DestinationArn is absent or empty' })),
};
