import { aws_lambda as lambda } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Authorizer, AuthorizerBinding } from './authorizer';
import { propError } from '../core/errors';

/**
 * The authorizers of one API, bound once each, however many routes name them. Two different
 * authorizers may not share a name: it is their key in the API's definition.
 */
export class ApiAuthorizers {
  private readonly bindings = new Map<Authorizer, AuthorizerBinding>();

  constructor(
    private readonly scope: IConstruct,
    private readonly allowAuthorize: (fn: lambda.IFunction) => void,
  ) {}

  public bind(authorizer: Authorizer, prop: string): AuthorizerBinding {
    const existing = this.bindings.get(authorizer);
    if (existing) return existing;
    const binding = authorizer._bind({ scope: this.scope, prop, allowAuthorize: this.allowAuthorize });
    if ([...this.bindings.values()].some(b => b.name === binding.name)) {
      throw propError(this.scope, `${prop}.authorizerName`, binding.name, 'a name no other authorizer of the API has; set authorizerName on one of them');
    }
    this.bindings.set(authorizer, binding);
    return binding;
  }

  /** The security schemes of the authorizers in use, by name. */
  public schemes(): Map<string, { [key: string]: unknown }> {
    return new Map([...this.bindings.values()].map(b => [b.name, b.scheme]));
  }
}
