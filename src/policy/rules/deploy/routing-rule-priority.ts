import { literal } from './deploy-reading';
import { Rule } from '../../rule';
import { numberValue } from '../../template/values';

const MAX_PRIORITY = 1_000_000;

/** API Gateway refuses a routing rule whose priority is out of range or another rule of its domain has. */
export const routingRulePriority: Rule = {
  id: 'routing-rule-priority',
  severity: 'error',
  title: 'Routing rules of a domain have distinct priorities from 1 to 1,000,000',
  fix: 'Give each rule of a domain its own Priority, a whole number from 1 to 1,000,000.',
  resourceTypes: ['AWS::ApiGatewayV2::RoutingRule'],
  mirrors: [],
  ruleSets: 'all',
  check: template => {
    const seen = new Map<string, string>();
    return template.ofType('AWS::ApiGatewayV2::RoutingRule').flatMap(rule => {
      const priority = rule.properties.Priority;
      if (!literal(priority)) return [];
      const value = numberValue(priority);
      if (value === undefined || !Number.isInteger(value) || value < 1 || value > MAX_PRIORITY) {
        return [{ logicalId: rule.logicalId, location: 'Properties/Priority', message: `Priority ${JSON.stringify(priority)} is not a whole number from 1 to ${MAX_PRIORITY}` }];
      }
      const key = `${JSON.stringify(rule.properties.DomainNameArn)} ${value}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, rule.logicalId);
        return [];
      }
      return [{ logicalId: rule.logicalId, location: 'Properties/Priority', message: `Priority ${value} is taken by ${first} on the same domain` }];
    });
  },
};
