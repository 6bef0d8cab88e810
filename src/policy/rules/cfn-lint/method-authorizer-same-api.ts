import { followRef, restApiIdsConflict } from './engine-reading';
import { Rule } from '../../rule';

/** cfn-lint E3699: a method and its authorizer belong to the same REST API. */
export const methodAuthorizerSameApi: Rule = {
  id: 'method-authorizer-same-api',
  severity: 'error',
  title: 'A method and its authorizer belong to the same REST API',
  fix: 'Use an authorizer of the method\'s own API (RestApiId must match).',
  resourceTypes: ['AWS::ApiGateway::Method', 'AWS::ApiGateway::Authorizer'],
  mirrors: ['E3699'],
  check: template => template.ofType('AWS::ApiGateway::Method').flatMap(method => {
    const authorizer = followRef(template, method.properties.AuthorizerId);
    if (authorizer?.type !== 'AWS::ApiGateway::Authorizer') return [];
    if (!restApiIdsConflict(template, method.properties.RestApiId, authorizer.properties.RestApiId)) return [];
    return [{ logicalId: authorizer.logicalId, location: 'Properties/RestApiId', message: `method ${method.logicalId} uses this authorizer of another API` }];
  }),
};
