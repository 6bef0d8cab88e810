import { registryResources } from './registry-reading';
import { Rule } from '../../rule';

/**
 * API_GW_DOMAIN_DENY_NON_TLS_TRAFFIC: REST custom domains name SecurityPolicy TLS_1_2. Unlike
 * CT.APIGATEWAY.PR.6, leaving SecurityPolicy out fails; GatewayApi's domains always set it.
 */
export const registryDomainTls: Rule = {
  id: 'registry-domain-tls',
  severity: 'error',
  title: 'REST custom domains set SecurityPolicy TLS_1_2 explicitly',
  fix: 'Set SecurityPolicy: TLS_1_2 (GatewayApi does).',
  resourceTypes: ['AWS::ApiGateway::DomainName'],
  mirrors: ['API_GW_DOMAIN_DENY_NON_TLS_TRAFFIC'],
  check: template => registryResources(template, 'AWS::ApiGateway::DomainName', 'API_GW_DOMAIN_DENY_NON_TLS_TRAFFIC', 'W62')
    .filter(domain => domain.properties.SecurityPolicy !== 'TLS_1_2')
    .map(domain => ({ logicalId: domain.logicalId, location: 'Properties/SecurityPolicy', message: `SecurityPolicy is ${JSON.stringify(domain.properties.SecurityPolicy ?? 'absent')}, not TLS_1_2` })),
};
