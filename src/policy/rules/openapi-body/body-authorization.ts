import { BodyOperation, bodyOperations, isCorsPreflight } from './body-operations';
import { Rule } from '../../rule';
import { PolicyRuleSet } from '../../rule-set';
import { isObject } from '../../template/template-index';

/**
 * What AwsSolutions-APIG4 and CKV_AWS_59 require of Method resources, for the operations of an
 * inline OpenAPI definition, which no engine reads: every operation but a CORS preflight is
 * behind IAM or an authorizer.
 */
export const bodyAuthorization: Rule = {
  id: 'body-authorization',
  severity: 'error',
  title: 'Operations of an OpenAPI-defined REST API require authorization',
  fix: 'Give the route `authorization` (GatewayApi routes are IAM-authorized; Authorization.none(reason) opens one and acknowledges this finding for it); in OpenAPI, a security requirement naming an x-amazon-apigateway-authtype or -authorizer scheme, or x-amazon-apigateway-auth AWS_IAM.',
  resourceTypes: ['AWS::ApiGateway::RestApi'],
  mirrors: [],
  ruleSets: [PolicyRuleSet.AWS_SOLUTIONS, PolicyRuleSet.CHECKOV, PolicyRuleSet.GUARD_RULES_REGISTRY],
  check: template => bodyOperations(template)
    .filter(op => !isCorsPreflight(op) && !authorized(op))
    .map(op => ({
      logicalId: op.apiLogicalId,
      location: op.location,
      message: `${op.method.toUpperCase()} ${op.path} is open to anyone: no authorizer and no IAM authorization`,
    })),
};

function authorized(op: BodyOperation): boolean {
  const auth = op.operation['x-amazon-apigateway-auth'];
  if (isObject(auth) && typeof auth.type === 'string') return auth.type.toUpperCase() === 'AWS_IAM';
  const requirements = op.operation.security ?? op.document.security;
  if (!Array.isArray(requirements) || requirements.length === 0) return false;
  const schemes = securitySchemes(op.document);
  // Every alternative must authenticate the caller; an empty requirement `{}` admits anyone.
  // Within one alternative all schemes apply, so one that authenticates is enough (IAM with an API key).
  return requirements.every(requirement => isObject(requirement)
    && Object.keys(requirement).some(name => authenticates(schemes[name])));
}

function securitySchemes(document: { readonly [key: string]: unknown }): { readonly [name: string]: unknown } {
  const components = document.components;
  if (isObject(components) && isObject(components.securitySchemes)) return components.securitySchemes;
  return isObject(document.securityDefinitions) ? document.securityDefinitions : {};
}

/** An IAM (sigv4), Cognito or Lambda authorizer scheme; a bare API key does not identify a caller. */
function authenticates(scheme: unknown): boolean {
  if (!isObject(scheme)) return false;
  return isObject(scheme['x-amazon-apigateway-authorizer'])
    || (typeof scheme['x-amazon-apigateway-authtype'] === 'string' && scheme['x-amazon-apigateway-authtype'] !== 'apiKey');
}
