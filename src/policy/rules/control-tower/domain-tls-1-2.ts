import { Rule } from '../../rule';

/**
 * CT.APIGATEWAY.PR.6: a REST custom domain's SecurityPolicy is TLS_1_2 or left to the default.
 * The newer enhanced policies (SecurityPolicy_TLS13_...) are stronger but fail this control;
 * GatewayApi's domains use TLS_1_2.
 */
export const domainTls12: Rule = {
  id: 'domain-tls-1-2',
  severity: 'error',
  title: 'REST custom domains use the TLS_1_2 security policy',
  fix: 'Keep GatewayApi\'s default (TLS_1_2); in CloudFormation, SecurityPolicy TLS_1_2 or no SecurityPolicy.',
  resourceTypes: ['AWS::ApiGateway::DomainName'],
  mirrors: ['CT.APIGATEWAY.PR.6'],
  guard: `
let gatewayapi_rest_domains = Resources.*[ Type == 'AWS::ApiGateway::DomainName' ]
rule domain_tls_1_2 when %gatewayapi_rest_domains !empty {
  %gatewayapi_rest_domains {
    Properties.SecurityPolicy not exists or
    Properties.SecurityPolicy in ['TLS_1_2']
  }
}`,
  check: template => template.ofType('AWS::ApiGateway::DomainName')
    .filter(domain => domain.properties.SecurityPolicy !== undefined && domain.properties.SecurityPolicy !== 'TLS_1_2')
    .map(domain => ({
      logicalId: domain.logicalId,
      location: 'Properties/SecurityPolicy',
      message: `SecurityPolicy is ${JSON.stringify(domain.properties.SecurityPolicy)}, not TLS_1_2`,
    })),
};
