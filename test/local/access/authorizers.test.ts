import { generateKeyPairSync } from 'crypto';
import { Duration, Validations, aws_cognito as cognito } from 'aws-cdk-lib';
import { Authorization, Authorizer, GatewayApi, GatewayApiProps, ILocalHandler, Integration, LocalGateway, LocalGatewayOptions } from '../../../src';
import { signToken } from '../../../src/local/access/json-web-tokens';
import { newFunction, newStack } from '../../util';

/** A MOCK route that answers what the authorizer handed on. */
const whoAmI = Integration.mock({
  integrationResponses: [{
    statusCode: '200',
    responseTemplates: {
      'application/json': '{"principal": "$context.authorizer.principalId", "tier": "$context.authorizer.tier", '
        + '"sub": "$!context.authorizer.claims.sub", "user": "$!context.identity.userArn"}',
    },
  }],
});

/** A handler that answers a policy for the event's method ARN, and counts its calls. */
class PolicyHandler implements ILocalHandler {
  public readonly events: any[] = [];
  constructor(private readonly answer: (event: any) => any) {}
  public handle(event: any): any {
    this.events.push(event);
    return this.answer(event);
  }
}

function policy(effect: string, resource: string, context?: object) {
  return { principalId: 'partner-7', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] }, context };
}

function localApi(build: (stack: ReturnType<typeof newStack>) => Omit<GatewayApiProps, 'policyValidation'>, options: LocalGatewayOptions = {}) {
  const stack = newStack();
  const api = new GatewayApi(stack, 'Api', { ...build(stack), policyValidation: false });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A local gateway test.' });
  return LocalGateway.fromApi(api, options);
}

