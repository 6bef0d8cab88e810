import { checkovValue } from './checkov-reading';
import { Rule } from '../../rule';

/**
 * checkov CKV_AWS_59: a method other than OPTIONS with AuthorizationType NONE requires an API
 * key. checkov passes a method without AuthorizationType (NONE by default), which
 * `method-authorization` (AwsSolutions-APIG4) catches.
 */
export const methodOpenAccess: Rule = {
  id: 'method-open-access',
  severity: 'error',
  title: 'Methods open to anyone (AuthorizationType NONE) at least require an API key',
  fix: 'Give the route an authorizer or require an API key.',
  resourceTypes: ['AWS::ApiGateway::Method'],
  mirrors: ['CKV_AWS_59'],
  check: template => template.ofType('AWS::ApiGateway::Method').flatMap(method => {
    const p = method.properties;
    if (!('HttpMethod' in p) || !('AuthorizationType' in p)) return [];
    const httpMethod = checkovValue(template, method, ['HttpMethod']);
    const authorization = checkovValue(template, method, ['AuthorizationType']);
    if (httpMethod === 'OPTIONS' || authorization !== 'NONE') return [];
    const apiKey = checkovValue(template, method, ['ApiKeyRequired']);
    if (apiKey !== undefined && apiKey !== false) return [];
    return [{ logicalId: method.logicalId, location: 'Properties/AuthorizationType', message: 'AuthorizationType is NONE and no API key is required' }];
  }),
};
