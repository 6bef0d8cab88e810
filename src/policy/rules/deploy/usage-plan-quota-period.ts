import { literal } from './deploy-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

const PERIODS = ['DAY', 'WEEK', 'MONTH'];

/** API Gateway refuses any other quota period at deploy. */
export const usagePlanQuotaPeriod: Rule = {
  id: 'usage-plan-quota-period',
  severity: 'error',
  title: 'Usage plan quotas count per DAY, WEEK or MONTH',
  fix: 'Set Quota.Period to DAY, WEEK or MONTH.',
  resourceTypes: ['AWS::ApiGateway::UsagePlan'],
  mirrors: [],
  ruleSets: 'all',
  check: template => template.ofType('AWS::ApiGateway::UsagePlan').flatMap(plan => {
    const quota = plan.properties.Quota;
    const period = isObject(quota) ? quota.Period : undefined;
    if (!literal(period) || PERIODS.includes(String(period))) return [];
    return [{ logicalId: plan.logicalId, location: 'Properties/Quota/Period', message: `Quota.Period ${JSON.stringify(period)} is not DAY, WEEK or MONTH` }];
  }),
};
