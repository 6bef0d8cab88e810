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

  /** API Gateway's authorization type: `AWS_IAM` or `NONE`. */
  public readonly authorizationType: string;

  private constructor(authorizationType: string) {
    this.authorizationType = authorizationType;
  }
}
