import { nagBoolean } from './nag-reading';
import { Rule } from '../../rule';

/** cdk-nag's APIGWXrayEnabled: TracingEnabled is true (an intrinsic does not count). */
export const stageXray: Rule = {
  id: 'stage-xray',
  severity: 'error',
  severityIn: { Serverless: 'warning' },
  title: 'REST stages trace requests with X-Ray',
  fix: 'Keep GatewayApi\'s default tracing, or set TracingEnabled to true.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['HIPAA.Security-APIGWXrayEnabled', 'Serverless-APIGWXrayEnabled'],
  check: template => template.ofType('AWS::ApiGateway::Stage')
    .filter(stage => nagBoolean(stage.properties.TracingEnabled) !== true)
    .map(stage => ({
      logicalId: stage.logicalId,
      location: 'Properties/TracingEnabled',
      message: `TracingEnabled is ${JSON.stringify(stage.properties.TracingEnabled ?? false)}, not true`,
    })),
};
