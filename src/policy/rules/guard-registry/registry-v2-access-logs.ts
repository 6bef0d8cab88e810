import { registryResources } from './registry-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/** API_GWV2_ACCESS_LOGS_ENABLED: HTTP and WebSocket stages have AccessLogSettings with a destination and a format. */
export const registryV2AccessLogs: Rule = {
  id: 'registry-v2-access-logs',
  severity: 'error',
  title: 'HTTP and WebSocket stages have AccessLogSettings with DestinationArn and Format',
  fix: 'Keep GatewayApi\'s default access logs, or set AccessLogSettings with DestinationArn and Format.',
  resourceTypes: ['AWS::ApiGatewayV2::Stage'],
  mirrors: ['API_GWV2_ACCESS_LOGS_ENABLED'],
  check: template => registryResources(template, 'AWS::ApiGatewayV2::Stage', 'API_GWV2_ACCESS_LOGS_ENABLED', 'W46')
    .filter(stage => {
      const settings = stage.properties.AccessLogSettings;
      return !isObject(settings) || !stringOrStruct(settings.DestinationArn) || !stringOrStruct(settings.Format);
    })
    .map(stage => ({ logicalId: stage.logicalId, location: 'Properties/AccessLogSettings', message: 'AccessLogSettings lacks DestinationArn or Format' })),
};

function stringOrStruct(value: unknown): boolean {
  return typeof value === 'string' || isObject(value);
}
