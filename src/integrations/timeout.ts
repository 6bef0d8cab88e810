import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IIntegrationContext } from './integration-config';
import { IntegrationOptions } from './options';
import { propError } from '../core/errors';

/** API Gateway's limits on integration timeouts, in milliseconds. */
export const MIN_TIMEOUT_MS = 50;
export const DEFAULT_MAX_TIMEOUT_MS = 29_000;
/** A streamed response lasts at most 15 minutes, on any endpoint type and without a quota raise. */
export const MAX_STREAM_TIMEOUT_MS = 900_000;

/**
 * Resolves and validates an integration timeout. The default is the quota, 29 seconds, or the
 * 15 minutes a streamed response may last.
 */
export function timeoutMillis(options: IntegrationOptions, context: IIntegrationContext, streamed: boolean = false): number {
  if (options.timeout === undefined) return streamed ? MAX_STREAM_TIMEOUT_MS : DEFAULT_MAX_TIMEOUT_MS;
  const prop = `${context.prop}.timeout`;
  if (Token.isUnresolved(options.timeout.toMilliseconds({ integral: false }))) {
    return options.timeout.toMilliseconds();
  }
  const ms = options.timeout.toMilliseconds({ integral: false });
  const max = streamed ? MAX_STREAM_TIMEOUT_MS : DEFAULT_MAX_TIMEOUT_MS;
  if (!Number.isInteger(ms) || ms < MIN_TIMEOUT_MS) {
    throw propError(context.scope, prop, `${ms} ms`, `whole milliseconds from ${MIN_TIMEOUT_MS} to ${max} ms`);
  }
  if (streamed) {
    if (ms > MAX_STREAM_TIMEOUT_MS) {
      throw propError(context.scope, prop, `${ms} ms`, `at most ${MAX_STREAM_TIMEOUT_MS} ms (15 minutes): the longest a streamed response may last`);
    }
    return ms;
  }
  if (ms > DEFAULT_MAX_TIMEOUT_MS) {
    if (!options.timeoutQuotaRaised) {
      throw propError(context.scope, prop, `${ms} ms`,
        `${MIN_TIMEOUT_MS} to ${DEFAULT_MAX_TIMEOUT_MS} ms; above that, stream the response (responseTransferMode: STREAM, up to 15 minutes) `
        + 'or raise the account\'s API Gateway quota "Maximum integration timeout in milliseconds" and set timeoutQuotaRaised: true '
        + '(REGIONAL and PRIVATE APIs only)');
    }
    if (context.endpointType === apigw.EndpointType.EDGE) {
      throw propError(context.scope, prop, `${ms} ms`,
        `at most ${DEFAULT_MAX_TIMEOUT_MS} ms on an EDGE API: longer timeouts exist only for REGIONAL and PRIVATE APIs`);
    }
  }
  return ms;
}
