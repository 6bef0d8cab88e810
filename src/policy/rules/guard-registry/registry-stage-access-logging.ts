import { registryResources } from './registry-reading';
import { Rule } from '../../rule';

/** API_GW_STAGE_ACCESS_LOGGING_RULE: REST stages have an AccessLogSetting (its content is not read). */
export const registryStageAccessLogging: Rule = {
  id: 'registry-stage-access-logging',
  severity: 'error',
  title: 'REST stages have an AccessLogSetting',
  fix: 'Keep GatewayApi\'s default access logs, or set AccessLogSetting.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['API_GW_STAGE_ACCESS_LOGGING_RULE'],
  check: template => registryResources(template, 'AWS::ApiGateway::Stage', 'API_GW_STAGE_ACCESS_LOGGING_RULE', 'W69')
    .filter(stage => stage.properties.AccessLogSetting === undefined)
    .map(stage => ({ logicalId: stage.logicalId, location: 'Properties/AccessLogSetting', message: 'AccessLogSetting is absent' })),
};
