import { checkovAnyValue, checkovValue } from './checkov-reading';
import { Rule } from '../../rule';

const TYPES = ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'];

/** checkov CKV_AWS_76: REST stages (and SAM APIs) name an access log destination. */
export const stageAccessLogDestination: Rule = {
  id: 'stage-access-log-destination',
  severity: 'error',
  title: 'REST stages name an access log destination',
  fix: 'Keep GatewayApi\'s default access logs, or set AccessLogSetting.DestinationArn.',
  resourceTypes: TYPES,
  mirrors: ['CKV_AWS_76'],
  check: template => template.ofType(...TYPES)
    .filter(stage => !checkovAnyValue(checkovValue(template, stage, ['AccessLogSetting', 'DestinationArn'])))
    .map(stage => ({ logicalId: stage.logicalId, location: 'Properties/AccessLogSetting/DestinationArn', message: 'AccessLogSetting.DestinationArn is absent or empty' })),
};
