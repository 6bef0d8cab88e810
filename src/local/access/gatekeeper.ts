import { SigningCredential, verifySignature } from './iam-signatures';
import { Admission, AuthorizerCall, LambdaAuthorizers } from './lambda-authorizers';
import { UserPoolAuthorizers } from './user-pools';
import { LocalClock } from '../gateway/clock';
import { GatewayError } from '../gateway/gateway-responses';
import { header } from '../gateway/request-context';
import { LOCAL_ACCOUNT } from '../template/intrinsics';

/** Who a request proved to be: `$context.authorizer`, `$context.identity` additions, and the API key its usage is counted against. */
export interface Admitted {
  readonly authorizer: { readonly [key: string]: unknown };
  readonly identity: { readonly [key: string]: string };
  /** The API key the request is metered by: its `x-api-key` header, or the Lambda authorizer's `usageIdentifierKey`. */
  readonly apiKey?: string;
  /** Whether the route requires an API key. */
  readonly apiKeyRequired: boolean;
}

/**
 * A route's authorization, as its OpenAPI security requirement states it: IAM (a request signed
 * with Signature Version 4 by a credential the gateway knows, or one the test says is signed
 * as a principal), a Cognito user pool or a Lambda authorizer. The API key the route
 * requires is read here (from the header, or the authorizer when the API's key source is
 * AUTHORIZER) and judged by the usage plans after.
 */
export class Gatekeeper {
  constructor(
    private readonly definition: { readonly [key: string]: any },
    private readonly lambdaAuthorizers: LambdaAuthorizers,
    private readonly userPools: UserPoolAuthorizers,
    private readonly credentials: { readonly [accessKeyId: string]: SigningCredential },
    private readonly clock: LocalClock,
  ) {}

  public async admit(call: AuthorizerCall, iamPrincipal: string | undefined): Promise<Admitted | GatewayError> {
    const schemes: { [name: string]: any } = this.definition.components?.securitySchemes ?? {};
    const requirement: { [name: string]: string[] } = Object.assign({}, ...(call.match.route.operation.security ?? this.definition.security ?? []));
    let authorizer: { readonly [key: string]: unknown } = {};
    let identity: { [key: string]: string } = {};
    let usageIdentifierKey: string | undefined;
    let apiKeyRequired = false;
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = schemes[name] ?? {};
      const authType = String(scheme['x-amazon-apigateway-authtype'] ?? '').toLowerCase();
      if (authType === 'awssigv4') {
        const principal = iamPrincipal ?? verifySignature(call.request, this.credentials, this.clock.now());
        if (typeof principal !== 'string') return principal;
        identity = iamIdentity(principal);
      } else if (authType === 'cognito_user_pools') {
        const admitted = this.userPools.authorize(scheme, scopes ?? [], call.request);
        if ('type' in admitted) return admitted;
        authorizer = admitted.authorizer;
      } else if (scheme['x-amazon-apigateway-authorizer']) {
        const admitted: Admission | GatewayError = await this.lambdaAuthorizers.authorize(name, scheme, call);
        if ('type' in admitted) return admitted;
        ({ authorizer, usageIdentifierKey } = admitted);
      } else if (scheme.in === 'header' && String(scheme.name).toLowerCase() === 'x-api-key') {
        apiKeyRequired = true;
      }
    }
    const keyFromAuthorizer = String(this.definition['x-amazon-apigateway-api-key-source'] ?? 'HEADER').toUpperCase() === 'AUTHORIZER';
    const apiKey = keyFromAuthorizer ? usageIdentifierKey : header(call.request.headers, 'x-api-key');
    return { authorizer, identity, apiKey, apiKeyRequired };
  }
}

/** `$context.identity` of a request signed as a principal: its ARN (an account-local user for a bare name). */
function iamIdentity(principal: string): { [key: string]: string } {
  const userArn = principal.startsWith('arn:') ? principal : `arn:aws:iam::${LOCAL_ACCOUNT}:user/${principal}`;
  const accountId = userArn.split(':')[4] || LOCAL_ACCOUNT;
  return { userArn, caller: principal, user: principal, accountId, accessKey: 'AKIALOCAL' };
}
