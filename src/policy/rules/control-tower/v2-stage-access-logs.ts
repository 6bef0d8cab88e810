import { Rule } from '../../rule';
import { TemplateIndex, isObject } from '../../template/template-index';

const BLANK = /^\s*$/;

/**
 * CT.APIGATEWAY.PR.4: HTTP and WebSocket stages write access logs to a named destination (a
 * literal ARN, or a log group of the same template) in a literal, non-blank format.
 */
export const v2StageAccessLogs: Rule = {
  id: 'v2-stage-access-logs',
  severity: 'error',
  title: 'HTTP and WebSocket stages write access logs to a known destination, in a literal format',
  fix: 'Keep GatewayApi\'s default access logs; in CloudFormation, AccessLogSettings with DestinationArn a log group of this template (Fn::GetAtt) or a literal ARN, and Format a literal string.',
  resourceTypes: ['AWS::ApiGatewayV2::Stage'],
  mirrors: ['CT.APIGATEWAY.PR.4'],
  guard: `
let gatewayapi_document = this
let gatewayapi_v2_stages = Resources.*[ Type == 'AWS::ApiGatewayV2::Stage' ]
rule v2_stage_access_logs when %gatewayapi_v2_stages !empty {
  %gatewayapi_v2_stages {
    Properties.AccessLogSettings is_struct
    Properties.AccessLogSettings.Format is_string
    Properties.AccessLogSettings.Format != /\\A\\s*\\z/
    Properties.AccessLogSettings.DestinationArn is_string or
      Properties.AccessLogSettings.DestinationArn is_struct
    when Properties.AccessLogSettings.DestinationArn is_string {
      Properties.AccessLogSettings.DestinationArn != /\\A\\s*\\z/
    }
    when Properties.AccessLogSettings.DestinationArn is_struct {
      gatewayapi_log_group_in_template(%gatewayapi_document, Properties.AccessLogSettings.DestinationArn)
    }
  }
}
rule gatewayapi_log_group_in_template(document, destination) {
  %destination['Fn::GetAtt'] exists or %destination.Ref exists
  when %destination['Fn::GetAtt'] exists {
    let gatewayapi_target = %destination['Fn::GetAtt'][0]
    %document.Resources.%gatewayapi_target.Type == 'AWS::Logs::LogGroup'
  }
  when %destination.Ref exists {
    let gatewayapi_target = %destination.Ref
    %document.Resources.%gatewayapi_target.Type == 'AWS::Logs::LogGroup'
  }
}`,
  check: template => template.ofType('AWS::ApiGatewayV2::Stage').flatMap(stage => {
    const settings = stage.properties.AccessLogSettings;
    const destinationOk = isObject(settings) && knownDestination(template, settings.DestinationArn);
    const formatOk = isObject(settings) && typeof settings.Format === 'string' && !BLANK.test(settings.Format);
    if (destinationOk && formatOk) return [];
    return [{
      logicalId: stage.logicalId,
      location: 'Properties/AccessLogSettings',
      message: !isObject(settings) ? 'AccessLogSettings is absent'
        : !destinationOk ? 'AccessLogSettings.DestinationArn is neither a literal ARN nor a log group of this template'
          : 'AccessLogSettings.Format is not a literal, non-blank string',
    }];
  }),
};

function knownDestination(template: TemplateIndex, destination: unknown): boolean {
  if (typeof destination === 'string') return !BLANK.test(destination);
  if (!isObject(destination)) return false;
  const getAtt = destination['Fn::GetAtt'];
  const target = Array.isArray(getAtt) ? getAtt[0] : typeof destination.Ref === 'string' ? destination.Ref : undefined;
  return typeof target === 'string' && template.resource(target)?.type === 'AWS::Logs::LogGroup';
}
