// Capability: who may call each route. A Cognito user pool with OAuth scopes, a Lambda TOKEN
// authorizer for partner bearer tokens, a Lambda REQUEST authorizer keyed on the tenant, and
// IAM for internal callers; the API's default is the user pool. A WAF web ACL guards the stage.
import { Duration, Stack, StackProps, aws_cognito as cognito, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inlineFunction } from './inline-function';
import { Authorization, Authorizer, GatewayApi, Integration } from '../../src';

export class AuthorizersStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const echoFn = inlineFunction(this, 'EchoFunction', [
      'exports.handler = async (event) => ({',
      '  statusCode: 200,',
      "  headers: { 'Content-Type': 'application/json' },",
      '  body: JSON.stringify({ route: event.resource, caller: event.requestContext.authorizer ?? event.requestContext.identity?.userArn ?? null }),',
      '});',
    ]);
    const echo = Integration.lambda(echoFn);

    // Users sign in to the pool; its app clients grant the `pets/read` scope.
    const pool = new cognito.UserPool(this, 'Users', {
      passwordPolicy: { minLength: 12, requireSymbols: true, requireDigits: true, requireLowercase: true, requireUppercase: true },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
    });
    const users = Authorizer.cognito({ userPools: [pool] });

    // Partners send a bearer token; API Gateway refuses malformed ones before the function runs.
    const partnerTokens = Authorizer.token(inlineFunction(this, 'PartnerTokenFunction', [
      'exports.handler = async (event) => ({',
      "  principalId: 'partner',",
      '  policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: event.authorizationToken === "Bearer allow" ? "Allow" : "Deny", Resource: event.methodArn }] },',
      '});',
    ]), { validationRegex: '^Bearer [-0-9a-zA-Z._~+/]+=*$', resultsCacheTtl: Duration.minutes(5) });

    // Tenants are judged on a header and the stage; the cached policy is keyed on both.
    const tenants = Authorizer.request(inlineFunction(this, 'TenantFunction', [
      'exports.handler = async (event) => ({',
      '  principalId: event.headers["X-Tenant"],',
      '  policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }] },',
      '  context: { tenant: event.headers["X-Tenant"] },',
      '});',
    ]), { identitySources: ['method.request.header.X-Tenant', 'stageVariables.env'] });

    const api = new GatewayApi(this, 'Api', {
      description: 'One API, four ways to be let in',
      defaultAuthorization: Authorization.authorizer(users),
      // Public sign-in traffic: AWS's managed rule groups and a per-IP rate rule in front of the stage.
      webAcl: true,
      stages: [{ variables: { env: 'prod' } }],
      routes: {
        'GET /me': { integration: echo },
        'GET /pets': { integration: echo, authorization: Authorization.authorizer(users, ['pets/read']) },
        'GET /partners/orders': { integration: echo, authorization: Authorization.authorizer(partnerTokens) },
        'GET /tenants/{tenantId}/usage': { integration: echo, authorization: Authorization.authorizer(tenants) },
        'POST /internal/reindex': { integration: echo, authorization: Authorization.iam() },
      },
    });

    // Internal jobs sign their requests; this role may call the one IAM route on every stage.
    const reindexJob = new iam.Role(this, 'ReindexJob', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    api.grantInvoke(reindexJob, 'POST', '/internal/reindex');
  }
}
