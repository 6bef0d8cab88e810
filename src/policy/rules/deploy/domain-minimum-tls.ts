import { acceptsTls10 } from './deploy-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/**
 * No custom domain accepts TLS 1.0. Stricter than API_GW_DOMAIN_DENY_NON_TLS_TRAFFIC in
 * intent but not in letter: the newer enhanced policies (SecurityPolicy_TLS13_..., TLS 1.2
 * and up) are allowed here; private (DomainNameV2) and v2 domains, which that rule never reads, are judged too.
 */
export const domainMinimumTls: Rule = {
  id: 'domain-minimum-tls',
  severity: 'error',
  title: 'Custom domains refuse TLS older than 1.2',
  fix: 'Use SecurityPolicy TLS_1_2 (GatewayApi\'s default) or a newer enhanced policy.',
  resourceTypes: ['AWS::ApiGateway::DomainName', 'AWS::ApiGateway::DomainNameV2', 'AWS::ApiGatewayV2::DomainName'],
  mirrors: [],
  ruleSets: 'all',
  check: template => [
    ...template.ofType('AWS::ApiGateway::DomainName', 'AWS::ApiGateway::DomainNameV2').flatMap(domain =>
      acceptsTls10(domain.properties.SecurityPolicy) ? [{
        logicalId: domain.logicalId,
        location: 'Properties/SecurityPolicy',
        message: `SecurityPolicy ${JSON.stringify(domain.properties.SecurityPolicy)} accepts TLS 1.0`,
      }] : []),
    ...template.ofType('AWS::ApiGatewayV2::DomainName').flatMap(domain => {
      const configurations = Array.isArray(domain.properties.DomainNameConfigurations) ? domain.properties.DomainNameConfigurations : [];
      return configurations.flatMap((c, i) => isObject(c) && acceptsTls10(c.SecurityPolicy) ? [{
        logicalId: domain.logicalId,
        location: `Properties/DomainNameConfigurations/${i}/SecurityPolicy`,
        message: `SecurityPolicy ${JSON.stringify(c.SecurityPolicy)} accepts TLS 1.0`,
      }] : []);
    }),
  ],
};
