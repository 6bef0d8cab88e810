import { literal } from './deploy-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';
import { numberValue } from '../../template/values';

/** API Gateway refuses a canary share outside 0 to 100 percent at deploy. */
export const canaryPercentage: Rule = {
  id: 'canary-percentage',
  severity: 'error',
  title: 'Canary traffic is 0 to 100 percent',
  fix: 'Set the canary\'s PercentTraffic between 0 and 100.',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment'],
  mirrors: [],
  ruleSets: 'all',
  check: template => template.ofType('AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment').flatMap(resource => {
    const property = resource.type === 'AWS::ApiGateway::Stage' ? 'CanarySetting' : 'DeploymentCanarySettings';
    const canary = resource.properties[property];
    const percent = isObject(canary) ? canary.PercentTraffic : undefined;
    if (!literal(percent)) return [];
    const value = numberValue(percent);
    if (value !== undefined && value >= 0 && value <= 100) return [];
    return [{ logicalId: resource.logicalId, location: `Properties/${property}/PercentTraffic`, message: `PercentTraffic ${JSON.stringify(percent)} is not between 0 and 100` }];
  }),
};
