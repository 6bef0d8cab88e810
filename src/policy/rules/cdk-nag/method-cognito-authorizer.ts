import { THROWS, nagPrimitive } from './nag-reading';
import { Rule } from '../../rule';

/** cdk-nag's CognitoUserPoolAPIGWAuthorizer: every REST method but OPTIONS uses a Cognito user pool. */
export const methodCognitoAuthorizer: Rule = {
  id: 'method-cognito-authorizer',
  severity: 'error',
  title: 'REST methods use a Cognito user pool authorizer',
  fix: 'Use a Cognito authorizer on the route, or acknowledge AwsSolutions-COG4 with the reason another authorizer is right (IAM for service-to-service calls, for example).',
  resourceTypes: ['AWS::ApiGateway::Method'],
  mirrors: ['AwsSolutions-COG4'],
  check: template => template.ofType('AWS::ApiGateway::Method').flatMap(method => {
    const httpMethod = nagPrimitive(method.properties.HttpMethod);
    if (httpMethod === 'OPTIONS') return [];
    if (httpMethod !== THROWS && method.properties.AuthorizationType === 'COGNITO_USER_POOLS') return [];
    return [{
      logicalId: method.logicalId,
      location: 'Properties/AuthorizationType',
      message: `AuthorizationType is ${JSON.stringify(method.properties.AuthorizationType ?? 'NONE')}, not COGNITO_USER_POOLS`,
    }];
  }),
};
