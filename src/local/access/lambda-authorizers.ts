import { judgePolicy } from './policy';
import { LocalClock } from '../gateway/clock';
import { GatewayError } from '../gateway/gateway-responses';
import { LocalFunctions, thrownMessage } from '../gateway/lambda-functions';
import { proxyEvent } from '../gateway/lambda-proxy';
import { ParsedRequest, header, literalOrVariable } from '../gateway/request-context';
import { RouteMatch } from '../gateway/router';
import { lambdaLogicalIdOf } from '../template/intrinsics';

/** The request an authorizer judges: the request, its route and stage, its `$context` and method ARN. */
export interface AuthorizerCall {
  readonly request: ParsedRequest;
  readonly match: RouteMatch;
  readonly stageVariables: { readonly [name: string]: string };
  readonly context: Map<string, unknown>;
  readonly methodArn: string;
}

/** What an authorizer that admits a request hands on: `$context.authorizer`, and the API key it names. */
export interface Admission {
  readonly authorizer: { readonly [key: string]: unknown };
  readonly usageIdentifierKey?: string;
}

const UNAUTHORIZED: GatewayError = { type: 'UNAUTHORIZED', message: 'Unauthorized' };
/** A function that throws, or answers no policy, is a misconfigured authorizer: 500 with a null message. */
const MISCONFIGURED: GatewayError = { type: 'AUTHORIZER_CONFIGURATION_ERROR', message: null };
const DENIED: GatewayError = { type: 'ACCESS_DENIED', message: 'User is not authorized to access this resource' };
const EXPLICITLY_DENIED: GatewayError = { type: 'ACCESS_DENIED', message: 'User is not authorized to access this resource with an explicit deny' };

/**
 * Lambda TOKEN and REQUEST authorizers, run as API Gateway runs them: a missing identity source
 * or a token the validation expression refuses is a 401 before the function runs; the
 * function's `Unauthorized` error is a 401; its policy is judged for the method ARN; its
 * result is kept for the authorizer's TTL, keyed on the identity sources, and a kept policy is
 * judged again for each request's method ARN (so a policy written for one route can deny
 * another).
 */
export class LambdaAuthorizers {
  private readonly results = new Map<string, { readonly expires: number; readonly result: { [key: string]: unknown } }>();

  constructor(private readonly functions: LocalFunctions, private readonly clock: LocalClock) {}

  public async authorize(
    name: string, scheme: { readonly [key: string]: any }, call: AuthorizerCall,
  ): Promise<Admission | GatewayError> {
    const authorizer = scheme['x-amazon-apigateway-authorizer'];
    const type = String(authorizer.type).toLowerCase();
    const identity = type === 'token' ? tokenIdentity(scheme, authorizer, call) : requestIdentity(authorizer, call);
    if (identity === undefined) return UNAUTHORIZED;

    const ttlMs = Number(authorizer.authorizerResultTtlInSeconds ?? 300) * 1000;
    const cacheKey = `${name}\n${identity.join('\n')}`;
    const kept = ttlMs > 0 ? this.results.get(cacheKey) : undefined;
    let result = kept && kept.expires > this.clock.now() ? kept.result : undefined;
    if (!result) {
      const answer = await this.invoke(name, authorizer, type === 'token' ? tokenEvent(identity[0], call) : requestEvent(call));
      if ('refusal' in answer) return answer.refusal;
      result = answer.result;
      if (ttlMs > 0) this.results.set(cacheKey, { expires: this.clock.now() + ttlMs, result });
    }
    return admission(result, call.methodArn);
  }

  private async invoke(
    name: string, authorizer: { readonly [key: string]: any }, event: object,
  ): Promise<{ result: { [key: string]: unknown } } | { refusal: GatewayError }> {
    const logicalId = lambdaLogicalIdOf(String(authorizer.authorizerUri));
    if (logicalId === undefined) throw new Error(`LocalGateway: authorizer ${name} invokes no Lambda function of the template (${authorizer.authorizerUri})`);
    try {
      const result = await this.functions.get(logicalId).invoke(event);
      return result !== null && typeof result === 'object' ? { result: result as { [key: string]: unknown } } : { refusal: MISCONFIGURED };
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('LocalGateway:')) throw e;
      // The function's own error (possibly of its own realm): `Unauthorized` is the one that means 401.
      const message = thrownMessage(e);
      return { refusal: message === 'Unauthorized' ? UNAUTHORIZED : MISCONFIGURED };
    }
  }
}

/** The authorizer's answer judged for this request: its principal and context, or the refusal. */
function admission(result: { readonly [key: string]: unknown }, methodArn: string): Admission | GatewayError {
  const context = result.context ?? {};
  const flat = typeof context === 'object' && context !== null
    && Object.values(context).every(v => ['string', 'number', 'boolean'].includes(typeof v));
  if (result.principalId === undefined || !flat) return MISCONFIGURED;
  const verdict = judgePolicy(result.policyDocument, methodArn);
  if (verdict === undefined) return MISCONFIGURED;
  if (verdict !== 'allow') return verdict === 'explicit-deny' ? EXPLICITLY_DENIED : DENIED;
  return {
    authorizer: { principalId: String(result.principalId), ...(context as object) },
    usageIdentifierKey: result.usageIdentifierKey === undefined ? undefined : String(result.usageIdentifierKey),
  };
}

/** A TOKEN authorizer's token: the header its scheme names, when present and matching the validation expression. */
function tokenIdentity(
  scheme: { readonly [key: string]: any }, authorizer: { readonly [key: string]: any }, call: AuthorizerCall,
): string[] | undefined {
  const token = header(call.request.headers, String(scheme.name));
  if (token === undefined || token === '') return undefined;
  const expression = authorizer.identityValidationExpression;
  if (expression !== undefined && !new RegExp(`^(?:${expression})$`).test(token)) return undefined;
  return [token];
}

/** A REQUEST authorizer's identity sources' values; undefined when one is missing or empty. */
function requestIdentity(authorizer: { readonly [key: string]: any }, call: AuthorizerCall): string[] | undefined {
  const sources = String(authorizer.identitySource ?? '').split(',').map(s => s.trim()).filter(s => s !== '');
  const values = sources.map(source => identitySource(source, call));
  return values.some(v => v === undefined || v === '') ? undefined : values as string[];
}

function identitySource(source: string, call: AuthorizerCall): string | undefined {
  const [, kind, name] = /^method\.request\.(header|querystring)\.(.+)$/.exec(source) ?? [];
  if (kind === 'header') return header(call.request.headers, name);
  if (kind === 'querystring') return call.request.query[name];
  return literalOrVariable(source, call.context, call.stageVariables);
}

function tokenEvent(token: string, call: AuthorizerCall): object {
  return { type: 'TOKEN', authorizationToken: token, methodArn: call.methodArn };
}

/** A REQUEST authorizer's event: the proxy event's request, stage variables and context, with the method ARN. */
function requestEvent(call: AuthorizerCall): object {
  const {
    resource, path, httpMethod, headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters,
    pathParameters, stageVariables, requestContext,
  } = proxyEvent(call.request, call.match.route, call.match.pathParameters,
    call.stageVariables, call.context, false);
  return {
    type: 'REQUEST',
    methodArn: call.methodArn,
    resource,
    path,
    httpMethod,
    headers,
    multiValueHeaders,
    queryStringParameters,
    multiValueQueryStringParameters,
    pathParameters,
    stageVariables,
    requestContext,
  };
}
