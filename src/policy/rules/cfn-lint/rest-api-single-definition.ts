import { followRef, hasProperty } from './engine-reading';
import { Rule } from '../../rule';

const DEFINITION_PARTS = [
  'AWS::ApiGateway::Method', 'AWS::ApiGateway::Model', 'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::GatewayResponse', 'AWS::ApiGateway::RequestValidator', 'AWS::ApiGateway::Authorizer',
];

/**
 * cfn-lint W3660: a REST API defined by an OpenAPI body is not also edited by Method, Resource,
 * Model, ... resources, which the next PutRestApi would orphan.
 */
export const restApiSingleDefinition: Rule = {
  id: 'rest-api-single-definition',
  severity: 'warning',
  title: 'A REST API defined by OpenAPI is not also modified by separate resources',
  fix: 'Put the route, model, validator, authorizer or gateway response in the definition (GatewayApi routes, gatewayResponses) instead of a separate resource.',
  resourceTypes: ['AWS::ApiGateway::RestApi', ...DEFINITION_PARTS],
  mirrors: ['W3660'],
  check: template => template.ofType(...DEFINITION_PARTS).flatMap(part => {
    const api = followRef(template, part.properties.RestApiId);
    if (!api || api.type !== 'AWS::ApiGateway::RestApi') return [];
    const property = hasProperty(api, 'Body') ? 'Body' : hasProperty(api, 'BodyS3Location') ? 'BodyS3Location' : undefined;
    if (!property) return [];
    return [{
      logicalId: api.logicalId,
      location: `Properties/${property}`,
      message: `${part.logicalId} (${part.type}) modifies an API defined by ${property}; the next deployment of the definition drifts from it`,
    }];
  }),
};
