/**
 * Templates that the real engines and the validator both judge. Each exercises rules' edges:
 * compliant setups, values given as strings or intrinsics, method-level overrides, CORS
 * preflights, WebSocket routes, a WAF on another stage, engine-specific suppressions.
 */
type Json = { [key: string]: any };

const api = { Ref: 'Api' };
const logGroupArn = { 'Fn::GetAtt': ['Logs', 'Arn'] };
const JSON_FORMAT = '{"requestId":"$context.requestId","status":"$context.status"}';
const CATCH_ALL = { HttpMethod: '*', ResourcePath: '/*' };

function template(resources: Json, extra: Json = {}): Json {
  return { AWSTemplateFormatVersion: '2010-09-09', ...extra, Resources: resources };
}

/** A REST API with a deployment, and the given stages (each merged over a minimal stage). */
function restApi(stages: Json, more: Json = {}, apiProperties: Json = { Name: 'api' }): Json {
  const resources: Json = {
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: apiProperties },
    Deployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: api } },
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365 } },
    ...more,
  };
  for (const [id, properties] of Object.entries(stages)) {
    resources[id] = {
      Type: 'AWS::ApiGateway::Stage',
      Properties: { RestApiId: api, DeploymentId: { Ref: 'Deployment' }, StageName: id.toLowerCase(), ...properties },
    };
  }
  return resources;
}

const compliantStage: Json = {
  TracingEnabled: true,
  ClientCertificateId: { Ref: 'Certificate' },
  CacheClusterEnabled: true,
  CacheClusterSize: '0.5',
  AccessLogSetting: { DestinationArn: logGroupArn, Format: JSON_FORMAT },
  MethodSettings: [{
    ...CATCH_ALL,
    LoggingLevel: 'ERROR',
    MetricsEnabled: true,
    DataTraceEnabled: false,
    ThrottlingRateLimit: 100,
    ThrottlingBurstLimit: 200,
    CachingEnabled: true,
    CacheDataEncrypted: true,
    CacheTtlInSeconds: 300,
  }],
};

const openApiBody: Json = {
  'openapi': '3.0.1',
  'info': { title: 'api', version: '1' },
  'x-amazon-apigateway-request-validator': 'all',
  'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
  'components': { securitySchemes: { sigv4: { 'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' } } },
  'paths': {
    '/pets': {
      get: { 'security': [{ sigv4: [] }], 'x-amazon-apigateway-integration': { type: 'mock' } },
      options: { 'x-amazon-apigateway-integration': { type: 'mock' } },
    },
  },
};

function method(id: string, properties: Json): Json {
  return { [id]: { Type: 'AWS::ApiGateway::Method', Properties: { RestApiId: api, ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, ...properties } } };
}

const preflightResponses = [{ StatusCode: '204', ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } }];

function httpApi(protocol: 'HTTP' | 'WEBSOCKET', resources: Json): Json {
  return {
    V2Api: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: 'v2', ProtocolType: protocol, ...(protocol === 'WEBSOCKET' ? { RouteSelectionExpression: '$request.body.action' } : {}) },
    },
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365 } },
    ...resources,
  };
}

function v2Stage(properties: Json): Json {
  return { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: { Ref: 'V2Api' }, StageName: '$default', ...properties } };
}

function v2Route(routeKey: string, properties: Json): Json {
  return { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'V2Api' }, RouteKey: routeKey, ...properties } };
}

const webAcl: Json = {
  Type: 'AWS::WAFv2::WebACL',
  Properties: {
    Scope: 'REGIONAL',
    DefaultAction: { Allow: {} },
    VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: 'acl' },
  },
};

