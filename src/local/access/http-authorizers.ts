import { verifyToken } from './json-web-tokens';
import { judgePolicy } from './policy';
import { LocalClock } from '../gateway/clock';
import { HttpRequestScope, httpRequestFields } from '../gateway/http-api-events';
import { LocalFunctions, thrownMessage } from '../gateway/lambda-functions';
import { ParsedRequest, header } from '../gateway/request-context';
import { lambdaLogicalIdOf } from '../template/intrinsics';

/** How an HTTP API refuses: its status and message (`{"message": ...}`). */
export interface HttpRefusal {
  readonly statusCode: number;
  readonly message: string;
}

const UNAUTHORIZED: HttpRefusal = { statusCode: 401, message: 'Unauthorized' };
const FORBIDDEN: HttpRefusal = { statusCode: 403, message: 'Forbidden' };
const FAILED: HttpRefusal = { statusCode: 500, message: 'Internal Server Error' };

/**
 * A JWT authorizer: the token of the identity source (its `Bearer ` prefix dropped), signed by a
 * trusted key, of the configured issuer, with an audience (`aud`, or `client_id` of an access
 * token) among the configured ones, unexpired: else 401. A route with scopes needs the token's
 * `scope` (or `scp`) to grant one: else 403. Its claims and scopes reach
 * `requestContext.authorizer.jwt` and `$context.authorizer.claims`.
 */
export function authorizeJwt(
  authorizer: { readonly [key: string]: any }, scopes: readonly string[], request: ParsedRequest,
  keys: ReadonlyArray<{ readonly [key: string]: unknown }>,
  nowMs: number,
): { readonly [key: string]: unknown } | HttpRefusal {
  const source = String((authorizer.IdentitySource ?? ['$request.header.Authorization'])[0]);
  const token = header(request.headers, source.replace(/^\$request\.header\./, ''));
  if (!token) return UNAUTHORIZED;
  const config = authorizer.JwtConfiguration ?? {};
  const claims = verifyToken(token, keys, [String(config.Issuer)], nowMs);
  if ('refused' in claims) return UNAUTHORIZED;
  const audiences: string[] = (config.Audience ?? []).map(String);
  const tokenAudiences = [claims.aud ?? claims.client_id].flat().map(String);
  if (audiences.length > 0 && !tokenAudiences.some(a => audiences.includes(a))) return UNAUTHORIZED;
  const granted = String(claims.scope ?? claims.scp ?? '').split(' ').filter(s => s !== '');
  if (scopes.length > 0 && !scopes.some(scope => granted.includes(scope))) return FORBIDDEN;
  return { jwt: { claims, scopes: granted.length > 0 ? granted : null } };
}

/**
 * Lambda REQUEST authorizers of HTTP APIs (payload 2.0): a missing identity source is a 401
 * before the function runs; a simple response's `isAuthorized` (or, without simple responses,
 * the IAM policy judged for the route ARN) admits or is a 403; a function that fails is a 500.
 * Results are kept for the TTL, keyed on the identity sources.
 */
export class HttpLambdaAuthorizers {
  private readonly results = new Map<string, { readonly expires: number; readonly result: any }>();

  constructor(private readonly functions: LocalFunctions, private readonly clock: LocalClock) {}

  public async authorize(
    authorizer: { readonly [key: string]: any }, request: ParsedRequest, scope: HttpRequestScope, routeArn: string,
    context: (path: string) => string | undefined,
  ): Promise<{ readonly [key: string]: unknown } | HttpRefusal> {
    if (String(authorizer.AuthorizerPayloadFormatVersion ?? '2.0') !== '2.0') {
      throw new Error(`LocalGateway: authorizer ${authorizer.Name} takes payload format 1.0, which the local gateway does not run for HTTP APIs yet`);
    }
    const sources: string[] = (authorizer.IdentitySource ?? []).map(String);
    const identity = sources.map(source => identityValue(source, request, scope, context));
    if (identity.some(value => value === undefined || value === '')) return UNAUTHORIZED;
    const ttlMs = Number(authorizer.AuthorizerResultTtlInSeconds ?? 0) * 1000;
    const cacheKey = `${authorizer.Name}\n${identity.join('\n')}`;
    const kept = ttlMs > 0 ? this.results.get(cacheKey) : undefined;
    let result = kept && kept.expires > this.clock.now() ? kept.result : undefined;
    if (result === undefined) {
      const logicalId = lambdaLogicalIdOf(String(authorizer.AuthorizerUri));
      if (logicalId === undefined) throw new Error(`LocalGateway: authorizer ${authorizer.Name} invokes no Lambda function of the template`);
      const event = { version: '2.0', type: 'REQUEST', routeArn, identitySource: identity, ...httpRequestFields(request, scope) };
      try {
        result = await this.functions.get(logicalId).invoke(event);
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('LocalGateway:')) throw e;
        const message = thrownMessage(e);
        return message === 'Unauthorized' ? UNAUTHORIZED : FAILED;
      }
      if (ttlMs > 0) this.results.set(cacheKey, { expires: this.clock.now() + ttlMs, result });
    }
    if (result === null || typeof result !== 'object') return FAILED;
    if (authorizer.EnableSimpleResponses === true) {
      if (typeof result.isAuthorized !== 'boolean') return FAILED;
      return result.isAuthorized ? { lambda: result.context ?? {} } : FORBIDDEN;
    }
    const verdict = judgePolicy(result.policyDocument, routeArn);
    if (verdict === undefined || result.principalId === undefined) return FAILED;
    return verdict === 'allow' ? { lambda: result.context ?? {} } : FORBIDDEN;
  }
}

/** An identity source's value: `$request.header.X`, `$request.querystring.x`, `$stageVariables.x` or `$context.x`. */
function identityValue(
  source: string, request: ParsedRequest, scope: HttpRequestScope, context: (path: string) => string | undefined,
): string | undefined {
  const [, kind, name] = /^\$(request\.header|request\.querystring|stageVariables|context)\.(.+)$/.exec(source) ?? [];
  switch (kind) {
    case 'request.header': return header(request.headers, name);
    case 'request.querystring': return request.query[name];
    case 'stageVariables': return scope.stageVariables[name];
    case 'context': return context(name);
    default: return undefined;
  }
}
