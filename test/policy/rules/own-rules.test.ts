import { RULES } from '../../../src/policy/rules';
import { TemplateIndex } from '../../../src/policy/template/template-index';

/** The ids of the rules, among `ids`, that fail the resource `Subject`. */
function failing(resources: { [id: string]: unknown }, ids: string[]): string[] {
  const index = TemplateIndex.of({ Resources: resources });
  return RULES.filter(rule => ids.includes(rule.id))
    .filter(rule => rule.check(index).some(v => v.logicalId === 'Subject'))
    .map(rule => rule.id);
}

const stage = (properties: object) => ({ Subject: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: 'a', DeploymentId: 'd', ...properties } } });

describe('values API Gateway refuses at deploy', () => {
  test.each([
    ['cache-cluster-size', stage({ CacheClusterSize: '2.0' }), true],
    ['cache-cluster-size', stage({ CacheClusterSize: '237' }), false],
    ['cache-cluster-size', stage({ CacheClusterSize: { Ref: 'Size' } }), false],
    ['cache-cluster-size', { Subject: { Type: 'AWS::ApiGateway::Deployment', Properties: { StageDescription: { CacheClusterSize: '1' } } } }, true],
    ['usage-plan-quota-period', { Subject: { Type: 'AWS::ApiGateway::UsagePlan', Properties: { Quota: { Limit: 1, Period: 'YEAR' } } } }, true],
    ['usage-plan-quota-period', { Subject: { Type: 'AWS::ApiGateway::UsagePlan', Properties: { Quota: { Limit: 1, Period: 'WEEK' } } } }, false],
    ['domain-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::DomainName', Properties: { SecurityPolicy: 'TLS_1_0' } } }, true],
    ['domain-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::DomainName', Properties: { SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' } } }, false],
    ['domain-minimum-tls', { Subject: { Type: 'AWS::ApiGatewayV2::DomainName', Properties: { DomainNameConfigurations: [{ SecurityPolicy: 'TLS_1_0' }] } } }, true],
    ['rest-api-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'a' } } }, true],
    ['rest-api-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { EndpointConfiguration: { Types: ['REGIONAL'] }, SecurityPolicy: 'TLS_1_0' } } }, true],
    ['rest-api-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { EndpointConfiguration: { Types: ['REGIONAL'] }, SecurityPolicy: 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09', EndpointAccessMode: 'STRICT' } } }, false],
    ['rest-api-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { EndpointConfiguration: { Types: ['PRIVATE'] } } } }, false],
    ['rest-api-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { EndpointConfiguration: { Types: ['REGIONAL'] }, DisableExecuteApiEndpoint: true } } }, false],
    ['rest-api-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: { 'x-amazon-apigateway-security-policy': 'TLS_1_2' } } } }, false],
    ['rest-api-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { SecurityPolicy: { Ref: 'Policy' } } } }, false],
    ['stage-name', stage({ StageName: 'bad name' }), true],
    ['stage-name', stage({ StageName: 'x'.repeat(129) }), true],
    ['stage-name', stage({ StageName: 'prod_v-2' }), false],
    ['stage-name', { Subject: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { StageName: '$default' } } }, false],
    ['stage-name', stage({ StageName: '$default' }), true],
    ['canary-percentage', stage({ CanarySetting: { PercentTraffic: 100.5 } }), true],
    ['canary-percentage', stage({ CanarySetting: { PercentTraffic: 0 } }), false],
    ['canary-percentage', { Subject: { Type: 'AWS::ApiGateway::Deployment', Properties: { DeploymentCanarySettings: { PercentTraffic: -1 } } } }, true],
    ['authorizer-ttl', { Subject: { Type: 'AWS::ApiGateway::Authorizer', Properties: { Type: 'COGNITO_USER_POOLS', AuthorizerResultTtlInSeconds: 3601 } } }, true],
    ['authorizer-ttl', { Subject: { Type: 'AWS::ApiGatewayV2::Authorizer', Properties: { AuthorizerResultTtlInSeconds: 3600 } } }, false],
    ['authorizer-ttl', { Subject: { Type: 'AWS::ApiGateway::Authorizer', Properties: { AuthorizerResultTtlInSeconds: { Ref: 'Ttl' } } } }, false],
    ['access-log-request-id', stage({ AccessLogSetting: { DestinationArn: 'arn', Format: '$context.status' } }), true],
    ['access-log-request-id', stage({ AccessLogSetting: { DestinationArn: 'arn', Format: '{"id":"$context.extendedRequestId"}' } }), false],
    ['domain-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::DomainNameV2', Properties: { SecurityPolicy: 'TLS_1_0' } } }, true],
    ['domain-minimum-tls', { Subject: { Type: 'AWS::ApiGateway::DomainNameV2', Properties: { SecurityPolicy: 'TLS_1_2' } } }, false],
    ['streamed-integration-type', { Subject: { Type: 'AWS::ApiGateway::Method', Properties: { Integration: { Type: 'AWS', ResponseTransferMode: 'STREAM' } } } }, true],
    ['streamed-integration-type', { Subject: { Type: 'AWS::ApiGateway::Method', Properties: { Integration: { Type: 'AWS_PROXY', ResponseTransferMode: 'STREAM' } } } }, false],
    ['streamed-integration-type', { Subject: { Type: 'AWS::ApiGateway::Method', Properties: { Integration: { Type: 'MOCK', ResponseTransferMode: 'BUFFERED' } } } }, false],
    ['streamed-integration-type', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: { paths: { '/a': { get: { 'x-amazon-apigateway-integration': { type: 'mock', responseTransferMode: 'STREAM' } } } } } } } }, true],
    ['streamed-integration-type', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: { paths: { '/a': { get: { 'x-amazon-apigateway-integration': { type: 'http_proxy', responseTransferMode: 'STREAM' } } } } } } } }, false],
    ['routing-rule-priority', { Subject: { Type: 'AWS::ApiGatewayV2::RoutingRule', Properties: { DomainNameArn: 'd', Priority: 0 } } }, true],
    ['routing-rule-priority', { Subject: { Type: 'AWS::ApiGatewayV2::RoutingRule', Properties: { DomainNameArn: 'd', Priority: 1000000 } } }, false],
    ['routing-rule-priority', {
      First: { Type: 'AWS::ApiGatewayV2::RoutingRule', Properties: { DomainNameArn: 'd', Priority: 5 } },
      Subject: { Type: 'AWS::ApiGatewayV2::RoutingRule', Properties: { DomainNameArn: 'd', Priority: 5 } },
    }, true],
    ['routing-rule-priority', {
      First: { Type: 'AWS::ApiGatewayV2::RoutingRule', Properties: { DomainNameArn: 'other', Priority: 5 } },
      Subject: { Type: 'AWS::ApiGatewayV2::RoutingRule', Properties: { DomainNameArn: 'd', Priority: 5 } },
    }, false],
    ['private-dual-stack', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { EndpointConfiguration: { Types: ['PRIVATE'], IpAddressType: 'ipv4' } } } }, true],
    ['private-dual-stack', { Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: 'ipv4' } } } }, false],
    ['private-dual-stack', { Subject: { Type: 'AWS::ApiGateway::DomainNameV2', Properties: { EndpointConfiguration: { Types: ['PRIVATE'], IpAddressType: 'ipv4' } } } }, true],
    ['private-dual-stack', { Subject: { Type: 'AWS::ApiGateway::DomainNameV2', Properties: { EndpointConfiguration: { Types: ['PRIVATE'], IpAddressType: 'dualstack' } } } }, false],
  ])('%s on %j: fails %s', (ruleId, resources, fails) => {
    expect(failing(resources, [ruleId])).toEqual(fails ? [ruleId] : []);
  });
});

