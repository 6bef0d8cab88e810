import { Rule } from '../../rule';

/** CT.APIGATEWAY.PR.2: TracingEnabled is the boolean true. */
export const restStageTracing: Rule = {
  id: 'rest-stage-tracing',
  severity: 'error',
  title: 'REST stages trace with X-Ray (TracingEnabled is the boolean true)',
  fix: 'Keep GatewayApi\'s default tracing, or set TracingEnabled: true (a boolean, not a string or a condition).',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['CT.APIGATEWAY.PR.2'],
  guard: `
let gatewayapi_rest_stages = Resources.*[ Type == 'AWS::ApiGateway::Stage' ]
rule rest_stage_tracing when %gatewayapi_rest_stages !empty {
  %gatewayapi_rest_stages {
    Properties.TracingEnabled exists
    Properties.TracingEnabled == true
  }
}`,
  check: template => template.ofType('AWS::ApiGateway::Stage')
    .filter(stage => stage.properties.TracingEnabled !== true)
    .map(stage => ({
      logicalId: stage.logicalId,
      location: 'Properties/TracingEnabled',
      message: `TracingEnabled is ${JSON.stringify(stage.properties.TracingEnabled ?? 'absent')}, not the boolean true`,
    })),
};
