import { Authorizer } from './authorizer';

/**
 * Who may call a route. Routes are IAM-authorized unless they say otherwise; opening one to
 * anyone takes `Authorization.none(reason)`, an explicit choice whose reason acknowledges the
 * policy rules' finding for that route alone (in the validation report and the template).
 */
export class Authorization {
  /** Callers sign requests with AWS Signature Version 4; allow them with `api.grantInvoke(principal)`. */
  public static iam(): Authorization {
    return new Authorization('AWS_IAM');
  }

  /**
   * Anyone may call the route.
   *
   * @param reason why the route is public, e.g. 'The product catalog is public and read-only':
   * it acknowledges, for this route only, the finding that it is open
   */
  public static none(reason: string): Authorization {
    return new Authorization('NONE', undefined, undefined, reason);
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
  /** Why an open route is open. @internal */
  public readonly _reason?: string;

  private constructor(authorizationType: string, authorizer?: Authorizer, scopes?: string[], reason?: string) {
    this.authorizationType = authorizationType;
    this._authorizer = authorizer;
    this._scopes = scopes;
    this._reason = reason;
  }
}