function wafOn(stageId: string): Json {
  return {
    Acl: webAcl,
    AclAssociation: {
      Type: 'AWS::WAFv2::WebACLAssociation',
      Properties: {
        WebACLArn: { 'Fn::GetAtt': ['Acl', 'Arn'] },
        ResourceArn: { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${${stageId}}` },
      },
    },
  };
}

const certificate = { Certificate: { Type: 'AWS::ApiGateway::ClientCertificate', Properties: {} } };
const condition = { Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] } } };

/** The corpus: name to template. */
export const CORPUS: { readonly [name: string]: Json } = {
  'rest-compliant': template(restApi({ Prod: compliantStage }, {
    ...certificate,
    ...wafOn('Prod'),
    Validator: { Type: 'AWS::ApiGateway::RequestValidator', Properties: { RestApiId: api, ValidateRequestBody: true, ValidateRequestParameters: true } },
  }, { Name: 'api', Body: openApiBody })),

  'rest-bare-stage': template(restApi({ Bare: {} })),

  'rest-method-level-logging-off': template(restApi({
    Override: { ...compliantStage, MethodSettings: [{ ...CATCH_ALL, LoggingLevel: 'INFO' }, { HttpMethod: 'GET', ResourcePath: '/~1pets', LoggingLevel: 'OFF' }] },
  }, certificate)),

  'rest-tracing-forms': template(restApi({
    AsString: { ...compliantStage, TracingEnabled: 'true' },
    AsIf: { ...compliantStage, TracingEnabled: { 'Fn::If': ['IsProd', true, false] } },
    Off: { ...compliantStage, TracingEnabled: false },
    AsParameter: { ...compliantStage, TracingEnabled: { Ref: 'Tracing' } },
  }, certificate), { ...condition, Parameters: { Tracing: { Type: 'String', Default: 'true', AllowedValues: ['true', 'false'] } } }),

  'rest-access-log-forms': template(restApi({
    JoinFormat: { ...compliantStage, AccessLogSetting: { DestinationArn: { 'Fn::Join': ['', ['arn:aws:logs:eu-west-1:123456789012:log-group:', 'x']] }, Format: { 'Fn::Join': ['', ['{"requestId":', '"$context.requestId"}']] } } },
    WholeIf: { ...compliantStage, AccessLogSetting: { 'Fn::If': ['IsProd', { DestinationArn: logGroupArn, Format: JSON_FORMAT }, { Ref: 'AWS::NoValue' }] } },
    Empty: { ...compliantStage, AccessLogSetting: { DestinationArn: '', Format: '' } },
    DestinationOnly: { ...compliantStage, AccessLogSetting: { DestinationArn: logGroupArn } },
    CommonLogFormat: { ...compliantStage, AccessLogSetting: { DestinationArn: logGroupArn, Format: '$context.requestId $context.status' } },
    None: { ...compliantStage, AccessLogSetting: undefined },
  }, certificate), condition),

  'rest-method-settings-forms': template(restApi({
    SettingsIf: { ...compliantStage, MethodSettings: { 'Fn::If': ['IsProd', [{ ...CATCH_ALL, LoggingLevel: 'INFO' }], [{ ...CATCH_ALL, LoggingLevel: 'ERROR' }]] } },
    LowercaseInfo: { ...compliantStage, MethodSettings: [{ ...CATCH_ALL, LoggingLevel: 'info', ThrottlingRateLimit: 1, ThrottlingBurstLimit: 1 }] },
    Empty: { ...compliantStage, MethodSettings: [] },
    NoCatchAll: { ...compliantStage, MethodSettings: [{ HttpMethod: 'GET', ResourcePath: '/*', LoggingLevel: 'INFO' }] },
    BurstOnly: { ...compliantStage, MethodSettings: [{ ...CATCH_ALL, LoggingLevel: 'ERROR', ThrottlingBurstLimit: 5 }] },
    UnprefixedPath: { ...compliantStage, MethodSettings: [{ HttpMethod: '*', ResourcePath: '*', LoggingLevel: 'ERROR', MetricsEnabled: false }] },
    LoggingIf: { ...compliantStage, MethodSettings: [{ ...CATCH_ALL, LoggingLevel: { 'Fn::If': ['IsProd', 'INFO', 'ERROR'] } }] },
  }, certificate), condition),

  // Intrinsics where python cfn-lint and the bundled engine once parted (E3698, E3723, W3705).
  'rest-intrinsic-forms': template(restApi({
    StageGetAtt: { ...compliantStage, RestApiId: { 'Fn::GetAtt': ['Api', 'RestApiId'] } },
    PathIf: { ...compliantStage, MethodSettings: [{ HttpMethod: '*', ResourcePath: { 'Fn::If': ['IsProd', '/*', '*'] }, LoggingLevel: 'ERROR' }] },
    PathIfBothValid: { ...compliantStage, MethodSettings: [{ HttpMethod: '*', ResourcePath: { 'Fn::If': ['IsProd', '/*', '/~1pets/GET'] }, LoggingLevel: 'ERROR' }] },
    EmptySetting: { ...compliantStage, MethodSettings: [...compliantStage.MethodSettings, { HttpMethod: 'GET', ResourcePath: '/~1pets' }] },
  }, {
    ...certificate,
    GetAttDeployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { 'Fn::GetAtt': ['Api', 'RestApiId'] } } },
    StageOnGetAttDeployment: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: { ...compliantStage, RestApiId: api, DeploymentId: { Ref: 'GetAttDeployment' }, StageName: 'other' },
    },
  }), condition),

  'rest-cache-forms': template(restApi({
    Unencrypted: { ...compliantStage, MethodSettings: [{ ...CATCH_ALL, LoggingLevel: 'ERROR', CachingEnabled: true, CacheDataEncrypted: false }] },
    ClusterAsString: { ...compliantStage, CacheClusterEnabled: 'true', MethodSettings: [{ ...CATCH_ALL, LoggingLevel: 'ERROR' }] },
    NoCluster: { ...compliantStage, CacheClusterEnabled: false, CacheClusterSize: undefined },
    SplitFlags: {
      ...compliantStage,
      MethodSettings: [{ ...CATCH_ALL, LoggingLevel: 'ERROR', CachingEnabled: true }, { ...CATCH_ALL, CacheDataEncrypted: true }],
    },
    OddSize: { ...compliantStage, CacheClusterSize: '2.0' },
  }, certificate)),

  'rest-methods': template(restApi({}, {
    ...method('Preflight', { HttpMethod: 'OPTIONS', AuthorizationType: 'NONE', MethodResponses: preflightResponses }),
    ...method('PreflightNoResponses', { HttpMethod: 'OPTIONS', AuthorizationType: 'NONE' }),
    ...method('PreflightStatus200', { HttpMethod: 'OPTIONS', AuthorizationType: 'NONE', MethodResponses: [{ ...preflightResponses[0], StatusCode: '200' }] }),
    ...method('LowercaseOptions', { HttpMethod: 'options', AuthorizationType: 'NONE' }),
    ...method('GetOpen', { HttpMethod: 'GET', AuthorizationType: 'NONE' }),
    ...method('GetOpenWithKey', { HttpMethod: 'GET', AuthorizationType: 'NONE', ApiKeyRequired: true }),
    ...method('GetLowercaseNone', { HttpMethod: 'GET', AuthorizationType: 'none' }),
    ...method('GetUnset', { HttpMethod: 'GET' }),
    ...method('PostIam', { HttpMethod: 'POST', AuthorizationType: 'AWS_IAM' }),
    ...method('PutCognito', { HttpMethod: 'PUT', AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: 'CognitoAuthorizer' } }),
    ...method('DeleteCustom', { HttpMethod: 'DELETE', AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'TokenAuthorizer' } }),
    ...method('PatchSuppressed', {
      HttpMethod: 'PATCH', AuthorizationType: 'NONE',
    }),
    CognitoAuthorizer: {
      Type: 'AWS::ApiGateway::Authorizer',
      Properties: { RestApiId: api, Name: 'cognito', Type: 'COGNITO_USER_POOLS', IdentitySource: 'method.request.header.Authorization', ProviderARNs: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc'] },
    },
    TokenAuthorizer: {
      Type: 'AWS::ApiGateway::Authorizer',
      Properties: { RestApiId: api, Name: 'token', Type: 'TOKEN', IdentitySource: 'method.request.header.Authorization', AuthorizerUri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations', AuthorizerResultTtlInSeconds: 300 },
    },
  })),

  'rest-authorizer-mismatches': template(restApi({}, {
    OtherApi: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'other' } },
    ...method('CustomOnCognito', { HttpMethod: 'GET', AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'Cognito' } }),
    ...method('CognitoOnToken', { HttpMethod: 'POST', AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: 'Token' } }),
    ...method('OnOtherApi', { HttpMethod: 'PUT', AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'Foreign' } }),
    Cognito: { Type: 'AWS::ApiGateway::Authorizer', Properties: { RestApiId: api, Name: 'c', Type: 'COGNITO_USER_POOLS', IdentitySource: 'method.request.header.Authorization', ProviderARNs: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc'], AuthorizerResultTtlInSeconds: 4000 } },
    Token: { Type: 'AWS::ApiGateway::Authorizer', Properties: { RestApiId: api, Name: 't', Type: 'TOKEN', IdentitySource: 'method.request.header.Authorization', AuthorizerUri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations', AuthorizerResultTtlInSeconds: 7200 } },
    Foreign: { Type: 'AWS::ApiGateway::Authorizer', Properties: { RestApiId: { Ref: 'OtherApi' }, Name: 'f', Type: 'REQUEST', IdentitySource: 'method.request.header.Authorization', AuthorizerUri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations' } },
  })),

  'rest-stage-on-foreign-deployment': template({
    ...restApi({}),
    OtherApi: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'other' } },
    OtherDeployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'OtherApi' } } },
    Crossed: { Type: 'AWS::ApiGateway::Stage', Properties: { ...compliantStage, ClientCertificateId: 'cert', RestApiId: api, DeploymentId: { Ref: 'OtherDeployment' }, StageName: 'crossed' } },
  }),

  'rest-unnamed-api': template({ Unnamed: { Type: 'AWS::ApiGateway::RestApi', Properties: { Description: 'no name, no body' } } }),

  'rest-body-mixed-with-resources': template(restApi({}, {
    Extra: { Type: 'AWS::ApiGateway::Resource', Properties: { RestApiId: api, ParentId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, PathPart: 'extra' } },
    ...method('ExtraGet', { HttpMethod: 'GET', AuthorizationType: 'AWS_IAM', ResourceId: { Ref: 'Extra' } }),
  }, { Name: 'api', Body: openApiBody })),

  'rest-body-open-and-unvalidated': template(restApi({}, {}, {
    Name: 'api',
    Body: {
      openapi: '3.0.1',
      info: { title: 'api', version: '1' },
      paths: {
        '/open': { get: { 'x-amazon-apigateway-integration': { type: 'mock' } } },
        '/key-only': { get: { 'security': [{ key: [] }], 'x-amazon-apigateway-integration': { type: 'mock' } } },
      },
      components: { securitySchemes: { key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
    },
  })),

  'rest-waf-on-another-stage': template(restApi({
    Protected: compliantStage,
    Unprotected: compliantStage,
  }, { ...certificate, ...wafOn('Protected') })),

  'rest-deploy-time-values': template({
    ...restApi({ Bad: { ...compliantStage, StageName: 'bad name', ClientCertificateId: 'cert', CacheClusterSize: '2.0', CanarySetting: { PercentTraffic: 150 } } }),
    Plan: { Type: 'AWS::ApiGateway::UsagePlan', Properties: { Quota: { Limit: 1000, Period: 'YEAR' } } },
  }),

  'rest-registry-suppressed': template(restApi({}, {
    Suppressed: {
      Type: 'AWS::ApiGateway::Method',
      Metadata: { guard: { SuppressedRules: ['API_GW_METHOD_AUTHORIZATION_TYPE_RULE'] }, cfn_nag: { rules_to_suppress: [{ id: 'W59', reason: 'public health check' }] } },
      Properties: { RestApiId: api, ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, HttpMethod: 'GET', AuthorizationType: 'NONE' },
    },
  })),

  'http-api': template(httpApi('HTTP', {
    Default: v2Stage({
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': ['Logs', 'Arn'] }, Format: JSON_FORMAT },
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    }),
    Bare: v2Stage({ StageName: 'bare' }),
    JoinedDestination: v2Stage({ StageName: 'joined', AccessLogSettings: { DestinationArn: { 'Fn::Join': ['', ['arn:aws:logs:eu-west-1:123456789012:log-group:', 'x']] }, Format: { 'Fn::Sub': '{"requestId":"$context.requestId"}' } } }),
    LiteralDestination: v2Stage({ StageName: 'literal', AccessLogSettings: { DestinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:x', Format: 'plain $context.requestId' } }),
    OpenRoute: v2Route('GET /open', { AuthorizationType: 'NONE' }),
    UnsetRoute: v2Route('GET /unset', {}),
    JwtRoute: v2Route('GET /jwt', { AuthorizationType: 'JWT', AuthorizerId: 'abc123' }),
    IamRoute: v2Route('GET /iam', { AuthorizationType: 'AWS_IAM' }),
    Overrides: { Type: 'AWS::ApiGatewayV2::ApiGatewayManagedOverrides', Properties: { ApiId: { Ref: 'V2Api' }, Route: { AuthorizationType: 'NONE' } } },
  })),

  'websocket-api': template(httpApi('WEBSOCKET', {
    Live: v2Stage({ StageName: 'live', AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': ['Logs', 'Arn'] }, Format: JSON_FORMAT } }),
    Connect: v2Route('$connect', { AuthorizationType: 'AWS_IAM' }),
    Disconnect: v2Route('$disconnect', { AuthorizationType: 'NONE' }),
    DefaultRoute: v2Route('$default', { AuthorizationType: 'NONE' }),
  })),

  'domains': template({
    Legacy: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'a.example.com', SecurityPolicy: 'TLS_1_0', EndpointConfiguration: { Types: ['REGIONAL'] }, RegionalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/a' } },
    Modern: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'b.example.com', SecurityPolicy: 'TLS_1_2', EndpointConfiguration: { Types: ['REGIONAL'] }, RegionalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/b' } },
    Implicit: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'c.example.com', RegionalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/c' } },
    V2Legacy: { Type: 'AWS::ApiGatewayV2::DomainName', Properties: { DomainName: 'd.example.com', DomainNameConfigurations: [{ SecurityPolicy: 'TLS_1_0', CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/d', EndpointType: 'REGIONAL' }] } },
  }),

  'domains-untyped': template({
    Untyped: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'e.example.com', CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/e' } },
    AlsoUntyped: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'f.example.com', SecurityPolicy: 'TLS_1_2', CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/f' } },
  }),
};
