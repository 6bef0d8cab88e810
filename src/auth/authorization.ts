import { Authorizer } from './authorizer';

/**
 * Who may call a route. Routes are IAM-authorized unless they say otherwise; opening one to
 * anyone takes `Authorization.none()`, an explicit choice that the policy rules still report
 * (acknowledge them with the reason the route is public).
 */
export class Authorization {
  /** Callers sign requests with AWS Signature Version 4; allow them with `api.grantInvoke(principal)`. */
  public static iam(): Authorization {
    return new Authorization('AWS_IAM');
  }

  /** Anyone may call the route. */
  public static none(): Authorization {
    return new Authorization('NONE');
  }

  /**
   * A Cognito or Lambda authorizer judges the caller.
   *
   * @param authorizer the authorizer, shared by every route that names it
   * @param scopes OAuth scopes the caller's access token must carry (Cognito authorizers only)
   */
  public static authorizer(authorizer: Authorizer, scopes?: string[]): Authorization {
    return new Authorization(authorizer.authorizationType, authorizer, scopes);
  }

  /** API Gateway's authorization type: `AWS_IAM`, `COGNITO_USER_POOLS`, `CUSTOM` or `NONE`. */
  public readonly authorizationType: string;
  /** The authorizer, for `COGNITO_USER_POOLS` and `CUSTOM`. @internal */
  public readonly _authorizer?: Authorizer;
  /** The OAuth scopes required, for Cognito authorizers. @internal */
  public readonly _scopes?: string[];

  private constructor(authorizationType: string, authorizer?: Authorizer, scopes?: string[]) {
    this.authorizationType = authorizationType;
    this._authorizer = authorizer;
    this._scopes = scopes;
  }
}
