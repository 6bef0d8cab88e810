import { Claims, SigningKey, newSigningKey, signToken, verifyToken } from './json-web-tokens';
import { Admission } from './lambda-authorizers';
import { LocalClock } from '../gateway/clock';
import { GatewayError } from '../gateway/gateway-responses';
import { ParsedRequest, header } from '../gateway/request-context';

/** What a test asks of a user pool token: its scopes (an access token) or none (an ID token), its other claims, its lifetime. */
export interface TokenRequest {
  readonly scopes: readonly string[];
  readonly claims: Claims;
  readonly lifetimeSeconds: number;
}

/** `https://cognito-idp.REGION.amazonaws.com/POOL_ID`, the `iss` of a user pool's tokens, from the pool's ARN. */
export function userPoolIssuer(userPoolArn: string): string {
  const [, , , region, , resource] = userPoolArn.split(':');
  return `https://cognito-idp.${region}.amazonaws.com/${resource.replace(/^userpool\//, '')}`;
}

/**
 * Cognito user pool authorizers: a token in the scheme's header, signed by a key the gateway
 * trusts (its own, which signs the tokens it issues to tests, or one the test gives) and issued
 * by one of the authorizer's pools, unexpired; a route with scopes needs an access token granting
 * one of them. Each refusal is API Gateway's 401. The verified claims are
 * `$context.authorizer.claims`.
 */
export class UserPoolAuthorizers {
  private ownKey?: SigningKey;

  constructor(private readonly trustedKeys: ReadonlyArray<{ readonly [key: string]: unknown }>, private readonly clock: LocalClock) {}

  /** A token of the issuer (a user pool's URL) for the app client, signed by the gateway's own key. */
  public issue(issuer: string, request: TokenRequest, client = 'local-client'): string {
    this.ownKey ??= newSigningKey();
    const now = Math.floor(this.clock.now() / 1000);
    const username = String(request.claims['cognito:username'] ?? request.claims.username ?? 'local-user');
    const standard = request.scopes.length > 0
      ? { token_use: 'access', scope: request.scopes.join(' '), client_id: client, username }
      : { 'token_use': 'id', 'aud': client, 'cognito:username': username };
    const claims = { sub: username, iss: issuer, iat: now, auth_time: now, exp: now + request.lifetimeSeconds, ...standard };
    return signToken({ ...claims, ...request.claims }, this.ownKey);
  }

  /** The keys tokens are verified against: the gateway's own (once it has issued one) and the test's. */
  public trusted(): ReadonlyArray<{ readonly [key: string]: unknown }> {
    return this.ownKey ? [this.ownKey.jwk, ...this.trustedKeys] : this.trustedKeys;
  }

  public authorize(
    scheme: { readonly [key: string]: any }, scopes: readonly string[], request: ParsedRequest,
  ): Admission | GatewayError {
    const token = header(request.headers, String(scheme.name));
    if (token === undefined || token === '') return { type: 'UNAUTHORIZED', message: 'Unauthorized' };
    const pools: string[] = scheme['x-amazon-apigateway-authorizer'].providerARNs ?? [];
    const claims = verifyToken(token, this.trusted(), pools.map(userPoolIssuer), this.clock.now());
    if ('refused' in claims) return { type: 'UNAUTHORIZED', message: String(claims.refused) };
    if (scopes.length > 0) {
      const granted = String(claims.scope ?? '').split(' ');
      if (claims.token_use !== 'access' || !scopes.some(scope => granted.includes(scope))) return { type: 'UNAUTHORIZED', message: 'Unauthorized' };
    }
    return { authorizer: { claims: Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, String(value)])) } };
  }
}
