import { nonEmptyList, structEntries } from './ct-reading';
import { Rule } from '../../rule';

const LOGGING = ['ERROR', 'INFO'];

/**
 * CT.APIGATEWAY.PR.1: a catch-all method setting logs at ERROR or INFO, and no method setting
 * switches logging off (every LoggingLevel given is ERROR or INFO).
 */
export const restExecutionLoggingAllMethods: Rule = {
  id: 'rest-execution-logging-all-methods',
  severity: 'error',
  title: 'REST stages log every method (ERROR or INFO), with no per-method override turning logging off',
  fix: 'Keep GatewayApi\'s default loggingLevel (ERROR) and do not set OFF on any route; in CloudFormation, a MethodSettings entry "*" "/*" with LoggingLevel ERROR or INFO, and no LoggingLevel OFF.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['CT.APIGATEWAY.PR.1'],
  guard: `
let gatewayapi_rest_stages = Resources.*[ Type == 'AWS::ApiGateway::Stage' ]
rule rest_execution_logging_all_methods when %gatewayapi_rest_stages !empty {
  %gatewayapi_rest_stages {
    Properties.MethodSettings exists
    Properties.MethodSettings is_list
    Properties.MethodSettings !empty
    some Properties.MethodSettings[*] {
      HttpMethod == '*'
      ResourcePath == '/*'
      LoggingLevel in ['ERROR', 'INFO']
    }
    Properties.MethodSettings[*] {
      LoggingLevel not exists or LoggingLevel in ['ERROR', 'INFO']
    }
  }
}`,
  check: template => template.ofType('AWS::ApiGateway::Stage').flatMap(stage => {
    const settings = stage.properties.MethodSettings;
    const entries = structEntries(settings);
    const catchAll = entries.some(s => s.HttpMethod === '*' && s.ResourcePath === '/*' && LOGGING.includes(s.LoggingLevel as string));
    const switchedOff = entries.some(s => 'LoggingLevel' in s && !LOGGING.includes(s.LoggingLevel as string));
    if (nonEmptyList(settings) && catchAll && !switchedOff) return [];
    return [{
      logicalId: stage.logicalId,
      location: 'Properties/MethodSettings',
      message: switchedOff
        ? 'a MethodSettings entry sets LoggingLevel to something other than ERROR or INFO'
        : 'no MethodSettings entry for HttpMethod "*" and ResourcePath "/*" sets LoggingLevel ERROR or INFO',
    }];
  }),
};
