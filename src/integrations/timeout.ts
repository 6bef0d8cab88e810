import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IIntegrationContext } from './integration-config';
import { IntegrationOptions } from './options';
import { propError } from '../core/errors';

/** API Gateway's limits on integration timeouts, in milliseconds. */
export const MIN_TIMEOUT_MS = 50;
export const DEFAULT_MAX_TIMEOUT_MS = 29_000;

/** Resolves and validates an integration timeout; the default is the quota, 29 seconds. */
export function timeoutMillis(options: IntegrationOptions, context: IIntegrationContext): number {
  if (options.timeout === undefined) return DEFAULT_MAX_TIMEOUT_MS;
  const prop = `${context.prop}.timeout`;
  if (Token.isUnresolved(options.timeout.toMilliseconds({ integral: false }))) {
    return options.timeout.toMilliseconds();
  }
  const ms = options.timeout.toMilliseconds({ integral: false });
  if (!Number.isInteger(ms) || ms < MIN_TIMEOUT_MS) {
    throw propError(context.scope, prop, `${ms} ms`, `whole milliseconds from ${MIN_TIMEOUT_MS} to ${DEFAULT_MAX_TIMEOUT_MS} ms`);
  }
  if (ms > DEFAULT_MAX_TIMEOUT_MS) {
    if (!options.timeoutQuotaRaised) {
      throw propError(context.scope, prop, `${ms} ms`,
        `${MIN_TIMEOUT_MS} to ${DEFAULT_MAX_TIMEOUT_MS} ms; above that, raise the account's API Gateway quota `
        + '"Maximum integration timeout in milliseconds" and set timeoutQuotaRaised: true (REGIONAL and PRIVATE APIs only)');
    }
    if (context.endpointType === apigw.EndpointType.EDGE) {
      throw propError(context.scope, prop, `${ms} ms`,
        `at most ${DEFAULT_MAX_TIMEOUT_MS} ms on an EDGE API: longer timeouts exist only for REGIONAL and PRIVATE APIs`);
    }
  }
  return ms;
}
