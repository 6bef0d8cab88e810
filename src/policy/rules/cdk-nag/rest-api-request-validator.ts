import { nagBoolean } from './nag-reading';
import { Rule } from '../../rule';
import { referencedLogicalId } from '../../template/values';

/**
 * cdk-nag's APIGWRequestValidation: a RequestValidator resource validating body and parameters.
 * Validators declared in an OpenAPI body do not count; `rest-body-request-validation` sees those.
 */
export const restApiRequestValidator: Rule = {
  id: 'rest-api-request-validator',
  severity: 'error',
  title: 'REST APIs have a RequestValidator resource that validates body and parameters',
  fix: 'GatewayApi declares its validators in the OpenAPI body and acknowledges this rule where every route is validated; otherwise add an AWS::ApiGateway::RequestValidator with ValidateRequestBody and ValidateRequestParameters true.',
  resourceTypes: ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::RequestValidator'],
  mirrors: ['AwsSolutions-APIG2'],
  check: template => {
    const validated = new Set(template.ofType('AWS::ApiGateway::RequestValidator')
      .filter(v => nagBoolean(v.properties.ValidateRequestBody) === true && nagBoolean(v.properties.ValidateRequestParameters) === true)
      .map(v => referencedLogicalId(v.properties.RestApiId) ?? v.properties.RestApiId));
    return template.ofType('AWS::ApiGateway::RestApi')
      .filter(api => !validated.has(api.logicalId))
      .map(api => ({
        logicalId: api.logicalId,
        location: 'Properties',
        message: 'no AWS::ApiGateway::RequestValidator of this API validates both body and parameters',
      }));
  },
};
