import { THROWS, nagBoolean, nagPrimitive } from './nag-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/**
 * cdk-nag's APIGWAuthorization: every Method and v2 Route names an authorization type other
 * than NONE. A CORS preflight (OPTIONS answering 204 with Access-Control-Allow-* headers) is exempt.
 */
export const methodAuthorization: Rule = {
  id: 'method-authorization',
  severity: 'error',
  title: 'Methods and routes require authorization',
  fix: 'Give the route an authorizer (GatewayApi routes take `authorization`), or set AuthorizationType to AWS_IAM, COGNITO_USER_POOLS, CUSTOM or JWT.',
  resourceTypes: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route'],
  mirrors: ['AwsSolutions-APIG4'],
  check: template => template.ofType('AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route').flatMap(resource => {
    const p = resource.properties;
    if (resource.type === 'AWS::ApiGateway::Method') {
      const httpMethod = nagPrimitive(p.HttpMethod);
      if (httpMethod === THROWS) return [violation(resource.logicalId, 'HttpMethod', 'HttpMethod is not a plain value')];
      if (httpMethod === 'OPTIONS') {
        const preflight = corsPreflight(p.MethodResponses);
        if (preflight === THROWS) return [violation(resource.logicalId, 'MethodResponses', 'MethodResponses of this OPTIONS method cannot be read')];
        if (preflight) return [];
      }
    }
    const type = nagPrimitive(p.AuthorizationType);
    if (type === THROWS) return [violation(resource.logicalId, 'AuthorizationType', 'AuthorizationType is not a plain value')];
    return type == null || type === 'NONE'
      ? [violation(resource.logicalId, 'AuthorizationType', `AuthorizationType is ${type === 'NONE' ? 'NONE' : 'missing (NONE)'}`)]
      : [];
  }),
};

function violation(logicalId: string, property: string, message: string) {
  return { logicalId, location: `Properties/${property}`, message };
}

/** Every method response is a 204 setting an Access-Control-Allow-* header (none at all counts). */
function corsPreflight(methodResponses: unknown): boolean | typeof THROWS {
  if (methodResponses === undefined || methodResponses === null) return false;
  if (!Array.isArray(methodResponses)) return THROWS;
  if (methodResponses.some(r => r === null || r === undefined)) return THROWS;
  return methodResponses.every(r => {
    const parameters = isObject(r) && isObject(r.ResponseParameters) ? r.ResponseParameters : {};
    const allowHeader = Object.entries(parameters).some(([name, value]) =>
      name.startsWith('method.response.header.Access-Control-Allow-') && nagBoolean(value) === true);
    return allowHeader && isObject(r) && String(r.StatusCode) === '204';
  });
}
