import { hasProperty } from './engine-reading';
import { Rule } from '../../rule';

/** cfn-lint E3660: a REST API without a definition needs a name. */
export const restApiName: Rule = {
  id: 'rest-api-name',
  severity: 'error',
  title: 'REST APIs without an OpenAPI definition have a Name',
  fix: 'Set Name, or define the API with Body or BodyS3Location.',
  resourceTypes: ['AWS::ApiGateway::RestApi'],
  mirrors: ['E3660'],
  check: template => template.ofType('AWS::ApiGateway::RestApi')
    .filter(api => !hasProperty(api, 'Body') && !hasProperty(api, 'BodyS3Location') && !hasProperty(api, 'Name'))
    .map(api => ({ logicalId: api.logicalId, location: 'Properties/Name', message: 'Name is required when Body or BodyS3Location is not given' })),
};
