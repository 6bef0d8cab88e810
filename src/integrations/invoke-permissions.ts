import { Stack, Token, aws_iam as iam, aws_lambda as lambda } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { shortHash } from '../core/hash';

/**
 * The Lambda permissions of one API (REST, HTTP or WebSocket): one per function for all its
 * routes, and one per authorizer function, whose calls come from the API's `authorizers/*` ARNs.
 */
export class InvokePermissions {
  private readonly granted = new Set<string>();

  /**
   * @param routeArnPattern what follows the API id in its routes' ARNs: stage, method and path
   * for REST and HTTP APIs (the default), stage and route key for WebSocket APIs
   */
  constructor(private readonly api: Construct, private readonly apiId: string, private readonly routeArnPattern = '*/*/*') {}

  /** Lets the API's routes, on every stage, invoke the function. */
  public allowInvoke(fn: lambda.IFunction): void {
    const sourceArn = Stack.of(this.api).formatArn({ service: 'execute-api', resource: this.apiId, resourceName: this.routeArnPattern });
    this.add(`Invoke${shortHash(fn.node.path)}`, fn, sourceArn);
  }

  /** Lets the API's authorizers invoke the function. */
  public allowAuthorize(fn: lambda.IFunction): void {
    const sourceArn = Stack.of(this.api).formatArn({ service: 'execute-api', resource: this.apiId, resourceName: 'authorizers/*' });
    this.add(`Authorize${shortHash(fn.node.path)}`, fn, sourceArn);
  }

  private add(id: string, fn: lambda.IFunction, sourceArn: string): void {
    if (this.granted.has(id)) return;
    this.granted.add(id);
    // Control Tower's CT.LAMBDA.PR.2 reads only a literal SourceAccount or SourceArn (the ARN is
    // an Fn::Join): the account is stated too wherever the stack names it.
    const account = Stack.of(this.api).account;
    fn.addPermission(id, {
      scope: this.api,
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn,
      sourceAccount: Token.isUnresolved(account) ? undefined : account,
    });
  }
}
