import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/** cdk-nag's APIGWDefaultThrottling: the stage sets its own rate and burst for every route. */
export const stageDefaultThrottling: Rule = {
  id: 'stage-default-throttling',
  severity: 'error',
  title: 'Stages set their own default throttling (rate and burst)',
  fix: 'Keep GatewayApi\'s default throttling, or set ThrottlingRateLimit and ThrottlingBurstLimit in the catch-all MethodSettings entry (REST) or in DefaultRouteSettings (HTTP, WebSocket).',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'],
  mirrors: ['Serverless-APIGWDefaultThrottling'],
  check: template => template.ofType('AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage').flatMap(stage => {
    const throttled = stage.type === 'AWS::ApiGateway::Stage'
      ? restThrottled(stage.properties.MethodSettings)
      : hasLimits(stage.properties.DefaultRouteSettings);
    const property = stage.type === 'AWS::ApiGateway::Stage' ? 'MethodSettings' : 'DefaultRouteSettings';
    return throttled ? [] : [{
      logicalId: stage.logicalId,
      location: `Properties/${property}`,
      message: `${property} sets no ThrottlingRateLimit and ThrottlingBurstLimit for every route`,
    }];
  }),
};

function hasLimits(setting: unknown): boolean {
  return isObject(setting) && 'ThrottlingBurstLimit' in setting && 'ThrottlingRateLimit' in setting
    && setting.ThrottlingBurstLimit !== undefined && setting.ThrottlingRateLimit !== undefined;
}

/** In order, as cdk-nag's `some` runs: a null entry before a match throws (non-compliant). */
function restThrottled(methodSettings: unknown): boolean {
  if (!Array.isArray(methodSettings)) return false;
  for (const s of methodSettings) {
    if (s === null || s === undefined) return false;
    if (hasLimits(s) && s.HttpMethod === '*' && s.ResourcePath === '/*') return true;
  }
  return false;
}
