import { registryResources } from './registry-reading';
import { Rule } from '../../rule';

/** API_GW_METHOD_AUTHORIZATION_TYPE_RULE: methods other than OPTIONS are not NONE (any case) or unset. */
export const registryMethodAuthorization: Rule = {
  id: 'registry-method-authorization',
  severity: 'error',
  title: 'Methods other than OPTIONS set an AuthorizationType other than NONE',
  fix: 'Give the route an authorizer; in CloudFormation, AuthorizationType AWS_IAM, COGNITO_USER_POOLS or CUSTOM.',
  resourceTypes: ['AWS::ApiGateway::Method'],
  mirrors: ['API_GW_METHOD_AUTHORIZATION_TYPE_RULE'],
  check: template => registryResources(template, 'AWS::ApiGateway::Method', 'API_GW_METHOD_AUTHORIZATION_TYPE_RULE', 'W59')
    .filter(method => {
      const httpMethod = method.properties.HttpMethod;
      const type = method.properties.AuthorizationType;
      const options = typeof httpMethod === 'string' && /options/i.test(httpMethod);
      return !options && (type === undefined || (typeof type === 'string' && /none/i.test(type)));
    })
    .map(method => ({ logicalId: method.logicalId, location: 'Properties/AuthorizationType', message: 'AuthorizationType is NONE or unset' })),
};
