import { Duration, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkBackendUrl, checkIntegerInRange } from '../core/checks';
import { propError } from '../core/errors';
import { stableText } from '../core/hash';

/** Methods an HTTP or WebSocket API's HTTP integration may call its backend with. */
const HTTP_METHODS = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const MIN_TIMEOUT_MS = 50;

/** The method an HTTP proxy integration calls its backend with. */
export function checkedMethod(scope: IConstruct, prop: string, method: string): string {
  if (!Token.isUnresolved(method) && !HTTP_METHODS.includes(method)) throw propError(scope, `${prop}.method`, method, HTTP_METHODS.join(', '));
  return method;
}

/** The integration timeout in ms, 50 ms to `maxMs` (the protocol's limit), `maxMs` by default. */
export function checkedTimeout(scope: IConstruct, prop: string, timeout: Duration | undefined, maxMs: number): number {
  const ms = timeout?.toMilliseconds() ?? maxMs;
  checkTimeoutInMillis(scope, `${prop}.timeout`, ms, maxMs);
  return ms;
}

/** An integration timeout in ms, when given: 50 ms to `maxMs` (the protocol's limit). */
export function checkTimeoutInMillis(scope: IConstruct, prop: string, ms: number | undefined, maxMs: number): void {
  checkIntegerInRange(scope, prop, ms, MIN_TIMEOUT_MS, maxMs, 'ms');
}

/** An HTTP or WebSocket API's integration proxying to a public URL, checked: its settings and the key its routes share it by. */
export interface UrlProxyFields {
  readonly key: string;
  readonly uri: string;
  readonly method: string;
  readonly timeoutInMillis: number;
}

/** Checks a URL proxy's URL, method and timeout (up to `maxTimeoutMs`) and returns its integration fields. */
export function urlProxyFields(
  scope: IConstruct, prop: string, url: string, method: string, timeout: Duration | undefined, maxTimeoutMs: number,
): UrlProxyFields {
  checkBackendUrl(scope, `${prop}.url`, url);
  const checkedMethodName = checkedMethod(scope, prop, method);
  const ms = checkedTimeout(scope, prop, timeout, maxTimeoutMs);
  return {
    key: `url ${stableText(scope, url)} ${checkedMethodName} ${ms}`,
    uri: url,
    method: checkedMethodName,
    timeoutInMillis: ms,
  };
}
