import { checkovTrue, checkovValue } from './checkov-reading';
import { Rule } from '../../rule';

/** checkov CKV_AWS_73: REST stages (and SAM APIs) set TracingEnabled. */
export const stageTracingEnabled: Rule = {
  id: 'stage-tracing-enabled',
  severity: 'error',
  title: 'REST stages and SAM APIs enable X-Ray tracing',
  fix: 'Keep GatewayApi\'s default tracing, or set TracingEnabled: true.',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
  mirrors: ['CKV_AWS_73'],
  check: template => template.ofType('AWS::ApiGateway::Stage', 'AWS::Serverless::Api')
    .filter(stage => !checkovTrue(checkovValue(template, stage, ['TracingEnabled'])))
    .map(stage => ({ logicalId: stage.logicalId, location: 'Properties/TracingEnabled', message: 'TracingEnabled is not true' })),
};