describe('a Lambda TOKEN authorizer', () => {
  function tokenApi(handler: ILocalHandler, ttl = Duration.minutes(5)) {
    return localApi(stack => {
      const partners = Authorizer.token(newFunction(stack, 'PartnerTokens'), { validationRegex: '^Bearer [a-z]+$', resultsCacheTtl: ttl });
      return {
        defaultAuthorization: Authorization.authorizer(partners),
        routes: { 'GET /orders': { integration: whoAmI }, 'GET /invoices/{id}': { integration: whoAmI } },
      };
    }, { handlers: { 'Test/PartnerTokens': handler } });
  }

  test('a missing token, or one the validation expression refuses, is a 401 before the function runs', async () => {
    const handler = new PolicyHandler(event => policy('Allow', event.methodArn));
    const gateway = tokenApi(handler);
    const missing = await gateway.request('GET /orders');
    expect([missing.statusCode, missing.json().message, missing.headers['x-amzn-ErrorType']]).toEqual([401, 'Unauthorized', 'UnauthorizedException']);
    expect((await gateway.request('GET /orders', { headers: { Authorization: 'Basic abc' } })).statusCode).toBe(401);
    expect(handler.events).toHaveLength(0);
  });

  test('the function gets the token and method ARN; its Allow admits, with its principal and context in $context.authorizer', async () => {
    const handler = new PolicyHandler(event => policy('Allow', event.methodArn, { tier: 'gold' }));
    const gateway = tokenApi(handler);
    const response = await gateway.request('GET /orders', { headers: { Authorization: 'Bearer good' } });
    expect([response.statusCode, response.json()]).toEqual([200, { principal: 'partner-7', tier: 'gold', sub: '', user: '' }]);
    expect(handler.events[0]).toEqual({ type: 'TOKEN', authorizationToken: 'Bearer good', methodArn: expect.stringMatching(/^arn:aws:execute-api:[^:]+:\d{12}:\w+\/prod\/GET\/orders$/) });
  });

  test('an explicit Deny, a policy that covers another resource, and the function\'s Unauthorized or failure are refused as API Gateway refuses them', async () => {
    const answers: { [token: string]: (event: any) => any } = {
      'Bearer deny': event => policy('Deny', event.methodArn),
      'Bearer elsewhere': () => policy('Allow', 'arn:aws:execute-api:us-east-1:000000000000:other/prod/GET/orders'),
      'Bearer expired': () => { throw new Error('Unauthorized'); },
      'Bearer broken': () => { throw new Error('database down'); },
      'Bearer nopolicy': () => ({ principalId: 'x' }),
    };
    const gateway = tokenApi(new PolicyHandler(event => answers[event.authorizationToken](event)));
    const call = async (token: string) => {
      const response = await gateway.request('GET /orders', { headers: { Authorization: token } });
      return [response.statusCode, response.json().message];
    };
    expect(await call('Bearer deny')).toEqual([403, 'User is not authorized to access this resource with an explicit deny']);
    expect(await call('Bearer elsewhere')).toEqual([403, 'User is not authorized to access this resource']);
    expect(await call('Bearer expired')).toEqual([401, 'Unauthorized']);
    expect(await call('Bearer broken')).toEqual([500, null]);
    expect(await call('Bearer nopolicy')).toEqual([500, null]);
  });

  test('the result is kept for the TTL, keyed on the token, and its policy judged again for each route', async () => {
    const handler = new PolicyHandler(event => policy('Allow', event.methodArn));
    const gateway = tokenApi(handler);
    const headers = { Authorization: 'Bearer good' };
    expect((await gateway.request('GET /orders', { headers })).statusCode).toBe(200);
    expect((await gateway.request('GET /orders', { headers })).statusCode).toBe(200);
    expect(handler.events).toHaveLength(1);
    // The kept policy names GET /orders alone: another route is denied until the result expires.
    expect((await gateway.request('GET /invoices/9', { headers })).statusCode).toBe(403);
    gateway.advanceClock(Duration.minutes(5));
    expect((await gateway.request('GET /invoices/9', { headers })).statusCode).toBe(200);
    expect(handler.events).toHaveLength(2);
    expect((await gateway.request('GET /orders', { headers: { Authorization: 'Bearer other' } })).statusCode).toBe(200);
    expect(handler.events).toHaveLength(3);
  });

  test('with a TTL of 0 the function runs for every request', async () => {
    const handler = new PolicyHandler(event => policy('Allow', event.methodArn));
    const gateway = tokenApi(handler, Duration.seconds(0));
    await gateway.request('GET /orders', { headers: { Authorization: 'Bearer good' } });
    await gateway.request('GET /orders', { headers: { Authorization: 'Bearer good' } });
    expect(handler.events).toHaveLength(2);
  });
});

describe('a Lambda REQUEST authorizer', () => {
  test('runs on its identity sources (a 401 when one is missing), gets the request, and is cached per identity', async () => {
    const handler = new PolicyHandler(event => policy('Allow', event.methodArn, { tier: event.headers['X-Tenant'] }));
    const gateway = localApi(stack => ({
      defaultAuthorization: Authorization.authorizer(Authorizer.request(newFunction(stack, 'Tenants'), {
        identitySources: ['method.request.header.X-Tenant', 'stageVariables.env'],
      })),
      routes: { 'GET /tenants/{tenantId}/usage': { integration: whoAmI } },
      stages: [{ stageName: 'prod', variables: { env: 'live' } }],
    }), { handlers: { 'Test/Tenants': handler } });
    expect((await gateway.request('GET /tenants/t1/usage')).statusCode).toBe(401);
    const response = await gateway.request('GET /tenants/t1/usage?full=1', { headers: { 'X-Tenant': 'acme' } });
    expect([response.statusCode, response.json().tier]).toEqual([200, 'acme']);
    expect(handler.events[0]).toMatchObject({
      type: 'REQUEST',
      resource: '/tenants/{tenantId}/usage',
      path: '/tenants/t1/usage',
      httpMethod: 'GET',
      headers: { 'X-Tenant': 'acme' },
      queryStringParameters: { full: '1' },
      pathParameters: { tenantId: 't1' },
      stageVariables: { env: 'live' },
      requestContext: { stage: 'prod', resourcePath: '/tenants/{tenantId}/usage' },
    });
    await gateway.request('GET /tenants/t1/usage', { headers: { 'X-Tenant': 'acme' } });
    await gateway.request('GET /tenants/t1/usage', { headers: { 'X-Tenant': 'globex' } });
    expect(handler.events.map(e => e.headers['X-Tenant'])).toEqual(['acme', 'globex']);
  });
});