describe('inside OpenAPI bodies', () => {
  const api = (body: object) => ({ Subject: { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: body } } });
  const validators = {
    'x-amazon-apigateway-request-validator': 'all',
    'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true }, body: { validateRequestBody: true, validateRequestParameters: false } },
  };
  const sigv4 = { components: { securitySchemes: { sigv4: { 'type': 'apiKey', 'x-amazon-apigateway-authtype': 'awsSigv4' } } } };
  const mock = { 'x-amazon-apigateway-integration': { type: 'mock' } };

  test.each([
    ['an IAM-authorized, validated operation', { ...validators, ...sigv4, paths: { '/a': { get: { ...mock, security: [{ sigv4: [] }] } } } }, []],
    ['an operation without security', { ...validators, paths: { '/a': { get: mock } } }, ['body-authorization']],
    ['security inherited from the document', { ...validators, ...sigv4, security: [{ sigv4: [] }], paths: { '/a': { get: mock } } }, []],
    ['an empty alternative `{}` admitting anyone', { ...validators, ...sigv4, paths: { '/a': { get: { ...mock, security: [{ sigv4: [] }, {}] } } } }, ['body-authorization']],
    ['x-amazon-apigateway-auth AWS_IAM', { ...validators, paths: { '/a': { get: { ...mock, 'x-amazon-apigateway-auth': { type: 'AWS_IAM' } } } } }, []],
    ['a Lambda authorizer scheme', {
      ...validators,
      components: { securitySchemes: { fn: { 'type': 'apiKey', 'x-amazon-apigateway-authorizer': { type: 'token' } } } },
      paths: { '/a': { post: { ...mock, security: [{ fn: [] }] } } },
    }, []],
    ['a body-only validator', { ...validators, ...sigv4, paths: { '/a': { get: { ...mock, 'security': [{ sigv4: [] }], 'x-amazon-apigateway-request-validator': 'body' } } } }, ['body-request-validation']],
    ['no validator at all', { ...sigv4, paths: { '/a': { get: { ...mock, security: [{ sigv4: [] }] } } } }, ['body-request-validation']],
    ['a CORS preflight, open and unvalidated by design', { paths: { '/a': { options: mock } } }, []],
  ])('%s', (_, body, expected) => {
    expect(failing(api(body), ['body-authorization', 'body-request-validation'])).toEqual(expected);
  });

  test('findings point at the operation in the body', () => {
    const index = TemplateIndex.of({ Resources: api({ paths: { '/pets/{id}': { get: mock } } }) });
    const rule = RULES.find(r => r.id === 'body-authorization')!;
    expect(rule.check(index)).toEqual([{
      logicalId: 'Subject', location: 'Properties/Body/paths/~1pets~1{id}/get', message: 'GET /pets/{id} is open to anyone: no authorizer and no IAM authorization',
    }]);
  });
});

describe('the rule catalogue', () => {
  test('ids are unique kebab-case, and every rule says what it checks and how to fix it', () => {
    expect(new Set(RULES.map(r => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
    }
  });

  test('an engine rule is mirrored by one rule at most', () => {
    const mirrors = RULES.flatMap(r => r.mirrors);
    expect(new Set(mirrors).size).toBe(mirrors.length);
  });
});
