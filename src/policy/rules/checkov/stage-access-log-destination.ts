import { checkovAnyValue, checkovValue } from './checkov-reading';
import { Rule } from '../../rule';

const SETTING: { readonly [type: string]: string } = {
  'AWS::ApiGateway::Stage': 'AccessLogSetting',
  'AWS::Serverless::Api': 'AccessLogSetting',
  'AWS::ApiGatewayV2::Stage': 'AccessLogSettings',
  'AWS::Serverless::HttpApi': 'AccessLogSettings',
};

/** checkov CKV_AWS_76 (REST) and CKV_AWS_95 (HTTP, WebSocket): access logs have a destination. */
export const stageAccessLogDestination: Rule = {
  id: 'stage-access-log-destination',
  severity: 'error',
  title: 'Stages name an access log destination',
  fix: 'Keep GatewayApi\'s default access logs, or set AccessLogSetting.DestinationArn (REST) / AccessLogSettings.DestinationArn (HTTP, WebSocket).',
  resourceTypes: Object.keys(SETTING),
  mirrors: ['CKV_AWS_76', 'CKV_AWS_95'],
  check: template => template.ofType(...Object.keys(SETTING)).flatMap(stage => {
    const property = SETTING[stage.type];
    if (checkovAnyValue(checkovValue(template, stage, [property, 'DestinationArn']))) return [];
    return [{ logicalId: stage.logicalId, location: `Properties/${property}/DestinationArn`, message: `${property}.DestinationArn is absent or empty` }];
  }),
};
