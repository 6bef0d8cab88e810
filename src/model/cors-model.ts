import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CorsModel } from './api-model';
import { checkIntegerInRange } from '../core/checks';
import { propError } from '../core/errors';
import { ROUTE_METHODS } from '../core/route-key';
import { CorsOptions } from '../cors/cors-options';

export const DEFAULT_CORS_HEADERS = ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token'];
const ORIGIN = /^https?:\/\/[a-zA-Z0-9.-]+(:\d{1,5})?$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** Validates CORS options and fills in their defaults. */
export function toCorsModel(scope: IConstruct, cors: CorsOptions): CorsModel {
  if (cors.allowOrigins.length === 0) {
    throw propError(scope, 'cors.allowOrigins', cors.allowOrigins, "['*'] or one or more origins such as https://app.example.com");
  }
  for (const origin of cors.allowOrigins) {
    if (Token.isUnresolved(origin)) continue;
    if (origin === '*' ? cors.allowOrigins.length > 1 : !ORIGIN.test(origin)) {
      throw propError(scope, 'cors.allowOrigins', origin,
        "'*' alone, or origins of the form scheme://host[:port] with no path, e.g. https://app.example.com");
    }
  }
  if (cors.allowCredentials && cors.allowOrigins.includes('*')) {
    throw propError(scope, 'cors.allowCredentials', true, "false with allowOrigins ['*'] (browsers refuse credentials for any origin); list the origins instead");
  }
  for (const method of cors.allowMethods ?? []) {
    if (!(ROUTE_METHODS as readonly string[]).includes(method) || method === 'ANY') {
      throw propError(scope, 'cors.allowMethods', method, ROUTE_METHODS.filter(m => m !== 'ANY').join(', '));
    }
  }
  for (const [prop, headers] of [['cors.allowHeaders', cors.allowHeaders], ['cors.exposeHeaders', cors.exposeHeaders]] as const) {
    for (const header of headers ?? []) {
      if (!HEADER_NAME.test(header)) throw propError(scope, prop, header, 'HTTP header names (letters, digits and -)');
    }
  }
  checkIntegerInRange(scope, 'cors.statusCode', cors.statusCode, 200, 299);
  const maxAgeSeconds = cors.maxAge?.toSeconds();
  return {
    allowOrigins: cors.allowOrigins,
    allowMethods: cors.allowMethods,
    allowHeaders: cors.allowHeaders ?? DEFAULT_CORS_HEADERS,
    exposeHeaders: cors.exposeHeaders,
    allowCredentials: cors.allowCredentials ?? false,
    maxAgeSeconds,
    statusCode: cors.statusCode ?? 204,
  };
}
