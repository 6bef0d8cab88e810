import { THROWS, catchAllMethodSettings } from './nag-reading';
import { Rule } from '../../rule';

/** cdk-nag's APIGWExecutionLoggingEnabled: a catch-all method setting logs at ERROR or INFO. */
export const stageExecutionLogging: Rule = {
  id: 'stage-execution-logging',
  severity: 'error',
  title: 'REST stages write execution logs (ERROR or INFO) for every method',
  fix: 'Keep GatewayApi\'s default loggingLevel (ERROR), or add a MethodSettings entry with HttpMethod "*", ResourcePath "/*" and LoggingLevel ERROR or INFO.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: [
    'AwsSolutions-APIG6', 'HIPAA.Security-APIGWExecutionLoggingEnabled', 'NIST.800.53.R4-APIGWExecutionLoggingEnabled',
    'NIST.800.53.R5-APIGWExecutionLoggingEnabled', 'PCI.DSS.321-APIGWExecutionLoggingEnabled',
  ],
  check: template => template.ofType('AWS::ApiGateway::Stage').flatMap(stage => {
    const settings = catchAllMethodSettings(stage.properties.MethodSettings);
    const logged = settings !== THROWS && settings.some(s => s.LoggingLevel === 'ERROR' || s.LoggingLevel === 'INFO');
    return logged ? [] : [{
      logicalId: stage.logicalId,
      location: 'Properties/MethodSettings',
      message: 'no MethodSettings entry for HttpMethod "*" and ResourcePath "/*" sets LoggingLevel ERROR or INFO',
    }];
  }),
};
