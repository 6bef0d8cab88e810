import { registryResources } from './registry-reading';
import { Rule } from '../../rule';
import { TemplateResource, isObject } from '../../template/template-index';

const TYPES = ['REGIONAL', 'PRIVATE', 'EDGE'];

/**
 * API_GW_ENDPOINT_TYPE_CHECK: REST custom domains declare their endpoint type. The registry asks
 * this of the domains together (`some` over all of them): one domain with a type passes them all.
 */
export const registryDomainEndpointType: Rule = {
  id: 'registry-domain-endpoint-type',
  severity: 'error',
  title: 'REST custom domains declare an endpoint type (REGIONAL, PRIVATE or EDGE)',
  fix: 'Set EndpointConfiguration.Types (GatewayApi does).',
  resourceTypes: ['AWS::ApiGateway::DomainName'],
  mirrors: ['API_GW_ENDPOINT_TYPE_CHECK'],
  check: template => {
    const domains = registryResources(template, 'AWS::ApiGateway::DomainName', 'API_GW_ENDPOINT_TYPE_CHECK');
    if (domains.some(typed)) return [];
    return domains.map(domain => ({ logicalId: domain.logicalId, location: 'Properties/EndpointConfiguration/Types', message: 'EndpointConfiguration.Types names no endpoint type' }));
  },
};

function typed(domain: TemplateResource): boolean {
  const configuration = domain.properties.EndpointConfiguration;
  const types = isObject(configuration) ? configuration.Types : undefined;
  return Array.isArray(types) && types.some(t => TYPES.includes(t as string));
}
