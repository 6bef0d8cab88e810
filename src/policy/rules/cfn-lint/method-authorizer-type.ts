import { authoredForm, followRef } from './engine-reading';
import { Rule } from '../../rule';

const EXPECTED: { readonly [authorizationType: string]: readonly string[] } = {
  CUSTOM: ['TOKEN', 'REQUEST'],
  COGNITO_USER_POOLS: ['COGNITO_USER_POOLS'],
};

/** cfn-lint E3708: CUSTOM methods use Lambda authorizers, COGNITO_USER_POOLS methods Cognito ones. */
export const methodAuthorizerType: Rule = {
  id: 'method-authorizer-type',
  severity: 'error',
  title: 'A method\'s AuthorizationType matches its authorizer\'s Type',
  fix: 'CUSTOM goes with TOKEN or REQUEST authorizers, COGNITO_USER_POOLS with COGNITO_USER_POOLS authorizers.',
  resourceTypes: ['AWS::ApiGateway::Method', 'AWS::ApiGateway::Authorizer'],
  mirrors: ['E3708'],
  check: template => template.ofType('AWS::ApiGateway::Method').flatMap(method => {
    const authorizer = followRef(template, method.properties.AuthorizerId);
    if (authorizer?.type !== 'AWS::ApiGateway::Authorizer') return [];
    const authorizationType = authoredForm(template, method.properties.AuthorizationType);
    const authorizerType = authoredForm(template, authorizer.properties.Type);
    if (typeof authorizationType !== 'string' || typeof authorizerType !== 'string') return [];
    const expected = EXPECTED[authorizationType];
    if (!expected || expected.includes(authorizerType)) return [];
    return [{
      logicalId: authorizer.logicalId,
      location: 'Properties/Type',
      message: `method ${method.logicalId} is ${authorizationType}, which needs a ${expected.join(' or ')} authorizer, not ${authorizerType}`,
    }];
  }),
};
