import { Token, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { IIntegrationContext } from './integration-config';
import { AwsServiceActionIntegrationOptions, EventBridgeIntegrationOptions } from './options';
import { checkBackendUrl, checkLengthBetween } from '../core/checks';
import { propError } from '../core/errors';
import { ROUTE_METHODS } from '../core/route-key';

/** What the factories of `Integration` check of their options once they know the route. */

const SERVICE = /^[a-z0-9][a-z0-9-]*$/;
const ACTION = /^[A-Za-z][A-Za-z0-9]*$/;
const IAM_ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const MAX_EVENT_DETAIL_TYPE = 128;
const MAX_EVENT_SOURCE = 256;

/** A service, action and IAM action API Gateway's ARNs and IAM accept, and something to allow them on. */
export function checkServiceAction(context: IIntegrationContext, options: AwsServiceActionIntegrationOptions): void {
  const literal = (value: string | undefined) => value !== undefined && !Token.isUnresolved(value);
  if (literal(options.service) && !SERVICE.test(options.service)) {
    throw propError(context.scope, `${context.prop}.service`, options.service, 'a service\'s endpoint prefix, e.g. kinesis or events');
  }
  if (literal(options.action) && !ACTION.test(options.action)) {
    throw propError(context.scope, `${context.prop}.action`, options.action, 'an action name, e.g. PutRecord');
  }
  if (literal(options.iamAction) && !IAM_ACTION.test(options.iamAction!)) {
    throw propError(context.scope, `${context.prop}.iamAction`, options.iamAction, 'service:Action, without wildcards');
  }
  if (options.resources.length === 0 || options.resources.some(arn => arn === '*')) {
    throw propError(context.scope, `${context.prop}.resources`, options.resources, 'the ARNs of what the action touches (no "*": the role gets this action on these only)');
  }
}

/** What EventBridge refuses of an event's source and detail type. */
export function checkEventFields(context: IIntegrationContext, options: EventBridgeIntegrationOptions): void {
  checkLengthBetween(context.scope, `${context.prop}.source`, options.source, 1, MAX_EVENT_SOURCE);
  checkLengthBetween(context.scope, `${context.prop}.detailType`, options.detailType, 1, MAX_EVENT_DETAIL_TYPE);
  if (!Token.isUnresolved(options.source) && options.source.startsWith('aws.')) {
    throw propError(context.scope, `${context.prop}.source`, options.source, 'a source of your own: sources starting with "aws." are reserved for AWS services');
  }
}

/** The listener port a private integration's URL names: its port, or its scheme's; none for a URL of tokens. */
export function listenerPort(context: IIntegrationContext, url: string): ec2.Port | undefined {
  const parsed = /^(https?):\/\/[^/:?#]+(?::(\d+))?(?:[/?#]|$)/.exec(url);
  if (!parsed) {
    if (Token.isUnresolved(url)) return undefined;
    throw propError(context.scope, `${context.prop}.url`, url, 'an http:// or https:// URL, e.g. https://orders.internal.example.com/orders');
  }
  const port = parsed[2] ? Number(parsed[2]) : parsed[1] === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) throw propError(context.scope, `${context.prop}.url`, url, 'a port from 1 to 65535');
  return ec2.Port.tcp(port);
}

export function checkUrl(context: IIntegrationContext, url: string): string {
  checkBackendUrl(context.scope, `${context.prop}.url`, url);
  return url;
}

export function backendMethod(context: IIntegrationContext, requested: string | undefined): string {
  const method = requested ?? context.method;
  if (!(ROUTE_METHODS as readonly string[]).includes(method)) {
    throw propError(context.scope, `${context.prop}.method`, method, `one of ${ROUTE_METHODS.join(', ')}`);
  }
  return method;
}

/** Maps `{name}` placeholders of a backend URL to the route's path parameters of the same name. */
export function withPathParameters(
  url: string, context: IIntegrationContext, given: { [name: string]: string } | undefined,
): { [name: string]: string } | undefined {
  const mapped: { [name: string]: string } = {};
  // A token's text (`${Token[...]}`) never matches a placeholder, so a URL with tokens is read too.
  for (const [, name] of url.matchAll(/\{([a-zA-Z0-9._-]+)\}/g)) {
    if (context.pathParameters.includes(name)) {
      mapped[`integration.request.path.${name}`] = `method.request.path.${name}`;
    }
  }
  const all = { ...mapped, ...given };
  return Object.keys(all).length > 0 ? all : undefined;
}
