import { literal } from './deploy-reading';
import { Rule } from '../../rule';
import { numberValue } from '../../template/values';

/** API Gateway refuses an authorizer result cache TTL outside 0 to 3600 seconds at deploy. */
export const authorizerTtl: Rule = {
  id: 'authorizer-ttl',
  severity: 'error',
  title: 'Authorizer results are cached 0 to 3600 seconds',
  fix: 'Set AuthorizerResultTtlInSeconds between 0 and 3600.',
  resourceTypes: ['AWS::ApiGateway::Authorizer', 'AWS::ApiGatewayV2::Authorizer'],
  mirrors: [],
  ruleSets: 'all',
  check: template => template.ofType('AWS::ApiGateway::Authorizer', 'AWS::ApiGatewayV2::Authorizer').flatMap(authorizer => {
    const ttl = authorizer.properties.AuthorizerResultTtlInSeconds;
    if (!literal(ttl)) return [];
    const value = numberValue(ttl);
    if (value !== undefined && Number.isInteger(value) && value >= 0 && value <= 3600) return [];
    return [{
      logicalId: authorizer.logicalId,
      location: 'Properties/AuthorizerResultTtlInSeconds',
      message: `AuthorizerResultTtlInSeconds ${JSON.stringify(ttl)} is not a whole number from 0 to 3600`,
    }];
  }),
};
