import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';
import { numberValue } from '../../template/values';

/** cfn-lint E3718: TOKEN and REQUEST authorizers cache results 0 to 3600 seconds. */
export const lambdaAuthorizerTtl: Rule = {
  id: 'lambda-authorizer-ttl',
  severity: 'error',
  title: 'Lambda (TOKEN, REQUEST) authorizers cache results 0 to 3600 seconds',
  fix: 'Set AuthorizerResultTtlInSeconds between 0 and 3600.',
  resourceTypes: ['AWS::ApiGateway::Authorizer'],
  mirrors: ['E3718'],
  check: template => template.ofType('AWS::ApiGateway::Authorizer')
    .filter(a => (a.properties.Type === 'TOKEN' || a.properties.Type === 'REQUEST')
      && candidates(a.properties.AuthorizerResultTtlInSeconds).some(ttl => ttl < 0 || ttl > 3600))
    .map(a => ({
      logicalId: a.logicalId,
      location: 'Properties/AuthorizerResultTtlInSeconds',
      message: `AuthorizerResultTtlInSeconds ${JSON.stringify(a.properties.AuthorizerResultTtlInSeconds)} is outside 0 to 3600`,
    })),
};

/** The literal values a TTL can take: the number itself, or each literal branch of an Fn::If. */
function candidates(value: unknown): number[] {
  const ifBranches = isObject(value) && Array.isArray(value['Fn::If']) ? value['Fn::If'].slice(1) : [value];
  return ifBranches.map(numberValue).filter((n): n is number => n !== undefined);
}
