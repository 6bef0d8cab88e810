import { Duration } from 'aws-cdk-lib';

/**
 * Cross-origin resource sharing for browsers: a preflight (`OPTIONS`) route on every path,
 * and CORS headers on the gateway's own 4XX and 5XX responses.
 *
 * ```ts
 * new GatewayApi(this, 'Api', { cors: { allowOrigins: ['https://app.example.com'] } });
 * ```
 */
export interface CorsOptions {
  /**
   * Origins allowed to call the API: `['*']` or full origins such as `https://app.example.com`.
   * With several origins, the preflight answers the caller's origin when it is in the list;
   * the responses API Gateway builds itself (gateway responses, non-proxy integrations) name
   * the first origin, and proxy backends (Lambda proxy, HTTP proxy) send their own headers.
   */
  readonly allowOrigins: string[];

  /**
   * Methods allowed in cross-origin requests.
   *
   * @default - the methods of the routes on each path (every method for ANY)
   */
  readonly allowMethods?: string[];

  /**
   * Request headers allowed in cross-origin requests.
   *
   * @default ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token']
   */
  readonly allowHeaders?: string[];

  /**
   * Response headers the browser may expose to the calling script.
   *
   * @default - none
   */
  readonly exposeHeaders?: string[];

  /**
   * Whether the browser may send credentials (cookies, authorization headers). Not allowed
   * with the `*` origin.
   *
   * @default false
   */
  readonly allowCredentials?: boolean;

  /**
   * How long the browser may cache the preflight answer.
   *
   * @default - the browser's default (5 seconds in most browsers)
   */
  readonly maxAge?: Duration;

  /**
   * The status code of the preflight answer.
   *
   * @default 204
   */
  readonly statusCode?: number;
}