describe('a Cognito user pool authorizer', () => {
  function poolApi(options: LocalGatewayOptions = {}) {
    return localApi(stack => {
      const users = Authorizer.cognito({ userPools: [new cognito.UserPool(stack, 'Users')] });
      return {
        defaultAuthorization: Authorization.authorizer(users),
        routes: { 'GET /me': { integration: whoAmI }, 'GET /pets': { integration: whoAmI, authorization: Authorization.authorizer(users, ['pets/read']) } },
      };
    }, options);
  }

  test('admits a token of the pool (its claims in $context.authorizer.claims) and refuses a missing, tampered or expired one', async () => {
    const gateway = poolApi();
    const token = gateway.userPoolToken({ claims: { sub: 'user-1' } });
    const me = await gateway.request('GET /me', { headers: { Authorization: token } });
    expect([me.statusCode, me.json().sub]).toEqual([200, 'user-1']);
    expect((await gateway.request('GET /me')).statusCode).toBe(401);
    const [head, body, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), sub: 'admin' })).toString('base64url');
    expect((await gateway.request('GET /me', { headers: { Authorization: `${head}.${forged}.${signature}` } })).statusCode).toBe(401);
    gateway.advanceClock(Duration.hours(1));
    const expired = await gateway.request('GET /me', { headers: { Authorization: token } });
    expect([expired.statusCode, expired.json().message]).toEqual([401, 'The incoming token has expired']);
  });

  test('a route with scopes needs an access token granting one of them', async () => {
    const gateway = poolApi();
    const call = async (token: string) => (await gateway.request('GET /pets', { headers: { Authorization: token } })).statusCode;
    expect(await call(gateway.userPoolToken())).toBe(401);
    expect(await call(gateway.userPoolToken({ scopes: ['orders/read'] }))).toBe(401);
    expect(await call(gateway.userPoolToken({ scopes: ['orders/read', 'pets/read'] }))).toBe(200);
  });

  test('tokens signed by keys the test gives are verified against them, and must be issued by the authorizer\'s pool', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key' };
    const gateway = poolApi({ jsonWebKeys: [jwk] });
    const key = { kid: 'test-key', privateKey, jwk };
    const claims = { sub: 'user-2', token_use: 'id', exp: Math.floor(Date.now() / 1000) + 60 };
    const issuer = JSON.parse(Buffer.from(gateway.userPoolToken().split('.')[1], 'base64url').toString()).iss;
    expect(issuer).toMatch(/^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/Users/);
    const ours = await gateway.request('GET /me', { headers: { Authorization: signToken({ ...claims, iss: issuer }, key) } });
    expect([ours.statusCode, ours.json().sub]).toEqual([200, 'user-2']);
    const otherPool = signToken({ ...claims, iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other' }, key);
    expect((await gateway.request('GET /me', { headers: { Authorization: otherPool } })).statusCode).toBe(401);
  });

  test('a token for a pool no authorizer names is refused with what the API names', () => {
    expect(() => poolApi().userPoolToken({ userPool: 'Test/Elsewhere' })).toThrow(/userPool Test\/Elsewhere is none of the pools the API's authorizers name: https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/Users/);
  });
});

test('an IAM route hands the signing principal to $context.identity', async () => {
  const gateway = localApi(() => ({ defaultAuthorization: Authorization.iam(), routes: { 'GET /me': { integration: whoAmI } } }));
  const response = await gateway.request('GET /me', { iamPrincipal: 'arn:aws:iam::111122223333:role/tester' });
  expect(response.json().user).toBe('arn:aws:iam::111122223333:role/tester');
});
