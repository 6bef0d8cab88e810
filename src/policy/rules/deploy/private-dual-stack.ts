import { literal } from './deploy-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/** API Gateway gives private APIs and private custom domains dual-stack addresses only: ipv4 is refused at deploy. */
export const privateDualStack: Rule = {
  id: 'private-dual-stack',
  severity: 'error',
  title: 'Private APIs and private custom domains are dual-stack',
  fix: 'Leave IpAddressType out, or set it to dualstack, on PRIVATE APIs and on DomainNameV2 domains.',
  resourceTypes: ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::DomainNameV2'],
  mirrors: [],
  ruleSets: 'all',
  check: template => template.ofType('AWS::ApiGateway::RestApi', 'AWS::ApiGateway::DomainNameV2').flatMap(resource => {
    const endpoint = resource.properties.EndpointConfiguration;
    if (!isObject(endpoint)) return [];
    const types = Array.isArray(endpoint.Types) ? endpoint.Types : [];
    const isPrivate = resource.type === 'AWS::ApiGateway::DomainNameV2' || types.includes('PRIVATE');
    const ipType = endpoint.IpAddressType;
    if (!isPrivate || !literal(ipType) || String(ipType).toLowerCase() === 'dualstack') return [];
    return [{ logicalId: resource.logicalId, location: 'Properties/EndpointConfiguration/IpAddressType', message: `a private endpoint with IpAddressType ${JSON.stringify(ipType)}` }];
  }),
};
