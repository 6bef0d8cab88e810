import { BodyOperation, bodyOperations, isCorsPreflight } from './body-operations';
import { Rule } from '../../rule';
import { PolicyRuleSet } from '../../rule-set';
import { isObject } from '../../template/template-index';

/**
 * What AwsSolutions-APIG2 requires (a validator of body and parameters), for the operations of
 * an inline OpenAPI definition: APIG2 only looks for RequestValidator resources and cannot tell
 * whether an operation is validated.
 */
export const bodyRequestValidation: Rule = {
  id: 'body-request-validation',
  severity: 'error',
  title: 'Operations of an OpenAPI-defined REST API validate body and parameters',
  fix: 'Keep GatewayApi\'s default requestValidation (BODY_AND_PARAMETERS); in OpenAPI, x-amazon-apigateway-request-validator naming a validator with validateRequestBody and validateRequestParameters true.',
  resourceTypes: ['AWS::ApiGateway::RestApi'],
  mirrors: [],
  ruleSets: [PolicyRuleSet.AWS_SOLUTIONS],
  check: template => bodyOperations(template)
    .filter(op => !isCorsPreflight(op) && !validated(op))
    .map(op => ({
      logicalId: op.apiLogicalId,
      location: op.location,
      message: `${op.method.toUpperCase()} ${op.path} is not validated (body and parameters) before it reaches the backend`,
    })),
};

function validated(op: BodyOperation): boolean {
  const name = op.operation['x-amazon-apigateway-request-validator'] ?? op.document['x-amazon-apigateway-request-validator'];
  const validators = op.document['x-amazon-apigateway-request-validators'];
  if (typeof name !== 'string' || !isObject(validators)) return false;
  const validator = validators[name];
  return isObject(validator) && validator.validateRequestBody === true && validator.validateRequestParameters === true;
}
