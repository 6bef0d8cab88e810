import { literal } from './deploy-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';
import { bodyOperations } from '../openapi-body/body-operations';

const PROXY_TYPES = ['AWS_PROXY', 'HTTP_PROXY'];

/** API Gateway streams only proxy integrations' responses: STREAM elsewhere is refused at deploy. */
export const streamedIntegrationType: Rule = {
  id: 'streamed-integration-type',
  severity: 'error',
  title: 'Only proxy integrations stream their responses',
  fix: 'Use ResponseTransferMode STREAM on AWS_PROXY or HTTP_PROXY integrations only (GatewayApi\'s responseTransferMode on lambda, url and load balancer integrations).',
  resourceTypes: ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Method'],
  mirrors: [],
  ruleSets: 'all',
  check: template => [
    ...bodyOperations(template).flatMap(op => {
      const integration = op.operation['x-amazon-apigateway-integration'];
      return isObject(integration) && streamsWithout(integration.responseTransferMode, integration.type) ? [{
        logicalId: op.apiLogicalId,
        location: `${op.location}/x-amazon-apigateway-integration/responseTransferMode`,
        message: `${op.method.toUpperCase()} ${op.path} streams a ${String(integration.type)} integration`,
      }] : [];
    }),
    ...template.ofType('AWS::ApiGateway::Method').flatMap(method => {
      const integration = method.properties.Integration;
      return isObject(integration) && streamsWithout(integration.ResponseTransferMode, integration.Type) ? [{
        logicalId: method.logicalId,
        location: 'Properties/Integration/ResponseTransferMode',
        message: `the method streams a ${String(integration.Type)} integration`,
      }] : [];
    }),
  ],
};

/** A literal STREAM on an integration of a literal type that is no proxy. */
function streamsWithout(mode: unknown, type: unknown): boolean {
  return literal(mode) && String(mode).toUpperCase() === 'STREAM' && literal(type) && !PROXY_TYPES.includes(String(type).toUpperCase());
}
