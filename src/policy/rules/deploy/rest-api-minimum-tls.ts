import { acceptsTls10, literal } from './deploy-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/** API Gateway's default policy for a REST API's execute-api endpoint, by endpoint type. */
const DEFAULT_POLICY: { [endpointType: string]: string } = { REGIONAL: 'TLS_1_0', EDGE: 'TLS_1_0', PRIVATE: 'TLS_1_2' };

/**
 * No REST API's execute-api endpoint accepts TLS 1.0. Unlike custom domains, REGIONAL and EDGE
 * APIs default to TLS_1_0 when SecurityPolicy is left out; an API whose execute-api endpoint is
 * disabled serves nobody there. No engine has a rule for it (Control Tower's CT.APIGATEWAY.PR.6
 * and checkov's CKV_AWS_206 read domains only).
 */
export const restApiMinimumTls: Rule = {
  id: 'rest-api-minimum-tls',
  severity: 'error',
  title: 'REST API endpoints refuse TLS older than 1.2',
  fix: 'Keep GatewayApi\'s default securityPolicy (an enhanced SecurityPolicy_* policy), or set SecurityPolicy TLS_1_2 or a SecurityPolicy_* policy with its EndpointAccessMode.',
  resourceTypes: ['AWS::ApiGateway::RestApi'],
  mirrors: [],
  ruleSets: 'all',
  check: template => template.ofType('AWS::ApiGateway::RestApi').flatMap(api => {
    const p = api.properties;
    if (p.DisableExecuteApiEndpoint === true) return [];
    const body = isObject(p.Body) ? p.Body : {};
    const policy = p.SecurityPolicy ?? body['x-amazon-apigateway-security-policy'];
    if (policy !== undefined) {
      return acceptsTls10(policy)
        ? [{ logicalId: api.logicalId, location: 'Properties/SecurityPolicy', message: 'SecurityPolicy "TLS_1_0" accepts TLS 1.0' }]
        : [];
    }
    const types = isObject(p.EndpointConfiguration) && Array.isArray(p.EndpointConfiguration.Types) ? p.EndpointConfiguration.Types : ['EDGE'];
    const type = literal(types[0]) ? String(types[0]) : undefined;
    if (type === undefined || DEFAULT_POLICY[type] !== 'TLS_1_0') return [];
    return [{
      logicalId: api.logicalId,
      location: 'Properties/SecurityPolicy',
      message: `no SecurityPolicy: a ${type} API's execute-api endpoint then uses TLS_1_0, which accepts TLS 1.0`,
    }];
  }),
};
