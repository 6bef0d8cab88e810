import { registryResources } from './registry-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/**
 * API_GW_EXECUTION_LOGGING_ENABLED: every method setting of every REST stage logs at ERROR or
 * INFO. The registry judges the stages together: if any of them has no method settings, it
 * skips them all; if any entry fails, it reports every stage with a LoggingLevel (its
 * `== "ERROR" OR == "INFO"` reports each value's failing branch), and not a stage whose only
 * fault is an entry without one. Reproduced as is; `rest-execution-logging-all-methods`
 * (CT.APIGATEWAY.PR.1) judges each stage on its own.
 */
export const registryExecutionLogging: Rule = {
  id: 'registry-execution-logging',
  severity: 'error',
  title: 'Every method setting of REST stages logs at ERROR or INFO',
  fix: 'Keep GatewayApi\'s default loggingLevel; give every MethodSettings entry LoggingLevel ERROR or INFO.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['API_GW_EXECUTION_LOGGING_ENABLED'],
  check: template => {
    const stages = registryResources(template, 'AWS::ApiGateway::Stage', 'API_GW_EXECUTION_LOGGING_ENABLED');
    const settingsOf = stages.map(s => s.properties.MethodSettings);
    if (settingsOf.some(settings => !Array.isArray(settings) || settings.length === 0)) return [];
    const entries = (stage: typeof stages[number]) => stage.properties.MethodSettings as unknown[];
    const failing = stages.some(stage => entries(stage).some(s => !isObject(s) || (s.LoggingLevel !== 'ERROR' && s.LoggingLevel !== 'INFO')));
    if (!failing) return [];
    return stages
      .filter(stage => entries(stage).some(s => isObject(s) && s.LoggingLevel !== undefined))
      .map(stage => ({ logicalId: stage.logicalId, location: 'Properties/MethodSettings', message: 'a MethodSettings entry has no LoggingLevel ERROR or INFO' }));
  },
};
